"""Evaluation tables with a header row (CSV, Excel, tab-separated): header mapping and rows.

The PDF extraction of the seed has no usable header (its columns shift from page to page), so
``parse.py`` finds the grades by their values. A table typed or exported by a city has a header
row instead, and its columns are found by name (``HEADERS``). One row per department row:

- ``章`` / ``節`` / ``項`` are optional columns; a blank cell means "same as the row above"
  (what merged cells become when exported). A row with only a chapter, section or item title
  (``第1章 …``, ``第2節 …``, ``第3項 …``) in any column sets it too, as the PDF's title rows do.
- A bare ``自由記述欄`` column is the comment of the grade column to its left: after
  ``取組区分`` it is the effort comment, after ``今後の方向性`` the direction comment. A
  two-row header like the PDF's (``取組評価`` over ``選択欄`` | ``自由記述欄``) is read the same way.
- Rows above the header with one cell are the document title, legend lines (``<進捗区分>``,
  ``A=…``) or a chapter title. Columns with other names are ignored.

Each row keeps its line: the CSV line the record starts on, or the sheet's row number.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from typing import Iterable, Iterator

from .grades import EFFORT, PROGRESS
from .parse import CHAPTER, ITEM, SECTION, ParsedDocument, _Reader, finish
from .limits import MAX_COLUMNS, MAX_ROWS
from .tables import Tables

# Normalized header text (NFKC, no blanks) -> field. README.md documents this table.
HEADERS = {
    "章": "chapter",
    "節": "section",
    "項": "item",
    "施策の方向性": "measure",
    "施策": "measure",
    "内容": "content",
    "内容(取り組んでいく事業等)": "content",
    "進捗区分": "progress",
    "取組区分": "effort",
    "取組評価": "effort",
    "取組評価(選択欄)": "effort",
    "取組評価(自由記述)": "effort_comment",
    "取組評価(自由記述欄)": "effort_comment",
    "今後の方向性": "direction",
    "今後の方向性(選択欄)": "direction",
    "今後の方向性(自由記述)": "direction_comment",
    "今後の方向性(自由記述欄)": "direction_comment",
    "所管課": "departments",
    "担当課": "departments",
}
COMMENT_HEADERS = {"自由記述欄", "自由記述"}
SUB_HEADERS = COMMENT_HEADERS | {"選択欄"}
COMMENT_OF = {"effort": "effort_comment", "direction": "direction_comment"}
REQUIRED = ("measure", "content", "progress", "effort", "direction", "departments")
LABELS = {"chapter": "章", "section": "節", "item": "項", "measure": "施策の方向性", "content": "内容",
          "progress": "進捗区分", "effort": "取組区分", "effort_comment": "取組評価（自由記述）",
          "direction": "今後の方向性", "direction_comment": "今後の方向性（自由記述）",
          "departments": "所管課"}
DATA_FIELDS = REQUIRED + ("effort_comment", "direction_comment")
BARE_NUMBER = re.compile(r"^[0-9]+$")

Row = tuple[int, list[str], str]  # (line, cells, text as stored)


def header_name(cell: str) -> str:
    """A header cell as looked up in ``HEADERS``: NFKC, without blanks (（自由記述） = (自由記述))."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell or ""))


def known_headers(cells: list[str]) -> int:
    return sum(1 for c in cells if header_name(c) in HEADERS or header_name(c) in COMMENT_HEADERS)


def is_sub_header(cells: list[str]) -> bool:
    names = {header_name(c) for c in cells} - {""}
    return bool(names) and names <= SUB_HEADERS | set(HEADERS)


def header_names(top: list[str], below: list[str] | None) -> list[str]:
    """Column names; with a second header row, ``取組評価`` over ``自由記述欄`` → 取組評価(自由記述欄)."""
    names, carried = [], ""
    for index, cell in enumerate(top):
        name = header_name(cell)
        sub = header_name(below[index]) if below is not None and index < len(below) else ""
        if name:
            carried = name
        elif sub:
            name = carried  # a merged cell spans the columns to its right
        names.append(f"{name}({sub})" if name and sub else name or sub)
    return names


def map_columns(names: list[str]) -> tuple[dict[str, int], list[str]]:
    """``field -> column index`` and the problems (a column twice, a comment with no grade)."""
    columns: dict[str, int] = {}
    problems, last_grade = [], None
    for index, name in enumerate(names):
        field = HEADERS.get(name)
        if field is None and name in COMMENT_HEADERS:
            if last_grade is None:
                problems.append(f"column {index + 1} ({name}) follows no 取組区分 or 今後の方向性 column")
                continue
            field = COMMENT_OF[last_grade]
        if field is None:
            continue
        if field in COMMENT_OF:
            last_grade = field
        if field in columns:
            problems.append(f"columns {columns[field] + 1} and {index + 1} are both read as "
                            f"{LABELS[field]} ({field})")
            continue
        columns[field] = index
    return columns, problems


def grade(value: str) -> str:
    """A grade as written, width-normalized: Ｂ → B."""
    return unicodedata.normalize("NFKC", value).strip().upper()


def chapter_title(value: str) -> str:
    """A chapter cell; a bare number means that chapter: 3 → 第3章."""
    value = value.strip()
    number = unicodedata.normalize("NFKC", value)
    return f"第{number}章" if BARE_NUMBER.match(number) else value


