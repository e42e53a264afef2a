"""Exports of a whole result set: CSV that Excel opens in Japanese, and JSON."""

from __future__ import annotations

import csv
import io
import unicodedata

from .corpus import Corpus
from .query import ParsedQuery
from .resultset import result_records

BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet: quote it (OWASP's advice).
# Excel evaluates their full-width forms too (＝, ＋, －, ＠ and the small ﹦ ﹢ ﹣ ﹫, which NFKC
# maps to them), and the minus sign −.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212")

# (header, how to read the cell from a record and the legend labels)
CSV_COLUMNS = (
    ("ID", lambda r, labels: r["id"]),
    ("文書", lambda r, labels: r["document"]),
    ("章", lambda r, labels: r["chapter"]),
    ("節", lambda r, labels: r["section"]),
    ("項", lambda r, labels: r["item"]),
    ("施策の方向性", lambda r, labels: r["measure"]),
    ("内容", lambda r, labels: r["content"]),
    ("進捗区分", lambda r, labels: r["progress"]),
    ("進捗区分の意味", lambda r, labels: labels["progress"].get(r["progress"], "")),
    ("取組区分", lambda r, labels: r["effort"]),
    ("取組区分の意味", lambda r, labels: labels["effort"].get(r["effort"], "")),
    ("取組評価（自由記述）", lambda r, labels: r["effort_comment"]),
    ("今後の方向性", lambda r, labels: "・".join(r["direction"])),
    ("今後の方向性の意味", lambda r, labels: " / ".join(labels["direction"].get(d, "") for d in r["direction"])),
    ("今後の方向性（自由記述）", lambda r, labels: r["direction_comment"]),
    ("所管課", lambda r, labels: "、".join(r["departments"])),
    ("出典ファイル", lambda r, labels: r["source"]["file"]),
    ("出典行", lambda r, labels: r["source"]["line"]),
)


def inert(value):
    """A cell value that a spreadsheet shows as text, never evaluates (for every export format)."""
    if isinstance(value, str):
        first = value.lstrip(" \u3000")[:1]  # blanks first, as a spreadsheet may skip them
        if first and unicodedata.normalize("NFKC", first).startswith(FORMULA_START):
            return "'" + value
    return value


def export_csv(corpus: Corpus, parsed: ParsedQuery) -> str:
    """Every row of the result set as CSV text with a BOM, a Japanese header and CRLF line ends."""
    labels = {kind: corpus.labels.get(kind, {}) for kind in ("progress", "effort", "direction")}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for header, _ in CSV_COLUMNS])
    for record in result_records(corpus, parsed):
        writer.writerow([inert(cell(record, labels)) for _, cell in CSV_COLUMNS])
    return BOM + out.getvalue()


def export_json(corpus: Corpus, parsed: ParsedQuery) -> dict:
    """Every row of the result set: ``{query, filters, sort, total, results}``."""
    records = result_records(corpus, parsed)
    return {"query": parsed.text, "filters": parsed.filters, "sort": parsed.sort,
            "total": len(records), "results": records}
