"""Bounds on a document file, the same for every format; README's "Limits and safety" lists them.

A file past one is refused before it is stored, with a ``file:line: reason`` line and exit
status 1. They keep one ingest's time and memory bounded: the largest file allowed builds in
about a minute (``make bench`` measures it).
"""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024  # 40 times the seed document
MAX_ROWS = 10_000  # lines of a text file, records of a CSV file, rows of a sheet
MAX_COLUMNS = 100  # an evaluation table has 11
# Characters of one cell: the field limit CSV input has always had (csv.field_size_limit()).
MAX_CELL_CHARS = 131_072
MAX_TITLE_CHARS = 200
# The XML of a workbook is several times the text of its cells; its parts may expand to this
# much in all (an .xlsx is a zip: a small file can hold gigabytes).
MAX_XLSX_XML_BYTES = 8 * MAX_FILE_BYTES
# Parts other than the sheets and shared strings (styles, workbook, relationships, theme):
# openpyxl parses each whole; real ones are kilobytes.
MAX_XLSX_OTHER_PART_BYTES = 8 * 1024 * 1024
