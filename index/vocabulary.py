"""The corpus's own words with their readings and Sudachi synonym groups: what query
understanding matches a kana spelling, a homophone, a typo or a synonym against.

What people type is often not the document's spelling: じちかい for 自治会, 健康増新 for 健康増進,
コミニティバス for コミュニティバス, お年寄り for 高齢者. Sudachi knows the reading of every word
(``reading_form()``) and groups synonyms (``synonym_group_ids()``: 年寄り and 高齢者 share a group),
but it segments a kana string badly (じちかい → じ・ちかい), so the query side compares a whole
typed string with the readings of the corpus's words rather than analysing it.

The vocabulary holds, for each row's text (OCR corrections applied):

- its nouns and adjectival nouns (split-C words and their split-A parts),
- its compound nouns: runs of two to ``MAX_RUN`` adjacent nouns, prefixes and suffixes
  (市民 + 活動 → 市民活動, 学童 + 保育 → 学童保育), and
- the names of the concept table (``data/synonyms.tsv``) that it writes, whole: Sudachi cuts a
  name written partly in kana into words that make no compound (広報いるま → 広報・いる・ま), so a
  reading typed for it (こうほういるま) would find nothing,

each with its reading in katakana, its synonym groups (words only: a compound has none) and the
number of rows of each document that contain it. Counts are kept per document so that adding
or removing a document touches only its own rows.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from .analysis import apply_corrections, morphemes, normalize, sub_morphemes

TEXT_FIELDS = ("measure", "content", "effort_comment", "direction_comment", "section", "item")
MAX_RUN = 4  # longer runs are kept as their shorter runs only
CONTENT_POS = ("名詞", "形状詞")


def _is_word(m) -> bool:
    pos = m.part_of_speech()
    return pos[0] in CONTENT_POS and pos[1] not in ("数詞",) and not m.surface().isdigit()


def _run_piece(m) -> bool:
    pos = m.part_of_speech()
    return (pos[0] == "名詞" and pos[1] != "数詞") or pos[0] in ("接頭辞", "接尾辞")


def entries(text: str, names: re.Pattern | None = None) -> dict[str, tuple[str, tuple[int, ...]]]:
    """``{term: (reading, synonym groups)}`` of one text: its words, their parts and its compounds,
    and the ``names`` (a pattern of the concept table's names, ``name_pattern``) it writes.

    >>> sorted(entries("市民活動の支援"))
    ['市民', '市民活動', '支援', '活動']
    >>> "広報いるま" in entries("広報いるまの発行"), "広報いるま" in entries("広報いるまの発行", name_pattern(["広報いるま"]))
    (False, True)
    """
    found: dict[str, tuple[str, tuple[int, ...]]] = {}

    def add(surface: str, reading: str, groups: tuple[int, ...] = ()):
        term = normalize(surface).strip()
        if len(term) >= 2 or (term and not term.isascii()):
            found.setdefault(term, (reading, groups))

    run: list = []

    def close_run():
        for start in range(len(run)):
            for end in range(start + 2, min(len(run), start + MAX_RUN) + 1):
                pieces = run[start:end]
                if _run_piece(pieces[0]) and pieces[0].part_of_speech()[0] != "接尾辞":
                    add("".join(p.surface() for p in pieces), "".join(p.reading_form() for p in pieces))
        run.clear()

    for name in dict.fromkeys(names.findall(text)) if names is not None else ():
        add(name, "".join(m.reading_form() for _, m in morphemes(name)))
    for _, m in morphemes(text):
        if _is_word(m):
            add(m.surface(), m.reading_form(), tuple(m.synonym_group_ids()))
            for part in sub_morphemes(m):
                if _is_word(part):
                    add(part.surface(), part.reading_form(), tuple(part.synonym_group_ids()))
        if _run_piece(m):
            run.append(m)
        else:
            close_run()
    close_run()
    return found


KANA = re.compile(r"[ぁ-ゖ]")


def name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """One pattern for the names written partly in kana that Sudachi cannot read as a compound
    noun (広報いるま: 広報・いる・ま), longest first. One it reads as nouns is a compound of the
    vocabulary already (空き家バンク), one with a particle (自治会への加入) a phrase of its words."""
    kana = sorted({n for n in names if len(n) >= 3 and KANA.search(n) and _broken_name(n)},
                  key=len, reverse=True)
    return re.compile("|".join(map(re.escape, kana))) if kana else None


def _broken_name(name: str) -> bool:
    """Whether Sudachi reads a name as a noun and words that make no compound with it, no particle."""
    pieces = [m for _, m in morphemes(name)]
    return any(_is_word(m) for m in pieces) and not all(_run_piece(m) for m in pieces) \
        and not any(m.part_of_speech()[0] in ("助詞", "助動詞") for m in pieces)


def document_vocabulary(records: Iterable[dict], corrections=(), names: Iterable[str] = ()) -> dict[str, dict]:
    """``{document: {term: [reading, groups, rows]}}`` over ``records``; each distinct text is
    analysed once (the department rows of a measure repeat its text)."""
    pattern = name_pattern(names)
    cache: dict[str, dict] = {}
    vocabulary: dict[str, dict] = defaultdict(dict)
    for record in records:
        terms: dict[str, tuple[str, tuple[int, ...]]] = {}
        for name in TEXT_FIELDS:
            text = record.get(name) or ""
            if text not in cache:
                cache[text] = entries(apply_corrections(text, corrections)[0], pattern)
            terms.update(cache[text])
        table = vocabulary[record["document"]]
        for term, (reading, groups) in terms.items():
            if term in table:
                table[term][2] += 1
            else:
                table[term] = [reading, groups, 1]
    return vocabulary


CREATE = """create table if not exists vocabulary (
    document text, term text, reading text, groups text, rows integer,
    primary key (document, term)) without rowid"""


def add_documents(connection: sqlite3.Connection, records: Iterable[dict], corrections=(),
                  names: Iterable[str] = ()) -> None:
    """Store the vocabulary of ``records`` (whole documents), replacing their documents' entries;
    ``names``: the concept table's names (see ``entries``)."""
    vocabulary = document_vocabulary(records, corrections, names)
    connection.execute(CREATE)
    for document, terms in vocabulary.items():
        connection.execute("delete from vocabulary where document = ?", (document,))
        connection.executemany(
            "insert into vocabulary values (?, ?, ?, ?, ?)",
            ((document, term, reading, json.dumps(list(groups)), rows)
             for term, (reading, groups, rows) in terms.items()))


def remove_documents(connection: sqlite3.Connection, documents: list[str]) -> None:
    """Forget the entries of ``documents`` (a document removed or about to be replaced)."""
    connection.execute(CREATE)
    connection.executemany("delete from vocabulary where document = ?", ((d,) for d in documents))


def write_totals(connection: sqlite3.Connection) -> None:
    """Sum the vocabulary over every document into ``vocabulary_totals``, once per change: a server
    opening a generation reads the totals (8,500 terms at 100× the document) instead of summing
    700,000 per-document entries while the change waits to be served."""
    connection.execute(CREATE)
    connection.execute("drop table if exists vocabulary_totals")
    connection.execute("create table vocabulary_totals as select term, min(reading) as reading, "
                       "min(groups) as groups, sum(rows) as rows from vocabulary group by term")


def read_vocabulary(database: Path | sqlite3.Connection) -> list[tuple[str, str, tuple[int, ...], int]]:
    """``(term, reading, groups, rows)`` over every document (rows summed), from a database file or
    an open connection (a server holds its generation's open, so that it outlives the folder)."""
    if isinstance(database, sqlite3.Connection):
        return _read_vocabulary(database)
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return _read_vocabulary(connection)
    finally:
        connection.close()


def _read_vocabulary(connection: sqlite3.Connection) -> list[tuple[str, str, tuple[int, ...], int]]:
    exists = connection.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'vocabulary_totals'").fetchone()
    if not exists:
        return []
    rows = connection.execute("select term, reading, groups, rows from vocabulary_totals order by term").fetchall()
    return [(term, reading, tuple(json.loads(groups)), n) for term, reading, groups, n in rows]

