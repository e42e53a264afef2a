"""Read document files into ``SourceDocument`` and parse them by format.

Formats, by file extension:

- ``.txt`` / ``.tsv``: tab-separated text. The PDF extraction of the seed is read by
  ``parse.py``; a tab-separated table whose header has a ``章`` column by ``sheets.py``.
- ``.csv``: a table with a header row (``sheets.py``), UTF-8, comma-separated (RFC 4180).
- ``.xlsx``: the first sheet of an Excel workbook, a table with a header row. What is stored is
  a faithful tab-separated rendering of that sheet: line N is row N, cells joined by tabs, and
  a backslash, tab, newline or carriage return inside a cell written as ``\\\\``, ``\\t``,
  ``\\n``, ``\\r``. Reindexing parses that rendering, so the workbook itself is not needed again.

A file that is not one of these, is empty, is not UTF-8 or is not a readable workbook raises
``ParseError`` with one ``file:line: reason`` per problem.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import zipfile
from pathlib import Path

from .limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_TITLE_CHARS
from .parse import ParsedDocument, ParseError, parse_document
from .sheets import CsvProblem, csv_rows, is_table, parse_table, tsv_rows
from .store import SourceDocument
from .tables import Tables
from .workbook import Refused, check_workbook

FORMATS = {".txt": "tsv", ".tsv": "tsv", ".csv": "csv", ".xlsx": "xlsx"}
ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
UNESCAPES = {v: k for k, v in ESCAPES.items()}
ESCAPED = re.compile(r"\\[\\tnr]")


def document_id(path: Path) -> str:
    """A stable id from the file name: ``iruma-6th-first-half-evaluation.txt`` → its stem."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if len(slug) >= 3:
        return slug[:60]
    return "doc-" + hashlib.sha256(path.name.encode()).hexdigest()[:8]


def read_source(path: Path, origin: str = "ingested", title: str = "", doc_id: str = "") -> SourceDocument:
    """Read a document file; ``ParseError`` when its format or encoding is not readable."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ParseError([f"{path.name}:1: unsupported file type {path.suffix or '(none)'!r}; "
                          f"expected one of {', '.join(sorted(FORMATS))}"])
    if len(title) > MAX_TITLE_CHARS:
        raise ParseError([f"{path.name}: the title is {len(title):,} characters long (at most {MAX_TITLE_CHARS})"])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError([f"{path.name}: the file is {size:,} bytes (at most {MAX_FILE_BYTES:,})"])
        data = b"" if fmt == "xlsx" else path.read_bytes()
    except OSError as error:
        raise ParseError([f"{path.name}:1: cannot read the file ({error.strerror})"]) from None
    if fmt == "xlsx":
        text = render_workbook(path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            hint = "; save it as UTF-8 (Excel: 'CSV UTF-8')" if fmt == "csv" else ""
            raise ParseError([f"{path.name}:{line}: not UTF-8 text ({error.reason}){hint}"]) from None
        if fmt == "tsv":
            check_lines(text, path.name)
    if not text.strip():
        raise ParseError([f"{path.name}:1: empty file"])
    return SourceDocument(doc_id or document_id(path), title, path.name, text, fmt, origin)


def check_lines(text: str, file_name: str) -> None:
    """``ParseError`` when tab-separated text has more rows, columns or characters in a cell
    than a file may (the limits every format shares)."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > MAX_ROWS:
            raise ParseError([f"{file_name}:{number}: more than {MAX_ROWS:,} lines"])
        cells = line.split("\t")
        if len(cells) > MAX_COLUMNS:
            raise ParseError([f"{file_name}:{number}: more than {MAX_COLUMNS} columns ({len(cells):,})"])
        longest = max(map(len, cells))
        if longest > MAX_CELL_CHARS:
            raise ParseError([f"{file_name}:{number}: a cell of {longest:,} characters "
                              f"(at most {MAX_CELL_CHARS:,})"])


def escape_cell(value) -> str:
    """One workbook cell as text, tabs and line breaks escaped: 1.0 → 1, a date → 2024-04-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime.datetime) and value.time() == datetime.time():
        text = value.date().isoformat()
    elif isinstance(value, (datetime.date, datetime.time)):
        text = value.isoformat()
    else:
        text = str(value)
    return "".join(ESCAPES.get(ch, ch) for ch in text)


def unescape_cell(text: str) -> str:
    return ESCAPED.sub(lambda m: UNESCAPES[m.group(0)], text)


def render_workbook(path: Path) -> str:
    """The first sheet of an .xlsx workbook as tab-separated text, line N = row N.

    ``index.workbook.check_workbook`` streams every part first, so that what openpyxl expands is
    bounded; the sheet's ``<dimension>`` is ignored (a wrong one would drop columns).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            check_workbook(archive)
        return "\n".join(_sheet_lines(path)) + "\n"
    except Refused as refused:
        raise ParseError([f"{path.name}:1: {refused}"]) from None
    except ParseError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl reports a damaged workbook with any exception
        reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise ParseError([f"{path.name}:1: not a readable .xlsx workbook ({reason})"]) from None


def _sheet_lines(path: Path) -> list[str]:
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (styles, validation): not our concern.
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise ParseError([f"{path.name}:1: the workbook has no sheet"])
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        lines, row_number = [], 0
        for row in sheet.iter_rows():
            cells = [c for c in row if getattr(c, "row", None)]
            number = cells[0].row if cells else row_number + 1
            while row_number + 1 < number:  # rows the sheet does not store are blank
                lines.append("")
                row_number += 1
            values = [escape_cell(c.value) for c in row]
            while values and not values[-1]:
                values.pop()
            lines.append("\t".join(values))
            row_number = number
    finally:
        workbook.close()
    return lines


def workbook_rows(text: str):
    """Rows of a stored workbook rendering, cells unescaped."""
    for number, cells, line in tsv_rows(text):
        yield number, [unescape_cell(c) for c in cells], line


def parse_source(source: SourceDocument, tables: Tables) -> ParsedDocument:
    """Parse a document by its format; ``ParseError`` lists every problem."""
    parsed = _parse(source, tables)
    if not source.title and len(parsed.title) > MAX_TITLE_CHARS:
        raise ParseError([f"{source.file}: the title read from the file is {len(parsed.title):,} characters "
                          f"long (at most {MAX_TITLE_CHARS}); give one with --title"])
    return parsed


def _parse(source: SourceDocument, tables: Tables) -> ParsedDocument:
    if source.format == "csv":
        try:
            return parse_table(csv_rows(source.text, source.file), source.id, source.file, tables)
        except CsvProblem as problem:
            raise ParseError([str(problem)]) from None
    if source.format == "xlsx":
        return parse_table(workbook_rows(source.text), source.id, source.file, tables)
    if is_table(source.text):
        return parse_table(tsv_rows(source.text), source.id, source.file, tables)
    return parse_document(source.text, source.id, source.file, tables)
