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

# Sort keys of the department and chapter tables: most rows, name (plan order for chapters), most
# rows of a grade, most D and E rows ("de"), highest share of D and E rows ("rate").
DEPARTMENT_SORTS = ("rows", "name", *GRADES["progress"], "de", "rate")
CHAPTER_SORTS = ("plan", "rows", *GRADES["progress"], "de", "rate")
BEHIND = ("D", "E")  # the grades of rows that are behind plan: 計画達成には遠い, 未着手・後退


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


def check_sort(sort: str, allowed: tuple[str, ...]) -> str:
    if sort not in allowed:
        raise BadParameter(f"並び順は {'、'.join(allowed)} のいずれかです: {sort[:20]!r}",
                           f"sort must be one of {', '.join(allowed)}")
    return sort


def grade_row(corpus: Corpus, counter: Counter, scale: int) -> dict:
    """Counts of each progress grade, rows, D+E and its rate, and bar segments scaled to ``scale``."""
    rows = sum(counter.values())
    behind = sum(counter.get(g, 0) for g in BEHIND)
    return {"rows": rows, "counts": {c: counter.get(c, 0) for c in GRADES["progress"]},
            "de": behind, "rate": round(100.0 * behind / rows, 1) if rows else 0.0,
            "segments": segments(corpus, "progress", counter, scale)}


def sort_table(table: list[dict], sort: str, name: str) -> list[dict]:
    """Most first for counts and rates (ties: more rows, then the name); names ascending."""
    if sort == "name":
        return sorted(table, key=lambda t: t[name])
    if sort == "plan":
        return table
    if sort in ("rows", "de", "rate"):
        return sorted(table, key=lambda t: (-t[sort], -t["rows"], t[name]))
    return sorted(table, key=lambda t: (-t["counts"][sort], -t["rows"], t[name]))


def department_table(corpus: Corpus, sort: str = "rows") -> list[dict]:
    """Progress grades per department with D+E and its rate, bars scaled to the department with
    the most rows. ``sort`` is one of ``DEPARTMENT_SORTS``."""
    check_sort(sort, DEPARTMENT_SORTS)
    per_department: dict[str, Counter] = {}
    for values in corpus.facets:
        for department in values.department:
            per_department.setdefault(department, Counter())[values.progress] += 1
    largest = max((sum(c.values()) for c in per_department.values()), default=0)
    table = [{"department": name, **grade_row(corpus, counter, largest)}
             for name, counter in per_department.items()]
    return sort_table(table, sort, "department")


def chapter_table(corpus: Corpus, sort: str = "plan") -> list[dict]:
    """Progress grades per chapter with D+E and its rate (bars are 100 % of the chapter)."""
    check_sort(sort, CHAPTER_SORTS)
    per_chapter: dict[str, Counter] = {title: Counter() for title in corpus.chapter_titles()}
    for values in corpus.facets:
        per_chapter.setdefault(values.chapter, Counter())[values.progress] += 1
    table = [{"chapter": title, **split_title(title), **grade_row(corpus, c, sum(c.values()))}
             for title, c in per_chapter.items() if c]
    return sort_table(table, sort, "chapter")


def plan_outline(corpus: Corpus) -> list[dict]:
    """The plan's table of contents: chapters, their sections and items, each with its rows'
    progress grades, and each item's rows (id, measure, departments, progress) in plan order."""
    chapters: dict[str, dict] = {}
    for doc in corpus.by_position:
        record = corpus.stored(doc)
        chapter = chapters.setdefault(record["chapter"], _node(record["chapter"], sections={}))
        section = chapter["sections"].setdefault(record["section"], _node(record["section"], items={}))
        item = section["items"].setdefault(record["item"], _node(record["item"], rows=[]))
        item["rows"].append({key: record[key] for key in ("id", "measure", "departments", "progress")})
        for node in (chapter, section, item):
            node["grades"][record["progress"]] += 1
    return [_finish(chapter) for chapter in chapters.values()]


def _node(title: str, **children) -> dict:
    return {"title": title, "grades": Counter(), **children}


def _finish(node: dict) -> dict:
    """Counters to counts, child dicts to lists."""
    grades = node["grades"]
    node["rows_count"] = sum(grades.values())
    node["de"] = sum(grades.get(g, 0) for g in BEHIND)
    node["grades"] = {g: grades.get(g, 0) for g in GRADES["progress"]}
    for key in ("sections", "items"):
        if key in node:
            node[key] = [_finish(child) for child in node[key].values()]
    return node


def department_summary(corpus: Corpus, department: str) -> dict | None:
    """One department: its progress grades (with D+E and rate) and its directions; None when no
    row names it."""
    progress, directions = Counter(), Counter()
    for values in corpus.facets:
        if department in values.department:
            progress[values.progress] += 1
            directions.update(values.direction)
    if not progress:
        return None
    labels = corpus.labels.get("direction", {})
    return {"department": department, **grade_row(corpus, progress, sum(progress.values())),
            "directions": [{"code": code, "label": labels.get(code, ""), "count": directions.get(code, 0)}
                           for code in GRADES["direction"]]}
