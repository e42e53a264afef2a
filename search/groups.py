"""A whole result set grouped by department, chapter or progress grade, for the grouped view
and the grouped exports.

Each group lists its rows in the order the result set is in (plan order unless the user sorted)
and counts its progress grades. A row of two departments is in both departments' groups, as in
the overview and the department facet.
"""

from __future__ import annotations

from collections import Counter

from index.grades import FACET_NAMES_JA, GRADES

from .corpus import Corpus
from .errors import BadParameter
from .facets import values_of
from .query import ParsedQuery
from .resultset import result_documents

GROUPINGS = ("department", "chapter", "progress")


def check_grouping(name: str) -> str:
    """``name`` if it is a grouping, else ``BadParameter``."""
    if name not in GROUPINGS:
        raise BadParameter(f"グループは {'、'.join(GROUPINGS)} のいずれかです: {name[:20]!r}",
                           f"group must be one of {', '.join(GROUPINGS)}")
    return name


def group_order(corpus: Corpus, grouping: str, counts: Counter) -> list[str]:
    """Groups in a reader's order: chapters as in the plan, grades A to E, departments by size."""
    if grouping == "chapter":
        order = [t for t in corpus.chapter_titles() if t in counts]
        return order + sorted(set(counts) - set(order))
    if grouping == "progress":
        return [g for g in GRADES["progress"] if g in counts]
    return sorted(counts, key=lambda v: (-counts[v], v))


def group_documents(corpus: Corpus, docs: list[int], grouping: str) -> list[tuple[str, list[int]]]:
    """``[(value, docs)]``: ``docs`` divided by the value of ``grouping``, order kept in a group."""
    check_grouping(grouping)
    members: dict[str, list[int]] = {}
    for doc in docs:
        for value in values_of(corpus.facets[doc], grouping):
            members.setdefault(value, []).append(doc)
    counts = Counter({value: len(found) for value, found in members.items()})
    return [(value, members[value]) for value in group_order(corpus, grouping, counts)]


def group_label(corpus: Corpus, grouping: str, value: str) -> str:
    if grouping == "progress":
        label = corpus.labels["progress"].get(value, "")
        return f"{value}（{label}）" if label else value
    return value


def grouped_results(corpus: Corpus, parsed: ParsedQuery, grouping: str, limit: int | None = None) -> dict:
    """``{grouping, name, total, shown, groups}``; each group ``{value, label, count, grades,
    records}``. At most ``limit`` records are listed in all (every group is still counted)."""
    docs = result_documents(corpus, parsed)
    groups, budget = [], limit if limit is not None else len(docs) * 2 + 1
    for value, found in group_documents(corpus, docs, grouping):
        grades = Counter(corpus.facets[d].progress for d in found)
        listed = found[:max(budget, 0)]
        budget -= len(listed)
        records = [_public(corpus.stored(d)) for d in listed]
        groups.append({"value": value, "label": group_label(corpus, grouping, value),
                       "count": len(found), "grades": {g: grades.get(g, 0) for g in GRADES["progress"]},
                       "records": records})
    return {"grouping": grouping, "name": FACET_NAMES_JA[grouping], "total": len(docs),
            "shown": sum(len(g["records"]) for g in groups), "groups": groups}


def _public(record: dict) -> dict:
    record.pop("source_text", None)
    return record
