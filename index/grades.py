"""The facets and grades of an evaluation table, defined once for the whole project.

Codes are listed best first, as the legend lists them. What each code means is read from each
document's legend (``parse.py``); these are only the alphabets, the facet names and what the
city's document calls them.
"""

from __future__ import annotations

PROGRESS = "ABCDE"
EFFORT = "あいうえお"
DIRECTION = "アイウエオ"
# Grade kind -> its codes, best first.
GRADES = {"progress": PROGRESS, "effort": EFFORT, "direction": DIRECTION}
# Every facet a search can filter on, in the order pages and exports list them.
FACETS = ("progress", "effort", "direction", "department", "chapter", "document")
# Facets a row can hold several values of.
MULTI_VALUED = ("direction", "department")
# What the city's document calls each facet: for labels and messages.
FACET_NAMES_JA = {"progress": "進捗区分", "effort": "取組区分", "direction": "今後の方向性",
                  "department": "所管課", "chapter": "章", "document": "文書"}
# Legend headings (<進捗区分>) -> grade kind.
LEGEND_KINDS = {FACET_NAMES_JA[kind]: kind for kind in GRADES}


def grade_rank(kind: str, code: str) -> int:
    """0 for the best code of a kind; past the last for an unknown one."""
    codes = GRADES[kind]
    return codes.index(code) if code and code in codes else len(codes)
