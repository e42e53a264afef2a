"""Parse an evaluation table (text extracted from the city's PDF) into records with provenance.

The document is a legend of grade codes followed by pages of a table. Each page repeats the
document title, its chapter title and the column headers; then come section (第N節) and item
(第N項) lines and one row per department: measure, content, progress grade, effort grade and
comment, direction(s) and comment, department(s). A row with no measure of its own continues
the measure above it. The parser keeps every cell as written and records what it had to
interpret (canonical chapter titles, truncated department names) as corrections.

Pages: each printed page of the PDF starts with the table's column headers (``節 項 施策の方向性
…``), and the extraction ends every page with a blank line. A record's ``page`` counts them:
the first column header opens page 1 (the legend above it shares that page), and a blank line
or a column header after table rows opens the next page. Where the extraction dropped a page's
header (two pages of chapter 3 in the seed) the blank line still marks the break.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .analysis import apply_corrections
from .grades import DIRECTION, EFFORT, GRADES, LEGEND_KINDS, PROGRESS  # noqa: F401 (PROGRESS, EFFORT: re-exported)
from .tables import Tables

TEXT_FIELDS = ("measure", "content", "effort_comment", "direction_comment", "section", "item")

LEGEND_HEADING = re.compile(r"^\s*[<＜〈]\s*(.+?)\s*[>＞〉]\s*$")
LEGEND_ENTRY = re.compile(r"^\s*(\S)\s*[=＝]\s*(.+?)\s*$")
CHAPTER = re.compile(r"^\s*第\s*([0-9０-９一二三四五六七八九十]+)\s*章")
SECTION = re.compile(r"^\s*第\s*[0-9０-９]+\s*節")
ITEM = re.compile(r"^\s*第\s*[0-9０-９]+\s*項")
SPLIT_CODES = re.compile(r"[\s、,，・/／]+")
SPLIT_DEPARTMENTS = re.compile(r"[\s、,，]+")
NOTE = re.compile(r"^(.*?)[（(]([^（）()]*)[）)]$")


class ParseError(ValueError):
    """A document could not be read; ``problems`` lists each as ``file:line: reason``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LegendEntry:
    kind: str
    code: str
    label: str
    line: int
    written: str


@dataclass
class Chapter:
    key: str
    title: str
    spellings: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class ParsedDocument:
    title: str
    legend: list[LegendEntry]
    chapters: list[Chapter]
    records: list[dict]


def is_code(cell: str, alphabet: str) -> bool:
    """One grade code of ``alphabet`` (``"BC"`` is not a code, though it is in ``"ABCDE"``)."""
    return len(cell) == 1 and cell in alphabet


def chapter_key(title: str) -> str:
    """第1章 … → 第1章; an unnumbered title is its own key, without the part in parentheses."""
    match = CHAPTER.match(title)
    if match:
        number = unicodedata.normalize("NFKC", match.group(1))
        return f"第{number}章"
    return re.split(r"[（(]", title.strip(), maxsplit=1)[0].strip()


def _parenthetical(title: str) -> str:
    match = re.search(r"[（(](.*)[）)]", title)
    return match.group(1) if match else ""


def canonical_chapter(key: str, spellings: list[str], tables: Tables) -> str:
    """The table's title for this key when it is the same chapter, else the most common spelling."""
    for table_key, title in tables.chapters:
        if table_key != key:
            continue
        same_topic = any(_parenthetical(s) == _parenthetical(title) for s in spellings)
        similar = max(difflib.SequenceMatcher(None, s, title).ratio() for s in spellings) >= 0.75
        if same_topic or similar:
            return title
    return Counter(spellings).most_common(1)[0][0]


