"""Exports of a whole result set: CSV that Excel opens in Japanese, an Excel workbook, and JSON.

Rows come in the order the result set is in (the caller asks for plan order unless the user
sorted); a grouped export lists each group's rows under a first column naming the group, so a
row of two departments appears under each.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from index.grades import FACET_NAMES_JA, GRADES
from index.parse import chapter_key

from .corpus import Corpus
from .groups import group_documents
from .query import ParsedQuery
from .resultset import result_documents, result_records

BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet: quote it (OWASP's advice).
# Excel evaluates their full-width forms too (＝, ＋, －, ＠ and the small ﹦ ﹢ ﹣ ﹫, which NFKC
# maps to them), and the minus sign −.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212")

# (header, column width in Excel, how to read the cell from a record and the export context).
# The document is named once (its title) and the row by its page and line: no ID or file name,
# which only repeat them.
COLUMNS = (
    ("章", 24, lambda r, c: r["chapter"]),
    ("節", 20, lambda r, c: r["section"]),
    ("項", 20, lambda r, c: r["item"]),
    ("施策の方向性", 28, lambda r, c: r["measure"]),
    ("内容", 40, lambda r, c: r["content"]),
    ("所管課", 16, lambda r, c: "、".join(r["departments"])),
    ("進捗区分", 6, lambda r, c: r["progress"]),
    ("進捗区分の意味", 24, lambda r, c: c.labels["progress"].get(r["progress"], "")),
    ("取組区分", 6, lambda r, c: r["effort"]),
    ("取組区分の意味", 24, lambda r, c: c.labels["effort"].get(r["effort"], "")),
    ("取組評価（自由記述）", 60, lambda r, c: r["effort_comment"]),
    ("今後の方向性", 6, lambda r, c: "・".join(r["direction"])),
    ("今後の方向性の意味", 24, lambda r, c: " / ".join(c.labels["direction"].get(d, "") for d in r["direction"])),
    ("今後の方向性（自由記述）", 60, lambda r, c: r["direction_comment"]),
    ("文書", 30, lambda r, c: c.titles.get(r["document"], r["document"])),
    ("ページ", 6, lambda r, c: r["source"].get("page") or ""),
    ("行", 6, lambda r, c: r["source"]["line"]),
)
GROUP_WIDTH = 18


@dataclass
class Context:
    """What a cell needs besides its record: legend labels and document titles."""

    labels: dict[str, dict[str, str]]
    titles: dict[str, str]


def context_of(corpus: Corpus) -> Context:
    return Context({kind: corpus.labels.get(kind, {}) for kind in GRADES},
                   {d["id"]: d["title"] for d in corpus.documents})


def inert(value):
    """A cell value that a spreadsheet shows as text, never evaluates (for every export format)."""
    if isinstance(value, str):
        first = value.lstrip(" \u3000")[:1]  # blanks first, as a spreadsheet may skip them
        if first and unicodedata.normalize("NFKC", first).startswith(FORMULA_START):
            return "'" + value
    return value


def table_rows(corpus: Corpus, parsed: ParsedQuery, grouping: str = "") -> tuple[list[str], list[list]]:
    """``(header, rows)`` of an export, cells as read (not yet made inert)."""
    context = context_of(corpus)
    docs = result_documents(corpus, parsed)
    header = [name for name, _, _ in COLUMNS]
    if not grouping:
        return header, [_cells(corpus.stored(d), context) for d in docs]
    rows = []
    for value, members in group_documents(corpus, docs, grouping):
        rows.extend([value] + _cells(corpus.stored(d), context) for d in members)
    return [FACET_NAMES_JA[grouping] + "（グループ）"] + header, rows


def _cells(record: dict, context: Context) -> list:
    return [cell(record, context) for _, _, cell in COLUMNS]


def export_csv(corpus: Corpus, parsed: ParsedQuery, grouping: str = "") -> str:
    """Every row of the result set as CSV text with a BOM, a Japanese header and CRLF line ends."""
    header, rows = table_rows(corpus, parsed, grouping)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([inert(value) for value in row])
    return BOM + out.getvalue()


def export_xlsx(corpus: Corpus, parsed: ParsedQuery, grouping: str = "") -> bytes:
    """The result set as an Excel workbook: a bold header row frozen above the rows, filters on
    every column, column widths set; cells that a spreadsheet would evaluate made inert."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = table_rows(corpus, parsed, grouping)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "取組評価"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                      for v in (inert(value) for value in row)])
    widths = ([GROUP_WIDTH] if grouping else []) + [width for _, width, _ in COLUMNS]
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_json(corpus: Corpus, parsed: ParsedQuery, grouping: str = "") -> dict:
    """Every row of the result set: ``{query, filters, sort, total, results}``, and with a grouping
    ``groups``: ``[{value, count, ids}]``."""
    records = result_records(corpus, parsed)
    body = {"query": parsed.text, "filters": parsed.filters, "sort": parsed.sort,
            "total": len(records), "results": records}
    if grouping:
        ids = {d: record["id"] for d, record in zip(result_documents(corpus, parsed), records)}
        body["grouping"] = grouping
        body["groups"] = [{"value": value, "count": len(members), "ids": [ids[d] for d in members]}
                          for value, members in group_documents(corpus, list(ids), grouping)]
    return body


# Characters a file name cannot hold on Windows or macOS, and blanks.
UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f\s]+')
NAME_LENGTH = 80


def export_name(parsed: ParsedQuery, grouping: str = "", day: date | None = None) -> str:
    """A file name (without extension) that says what an export holds: query, filters, grouping,
    date. ``取組評価_コロナ_進捗区分D・E_所管課ごと_2026-12-04``."""
    parts = ["取組評価"]
    if parsed.text:
        parts.append(parsed.text[:30])
    for name, values in parsed.filters.items():
        shown = [_chapter_short(v) for v in values] if name == "chapter" else values
        parts.append(FACET_NAMES_JA.get(name, name) + "・".join(v[:20] for v in shown[:4])
                     + ("ほか" if len(shown) > 4 else ""))
    if grouping:
        parts.append(FACET_NAMES_JA[grouping] + "ごと")
    stem = UNSAFE_NAME.sub("_", "_".join(parts)).strip("._")[:NAME_LENGTH]
    return f"{stem}_{(day or date.today()).isoformat()}"


def _chapter_short(value: str) -> str:
    return f"第{value}章" if value.isdigit() else chapter_key(value)
