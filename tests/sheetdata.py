"""Small CSV and Excel fixtures made from rows of the embedded document, as a city would type them."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from index.parse import parse_document
from index.tables import load_tables

from .conftest import DOC_ID, DOCUMENT

HEADER = ["章", "節", "項", "施策の方向性", "内容（取り組んでいく事業等）", "進捗区分", "取組区分",
          "取組評価（自由記述）", "今後の方向性", "今後の方向性（自由記述）", "所管課"]
FIELDS = ("chapter", "section", "item", "measure", "content", "progress", "effort", "effort_comment",
          "direction", "direction_comment", "departments")


@lru_cache(maxsize=1)
def seed_records() -> tuple[dict, ...]:
    """The records of the embedded document, parsed once."""
    text = DOCUMENT.read_text(encoding="utf-8")
    return tuple(parse_document(text, DOC_ID, DOCUMENT.name, load_tables()).records)


def table_rows(records, repeat_headings: bool = True) -> list[list[str]]:
    """One row per record; without ``repeat_headings`` 章/節/項 only where they change (merged cells)."""
    rows, last = [], (None, None, None)
    for r in records:
        heading = (r["chapter_written"], r["section"], r["item"])
        shown = [h if repeat_headings or h != p else "" for h, p in zip(heading, last)]
        last = heading
        rows.append(shown + [r["measure"], r["content"], r["progress"], r["effort"], r["effort_comment"],
                             "、".join(r["direction"]), r["direction_comment"], r["departments_written"]])
    return rows


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, title: str = "",
              encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        if title:
            writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]], header: list[str] = HEADER, title: str = "") -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "評価"
    if title:
        sheet.append([title])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def comparable(record: dict) -> dict:
    """The fields a table carries, to compare a record read from a table with the seed's."""
    return {name: record[name] for name in FIELDS}
