"""Curated tables in ``data/``: OCR corrections, concepts, chapter titles, department names and
the everyday words that name grades.

Each table is a small TSV file with ``#`` comment lines, so that city staff can edit it
without touching code. Loaders return plain tuples and dicts (picklable, hashable).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .grades import GRADES

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class TableError(ValueError):
    """A curated table has a malformed line."""


@dataclass(frozen=True)
class Correction:
    wrong: str
    right: str
    note: str = ""


@dataclass(frozen=True)
class Concept:
    terms: tuple[str, ...]
    two_way: bool
    # False for mode "query": the first word (what people type) widens a query to the others,
    # which are not the same concept as each other, so related measures do not group them.
    related: bool = True

    @property
    def name(self) -> str:
        return self.terms[0]


@dataclass(frozen=True)
class GradeWord:
    """An everyday word that names grades (遅れる → progress D, E); see data/grade_words.tsv."""

    word: str
    kind: str
    codes: tuple[str, ...]
    use: str  # any, predicate, negated or named


GRADE_WORD_USES = ("any", "predicate", "negated", "named")


@dataclass(frozen=True)
class Tables:
    """Everything the parser and the analyzers read from ``data/``."""

    corrections: tuple[Correction, ...] = ()
    concepts: tuple[Concept, ...] = ()
    chapters: tuple[tuple[str, str], ...] = ()
    departments: tuple[tuple[str, str, str], ...] = ()
    grade_words: tuple[GradeWord, ...] = ()

    def correction_pairs(self) -> tuple[tuple[str, str], ...]:
        return tuple((c.wrong, c.right) for c in self.corrections)

    def concept_terms(self) -> list[str]:
        """Every term of the concept table, each concept's in its order."""
        return [term for concept in self.concepts for term in concept.terms]

    def department_aliases(self) -> dict[str, str]:
        return {written: real for written, real, _ in self.departments}


def read_rows(path: Path, min_columns: int) -> list[list[str]]:
    """Rows of a TSV table, skipping blank and ``#`` lines; ``path:line: reason`` on errors."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < min_columns or not all(cells[:min_columns]):
            raise TableError(f"{path.name}:{number}: expected {min_columns} tab-separated columns")
        rows.append(cells)
    return rows


def load_tables(data_dir: Path = DATA_DIR) -> Tables:
    corrections = tuple(
        Correction(row[0], row[1], row[2] if len(row) > 2 else "")
        for row in read_rows(data_dir / "corrections.tsv", 2)
    )
    concepts = []
    for row in read_rows(data_dir / "synonyms.tsv", 2):
        terms = tuple(t.strip() for t in row[0].replace(",", "、").split("、") if t.strip())
        if row[1] not in ("both", "one-way", "query") or len(terms) < 2:
            raise TableError(f"synonyms.tsv: bad concept {row[0]!r} ({row[1]!r})")
        concepts.append(Concept(terms, row[1] == "both", row[1] != "query"))
    chapters = tuple((row[0], row[1]) for row in read_rows(data_dir / "chapters.tsv", 2))
    departments = tuple(
        (row[0], row[1], row[2] if len(row) > 2 else "")
        for row in read_rows(data_dir / "departments.tsv", 2)
    )
    grade_words = []
    for row in read_rows(data_dir / "grade_words.tsv", 4):
        word = GradeWord(row[0], row[1], tuple(row[2].split()), row[3])
        if word.kind not in GRADES or not set(word.codes) <= set(GRADES[word.kind]) or word.use not in GRADE_WORD_USES:
            raise TableError(f"grade_words.tsv: bad entry {row[:4]!r}")
        grade_words.append(word)
    return Tables(corrections, tuple(concepts), chapters, departments, tuple(grade_words))


def tables_fingerprint(data_dir: Path = DATA_DIR) -> str:
    """A digest of the table files, so a build knows when it is stale."""
    digest = hashlib.sha256()
    for name in ("corrections.tsv", "synonyms.tsv", "chapters.tsv", "departments.tsv", "grade_words.tsv"):
        digest.update(name.encode())
        digest.update((data_dir / name).read_bytes())
    return digest.hexdigest()[:16]
