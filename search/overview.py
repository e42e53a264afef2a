"""Counts for the overview page: grades per chapter and per department, over the whole corpus.

Pure functions over an opened corpus. Every count is a number of rows that the search with the
same filters returns (``chapter=<title>&progress=B`` lists exactly the rows counted for that
bar segment), so the page can link each bar to its search. A row with two directions counts
once under each.
"""

from __future__ import annotations

import re
from collections import Counter

from index.grades import GRADES

from .corpus import Corpus
from .errors import BadParameter
from .facets import values_of
from .measures import count_measures

DEPARTMENT_SORTS = ("rows", "name", *GRADES["progress"])


def grade_counts(corpus: Corpus, kind: str, docs=None) -> list[dict]:
    """``[{code, label, count, percent}]`` for one grade kind, in legend order."""
    counter: Counter = Counter()
    for docnum in range(len(corpus.facets)) if docs is None else docs:
        counter.update(values_of(corpus.facets[docnum], kind))
    return segments(corpus, kind, counter, sum(counter.values()))


def segments(corpus: Corpus, kind: str, counter: Counter, scale: int) -> list[dict]:
    """Bar segments in legend order; ``offset`` and ``percent`` are shares of ``scale``."""
    labels = corpus.labels.get(kind, {})
    result, offset = [], 0.0
    for code in GRADES[kind]:
        count = counter.get(code, 0)
        percent = 100.0 * count / scale if scale else 0.0
        result.append({"code": code, "label": labels.get(code, ""), "count": count,
                       "percent": round(percent, 3), "offset": round(offset, 3)})
        offset += percent
    return result


def summary(corpus: Corpus) -> dict:
    """The size of the corpus and its distribution of progress grades."""
    return {
        "rows": len(corpus.facets),
        "measures": count_measures(corpus),
        "documents": len(corpus.documents),
        "chapters": len(corpus.chapter_titles()),
        "departments": len({d for values in corpus.facets for d in values.department}),
        "progress": grade_counts(corpus, "progress"),
    }


def split_title(title: str) -> dict:
    """``第1章 つながり…（人権、…）`` → key, name and topics, for labels that fit a phone."""
    match = re.match(r"^\s*(?:(第\s*\S+?章)\s*)?(.*?)\s*(?:[（(](.*)[）)])?\s*$", title)
    if not match or not match.group(2):
        return {"key": "", "name": title, "topics": ""}
    return {"key": match.group(1) or "", "name": match.group(2), "topics": match.group(3) or ""}


def chapter_chart(corpus: Corpus, kind: str) -> list[dict]:
    """One 100 % stacked bar per chapter: how its rows divide over the grades of ``kind``."""
    if kind not in GRADES:
        raise BadParameter(f"区分の種類が不明です: {kind[:20]!r}", f"unknown grade kind {kind[:20]!r}")
    per_chapter: dict[str, Counter] = {title: Counter() for title in corpus.chapter_titles()}
    rows: Counter = Counter()
    for values in corpus.facets:
        per_chapter.setdefault(values.chapter, Counter()).update(values_of(values, kind))
        rows[values.chapter] += 1
    chart = []
    for title, counter in per_chapter.items():
        if not rows[title]:
            continue
        total = sum(counter.values())
        chart.append({"chapter": title, **split_title(title), "rows": rows[title], "total": total,
                      "segments": segments(corpus, kind, counter, total)})
    return chart


def department_table(corpus: Corpus, sort: str = "rows") -> list[dict]:
    """Progress grades per department, bars scaled to the department with the most rows.

    ``sort`` is ``rows`` (most rows first), ``name``, or a progress grade (most rows of it first).
    """
    if sort not in DEPARTMENT_SORTS:
        raise BadParameter(f"並び順は {'、'.join(DEPARTMENT_SORTS)} のいずれかです: {sort[:20]!r}",
                           f"sort must be one of {', '.join(DEPARTMENT_SORTS)}")
    per_department: dict[str, Counter] = {}
    for values in corpus.facets:
        for department in values.department:
            per_department.setdefault(department, Counter())[values.progress] += 1
    largest = max((sum(c.values()) for c in per_department.values()), default=0)
    table = []
    for name, counter in per_department.items():
        rows = sum(counter.values())
        table.append({"department": name, "rows": rows, "counts": {c: counter.get(c, 0) for c in
                                                                   GRADES["progress"]},
                      "segments": segments(corpus, "progress", counter, largest)})
    if sort == "name":
        table.sort(key=lambda t: t["department"])
    elif sort == "rows":
        table.sort(key=lambda t: (-t["rows"], t["department"]))
    else:
        table.sort(key=lambda t: (-t["counts"][sort], -t["rows"], t["department"]))
    return table
