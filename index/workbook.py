"""Check an .xlsx workbook before any part of it is expanded: the zip bomb and entity guard.

openpyxl reads the shared strings whole when it opens a workbook and builds each cell's text
whole, so a 56 KB file holding one 50 MB cell cost gigabytes. Here every XML part is streamed
through expat in small chunks first, and the workbook is refused as soon as one of them

- declares a DTD (external entities, entity expansion: a spreadsheet never needs one),
- holds a cell (a shared string, or a cell's value) longer than ``MAX_CELL_CHARS``,
- or expands past ``MAX_XLSX_XML_BYTES`` in all, or holds more than ``MAX_FILE_BYTES`` of text,
- or has a sheet row past ``MAX_ROWS`` or a cell past column ``MAX_COLUMNS``, or a part other
  than a sheet or the shared strings larger than ``MAX_XLSX_OTHER_PART_BYTES``,

so what openpyxl is then given to read is bounded.
"""

from __future__ import annotations

import re
import zipfile
from xml.parsers import expat

from .limits import (MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_OTHER_PART_BYTES,
                     MAX_XLSX_XML_BYTES)

CHUNK = 64 * 1024
XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
SHEET_PART = re.compile(r"^xl/worksheets/[^/]+\.xml$", re.IGNORECASE)
CELL_PART = re.compile(r"^xl/(worksheets/[^/]+|sharedStrings)\.xml$", re.IGNORECASE)
CELL_REFERENCE = re.compile(r"^\$?([A-Za-z]+)\$?(\d+)$")
CELL_ELEMENTS = {"si", "c"}  # a shared string, a sheet cell: where one cell's text accumulates


class Refused(ValueError):
    """What is wrong with the workbook, in a few words (the caller adds the file name)."""

    def __init__(self, reason: str):
        super().__init__(reason if reason.startswith("not a readable") else f"workbook refused: {reason}")


def check_workbook(archive: zipfile.ZipFile) -> None:
    """``Refused`` unless every XML part of ``archive`` is within the bounds (module docstring)."""
    parts = [info for info in archive.infolist() if XML_PART.search(info.filename)]
    expanded = sum(info.file_size for info in parts)
    if expanded > MAX_XLSX_XML_BYTES:
        raise Refused(f"its XML expands to {expanded:,} bytes (at most {MAX_XLSX_XML_BYTES:,})")
    for info in parts:
        if not CELL_PART.match(info.filename) and info.file_size > MAX_XLSX_OTHER_PART_BYTES:
            raise Refused(f"{info.filename} expands to {info.file_size:,} bytes "
                          f"(at most {MAX_XLSX_OTHER_PART_BYTES:,})")
    scanner = _Scanner()
    for info in parts:
        scanner.scan(archive, info)


def column_number(letters: str) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


class _Scanner:
    """Streams parts through expat, counting text per cell and in all."""

    def __init__(self):
        self.text = 0  # characters in all parts
        self.cell = 0  # characters since the current cell started
        self.part = ""
        self.sheet = False
        self.row = self.column = 0

    def scan(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        self.part, self.sheet, self.row, self.cell = info.filename, bool(SHEET_PART.match(info.filename)), 0, 0
        parser = expat.ParserCreate()
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        parser.ExternalEntityRefHandler = self._doctype
        parser.StartElementHandler = self._start
        parser.CharacterDataHandler = self._characters
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise Refused(f"not a readable .xlsx workbook ({self.part} is not well-formed XML: "
                          f"{expat.errors.messages[error.code]}, line {error.lineno})") from None

    def _doctype(self, *args):
        raise Refused(f"{self.part} declares a DTD (entities are not allowed in a workbook)")

    def _start(self, name: str, attributes: dict) -> None:
        local = name.rsplit(":", 1)[-1]
        if local in CELL_ELEMENTS:
            self.cell = 0
        if not self.sheet:
            return
        if local == "row":
            self.row = int(attributes["r"]) if attributes.get("r", "").isdigit() else self.row + 1
            self.column = 0
            if self.row > MAX_ROWS:
                raise Refused(f"{self.part} has a row past row {MAX_ROWS:,} (row {self.row:,})")
        elif local == "c":
            reference = CELL_REFERENCE.match(attributes.get("r", ""))
            self.column = column_number(reference.group(1)) if reference else self.column + 1
            if self.column > MAX_COLUMNS:
                raise Refused(f"{self.part} has a cell past column {MAX_COLUMNS} in row {self.row:,}")

    def _characters(self, data: str) -> None:
        self.cell += len(data)
        self.text += len(data)
        if self.cell > MAX_CELL_CHARS:
            where = f" in row {self.row:,}" if self.sheet else ""
            raise Refused(f"a cell{where} is longer than {MAX_CELL_CHARS:,} characters ({self.part})")
        if self.text > MAX_FILE_BYTES:
            raise Refused(f"its cells hold more than {MAX_FILE_BYTES:,} characters of text")