def split_departments(cell: str, aliases: dict[str, str]):
    """``(names, notes, renamed)`` from a department cell.

    >>> split_departments("企画課 公共施設マネジメント推進課（関係各課）", {})[:2]
    (['企画課', '公共施設マネジメント推進課'], {'公共施設マネジメント推進課': '関係各課'})
    """
    names, notes, renamed = [], {}, []
    for token in SPLIT_DEPARTMENTS.split(cell.strip()):
        if not token:
            continue
        match = NOTE.match(token)
        name, note = (match.group(1), match.group(2)) if match else (token, "")
        if name in aliases:
            renamed.append((name, aliases[name]))
            name = aliases[name]
        if name and name not in names:
            names.append(name)
        if note and (name or names):
            notes[name or names[-1]] = note
    return names, notes, renamed


class _Reader:
    """State of one pass over the lines of a document."""

    def __init__(self, document_id: str, file_name: str, tables: Tables):
        self.document_id, self.file_name, self.tables = document_id, file_name, tables
        self.aliases = tables.department_aliases()
        self.legend: list[LegendEntry] = []
        self.legend_kind = None
        self.chapter_spellings: dict[str, list[str]] = {}
        self.chapter_lines: dict[str, int] = {}
        self.chapter = None  # (key, written title)
        self.section = self.item = ""
        self.records: list[dict] = []
        self.page = 0  # the printed page being read; 0 before the first column header
        self.rows_on_page = False
        self.titles: Counter = Counter()
        self.problems: list[str] = []

    def problem(self, line: int, reason: str):
        self.problems.append(f"{self.file_name}:{line}: {reason}")

    def read_legend(self, number: int, text: str) -> bool:
        heading = LEGEND_HEADING.match(text)
        if heading:
            self.legend_kind = LEGEND_KINDS.get(heading.group(1))
            if self.legend_kind is None:
                self.problem(number, f"unknown legend heading {heading.group(1)!r}")
            return True
        entry = LEGEND_ENTRY.match(text)
        if entry and self.legend_kind and not self.records:
            kind = self.legend_kind
            alphabet = GRADES[kind]
            code, label = entry.group(1), entry.group(2)
            position = sum(1 for e in self.legend if e.kind == kind)
            if code not in alphabet and position < len(alphabet):
                code = alphabet[position]  # e.g. the extraction wrote A for ア
            self.legend.append(LegendEntry(kind, code, label, number, text.strip()))
            return True
        return False

    def read_title(self, number: int, text: str, next_text: str):
        """A line without tabs: a chapter title (the table header follows) or the page header."""
        title = text.strip()
        if CHAPTER.match(title) or next_text.lstrip().startswith("節"):
            self.enter_chapter(number, title)
        else:
            self.titles[title] += 1

    def enter_chapter(self, number: int, title: str):
        """Rows from here on belong to the chapter ``title`` (as written on line ``number``)."""
        key = chapter_key(title)
        self.chapter_spellings.setdefault(key, []).append(title)
        self.chapter_lines.setdefault(key, number)
        if self.chapter is None or self.chapter[0] != key:
            self.section = self.item = ""
        self.chapter = (key, title)

    def turn_page(self, header: bool):
        """A blank line or a column header: after table rows (or as the first header), a new page."""
        if self.rows_on_page or (header and self.page == 0):
            self.page += 1
            self.rows_on_page = False

    def read_cells(self, number: int, line: str):
        cells = [c.strip() for c in line.split("\t")]
        first = next((c for c in cells if c), "")
        if first.startswith("節"):
            self.turn_page(header=True)
        if not first or first.startswith("節") or first == "選択欄":
            return  # blank row or column headers
        self.rows_on_page = True
        if SECTION.match(first) and not any(cells[cells.index(first) + 1:]):
            self.section, self.item = first, ""
            return
        if ITEM.match(first) and not any(cells[cells.index(first) + 1:]):
            self.item = first
            return
        grade = next((p for p in range(2, len(cells) - 5)
                      if is_code(cells[p], PROGRESS) and is_code(cells[p + 1], EFFORT)), None)
        if grade is None:
            self.problem(number, "row has no progress and effort grades (expected e.g. 'B<TAB>い')")
            return
        self.read_row(number, line, cells, grade)

    def read_row(self, number: int, line: str, cells: list[str], p: int):
        if self.chapter is None:
            self.problem(number, "evaluation row before any chapter title")
            return
        measure, content = cells[p - 2], cells[p - 1]
        continues = None
        if not measure and not content:
            if not self.records:
                self.problem(number, "row continues a measure but none precedes it")
                return
            previous = self.records[-1]
            measure, content = previous["measure"], previous["content"]
            continues = previous["continues"] or previous["line"]
        directions = [d for d in SPLIT_CODES.split(cells[p + 3]) if d]
        bad = [d for d in directions if not is_code(d, DIRECTION)]
        if not directions or bad:
            self.problem(number, f"unknown future direction {cells[p + 3]!r}")
            return
        departments, notes, renamed = split_departments(cells[p + 5], self.aliases)
        if not departments:
            self.problem(number, "row names no department")
            return
        self.records.append({
            "id": f"{self.document_id}:{number}",
            "document": self.document_id,
            "line": number,
            "page": self.page or None,
            "chapter_key": self.chapter[0],
            "chapter_written": self.chapter[1],
            "section": self.section,
            "item": self.item,
            "measure": measure,
            "content": content,
            "progress": cells[p],
            "effort": cells[p + 1],
            "effort_comment": cells[p + 2],
            "direction": directions,
            "direction_comment": cells[p + 4],
            "departments": departments,
            "department_notes": notes,
            "departments_written": cells[p + 5],
            "continues": continues,
            "source_text": line,
            "renamed_departments": renamed,
        })