class _TableReader(_Reader):
    """Reads the rows of a table with a header; shares records and chapters with ``_Reader``."""

    def __init__(self, document_id: str, file_name: str, tables: Tables):
        super().__init__(document_id, file_name, tables)
        self.header_cells: list[str] = []

    def read_table(self, rows: Iterable[Row]) -> None:
        rows = iter(rows)
        columns = self._read_preamble(rows)
        if columns is None:
            return
        for number, cells, text in rows:
            self._read_row(number, cells, text, columns)

    def _read_preamble(self, rows: Iterator[Row]) -> dict[str, int] | None:
        """Title, legend and chapter lines up to the header; the header's column map."""
        for number, cells, text in rows:
            filled = [c.strip() for c in cells if c.strip()]
            if known_headers(cells) >= 3:
                return self._read_header(number, cells, rows)
            if len(filled) == 1 and not self.read_legend(number, filled[0]):
                self._read_title(number, filled[0])
        self.problem(1, "no header row found: a table needs the columns "
                        + ", ".join(LABELS[f] for f in REQUIRED))
        return None

    def _read_header(self, number: int, cells: list[str], rows: Iterator[Row]) -> dict[str, int] | None:
        self.header_cells = cells
        below = None
        following = next(rows, None)
        if following is not None and any(header_name(c) in SUB_HEADERS for c in following[1]):
            below = following[1]
        columns, problems = map_columns(header_names(cells, below))
        for problem in problems:
            self.problem(number, problem)
        missing = [f for f in REQUIRED if f not in columns]
        if missing:
            self.problem(number, "missing columns: " + ", ".join(f"{LABELS[f]} ({f})" for f in missing))
        if problems or missing:
            return None
        if following is not None and below is None:
            self._read_row(*following, columns)
        return columns

    def _read_title(self, number: int, text: str) -> None:
        """A row with one cell: a chapter, section or item title, or the document title."""
        if CHAPTER.match(text):
            self.enter_chapter(number, text)
        elif SECTION.match(text):
            self.section, self.item = text, ""
        elif ITEM.match(text):
            self.item = text
        else:
            self.titles[text] += 1

    def _read_row(self, number: int, cells: list[str], text: str, columns: dict[str, int]) -> None:
        cells = [c.strip() for c in cells]
        filled = [c for c in cells if c]
        if not filled or known_headers(cells) >= 3 or is_sub_header(cells):
            return  # blank, or the header repeated on a later page
        def cell(field: str) -> str:
            index = columns.get(field)
            return cells[index] if index is not None and index < len(cells) else ""

        extra = [i + 1 for i, c in enumerate(cells) if c and i >= len(self.header_cells)]
        if extra:
            self.problem(number, f"cells beyond the header's {len(self.header_cells)} columns "
                                 f"(column {extra[0]})")
            return
        if len(filled) == 1 and not any(cell(f) for f in ("chapter", "section", "item")):
            self._read_title(number, filled[0])  # one cell is a title, never an evaluation
            return
        if cell("chapter"):
            title = chapter_title(cell("chapter"))
            if self.chapter is None or title != self.chapter[1]:
                self.enter_chapter(number, title)
        if cell("section") and cell("section") != self.section:
            self.section, self.item = cell("section"), ""
        if cell("item"):
            self.item = cell("item")
        if not any(cell(f) for f in DATA_FIELDS):
            return  # a heading row: 章, 節 or 項 only
        progress, effort = grade(cell("progress")), grade(cell("effort"))
        if len(progress) != 1 or progress not in PROGRESS:
            self.problem(number, f"bad progress grade {cell('progress')!r} "
                                 f"(進捗区分: expected one of {', '.join(PROGRESS)})")
            return
        if len(effort) != 1 or effort not in EFFORT:
            self.problem(number, f"bad effort grade {cell('effort')!r} "
                                 f"(取組区分: expected one of {', '.join(EFFORT)})")
            return
        ordered = [cell("measure"), cell("content"), progress, effort, cell("effort_comment"),
                   cell("direction"), cell("direction_comment"), cell("departments")]
        self.read_row(number, text, ordered, 2)


def parse_table(rows: Iterable[Row], document_id: str, file_name: str, tables: Tables) -> ParsedDocument:
    """Parse the rows of a table with a header row; raise ``ParseError`` on problems."""
    reader = _TableReader(document_id, file_name, tables)
    reader.read_table(rows)
    return finish(reader)


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def csv_rows(text: str, file_name: str) -> Iterator[Row]:
    """Rows of CSV text with the line each starts on; ``CsvProblem`` names the line it failed on,
    or the row past the limits (a cell's limit is the csv module's field limit, MAX_CELL_CHARS)."""
    lines = LINE_BREAK.split(text)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start, rows = 1, 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvProblem(f"{file_name}:{reader.line_num or start}: unreadable CSV ({error})") from None
        rows += 1
        if rows > MAX_ROWS:
            raise CsvProblem(f"{file_name}:{start}: more than {MAX_ROWS:,} rows")
        if len(cells) > MAX_COLUMNS:
            raise CsvProblem(f"{file_name}:{start}: more than {MAX_COLUMNS} columns ({len(cells):,})")
        end = reader.line_num
        yield start, cells, "\n".join(lines[start - 1:end])
        start = end + 1


class CsvProblem(ValueError):
    """A CSV file that the csv module cannot split into rows."""


def tsv_rows(text: str) -> Iterator[Row]:
    """Rows of tab-separated text, one per line."""
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line.split("\t"), line


def is_table(text: str) -> bool:
    """Whether tab-separated text is a table with a header row that has a 章 column.

    The PDF extraction has a header too, but no 章 column (chapters are title lines) and
    columns that shift from page to page: it is read by ``parse.py``.
    """
    for _, cells, _ in tsv_rows(text):
        if known_headers(cells) >= 3:
            return any(HEADERS.get(header_name(c)) == "chapter" for c in cells)
    return False