def parse_document(text: str, document_id: str, file_name: str, tables: Tables) -> ParsedDocument:
    """Parse the tab-separated text of an evaluation document; raise ``ParseError`` on problems."""
    reader = _Reader(document_id, file_name, tables)
    lines = text.splitlines()
    for index, line in enumerate(lines):
        number = index + 1
        if "\t" in line:
            reader.read_cells(number, line)
        elif not line.strip():
            reader.turn_page(header=False)
        elif line.strip() and not reader.read_legend(number, line):
            following = next((l for l in lines[index + 1:] if l.strip()), "")
            reader.read_title(number, line, following)
    return finish(reader)


def finish(reader: _Reader) -> ParsedDocument:
    """Check what was read, resolve chapter titles and corrections."""
    if not reader.records and not reader.problems:
        reader.problem(1, "no evaluation rows found")
    if reader.problems:
        raise ParseError(reader.problems)
    tables = reader.tables
    chapters = [
        Chapter(key, canonical_chapter(key, spellings, tables), sorted(set(spellings)),
                reader.chapter_lines[key])
        for key, spellings in reader.chapter_spellings.items()
    ]
    canonical = {c.key: c.title for c in chapters}
    pairs = tables.correction_pairs()
    for position, record in enumerate(reader.records):
        record["position"] = position
        record["chapter"] = canonical[record.pop("chapter_key")]
        record["corrections"] = record_corrections(record, pairs)
    title = reader.titles.most_common(1)[0][0] if reader.titles else ""
    return ParsedDocument(title, reader.legend, chapters, reader.records)


def record_corrections(record: dict, pairs) -> list[dict]:
    """What the index reads differently from the stored text, field by field."""
    found = []
    for name in TEXT_FIELDS:
        for wrong, right in apply_corrections(record[name], pairs)[2]:
            entry = {"field": name, "from": wrong, "to": right}
            if entry not in found:
                found.append(entry)
    if record["chapter"] != record["chapter_written"]:
        found.append({"field": "chapter", "from": record["chapter_written"], "to": record["chapter"]})
    for written, real in record.pop("renamed_departments"):
        found.append({"field": "departments", "from": written, "to": real})
    return found
