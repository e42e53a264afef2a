"""Aggregate questions: which department, chapter or section (節) has the most (or fewest) rows
asked about, by count or by rate, with the ranking as a small table and each group's search.

Rows are counted per department row, as everywhere: a row with two departments counts once for
each. The rate of a group is its rows asked about over all its rows that share the question's
topic and non-grade filters (進捗区分がDの割合: D rows of the department / rows of the department).
"""

from __future__ import annotations

from index.grades import FACET_NAMES_JA, GRADES

from .answer import Answer, Asked
from .topic import rows_without
from .wording import subject

SHOWN = 5  # groups named in the answer's text; the table lists up to TABLED
# A section is no facet of the search: its rows are found by its title, which the rows' text holds.
SECTION = "section"
GROUP_NAMES_JA = {**FACET_NAMES_JA, SECTION: "節"}
TABLED = 10


def _groups_of(asked: Asked, docnum: int, group: str) -> tuple[str, ...]:
    if group == SECTION:
        return (asked.known.records[docnum].get(SECTION) or "",)
    values = getattr(asked.corpus.facets[docnum], group)
    return values if isinstance(values, tuple) else (values,)


def _count(asked: Asked, rows, group: str) -> dict[str, list[int]]:
    by_group: dict[str, list[int]] = {}
    for d in rows:
        for value in _groups_of(asked, d, group):
            by_group.setdefault(value, []).append(d)
    return by_group


def _base_rows(asked: Asked) -> list[int]:
    """The rows a rate is taken over: the topic and the filters other than grades."""
    return rows_without(asked.corpus, asked.words, asked.question, GRADES)


def ranking(asked: Asked) -> list[dict]:
    """One entry per group with rows asked about: ``{value, count, total, rate, rows}``, ranked."""
    spec = asked.question.aggregate
    counted = _count(asked, asked.match.rows, spec.group)
    named = asked.question.filters.get(spec.group)
    if named:  # the groups the question names, not the others that share their rows
        counted = {value: rows for value, rows in counted.items() if value in named}
    totals = {k: len(v) for k, v in _count(asked, _base_rows(asked), spec.group).items()}
    if spec.group in GRADES:  # every row of a grade is asked about: its share is of all the rows counted
        totals = dict.fromkeys(counted, sum(len(rows) for rows in counted.values()))
    order = {value: n for n, value in enumerate(_group_order(asked, spec.group))}
    entries = []
    for value, rows in counted.items():
        total = max(totals.get(value, len(rows)), len(rows))
        entries.append({"value": value, "count": len(rows), "total": total,
                        "rate": round(len(rows) / total, 3) if total else 0.0,
                        "rows": sorted(rows, key=lambda d: asked.corpus.positions[d])})
    sign = 1 if spec.fewest else -1
    key = "rate" if spec.rate else "count"
    entries.sort(key=lambda e: (sign * e[key], sign * e["count"], order.get(e["value"], len(order))))
    return entries


def _group_order(asked: Asked, group: str) -> list[str]:
    if group == SECTION:
        in_order = sorted(range(len(asked.known.records)), key=lambda d: asked.corpus.positions[d])
        return list(dict.fromkeys(asked.known.records[d].get(SECTION) or "" for d in in_order))
    if group == "chapter":
        return asked.corpus.chapter_titles()
    if group in GRADES:
        return list(GRADES[group])
    return [d["name"] for d in asked.corpus.departments]


def _group_search(asked: Asked, group: str, value: str) -> dict:
    """The search for one group's rows: its facet as a filter, or a section's title as a phrase."""
    words = " ".join(w.term.text for w in asked.words)
    if group == SECTION:
        return {"q": f'{words} "{value.split(maxsplit=1)[-1]}"'.strip(), "filters": dict(asked.question.filters)}
    return {"q": words, "filters": {**asked.question.filters, group: [value]}}


def _label(entry: dict, rate: bool) -> str:
    share = f"、{entry['total']}件中{round(entry['rate'] * 100)}%" if rate or entry["total"] != entry["count"] else ""
    return f"{entry['value']}（{entry['count']}件{share}）"


def answer_aggregate(asked: Asked) -> Answer | None:
    spec = asked.question.aggregate
    entries = ranking(asked)
    what = subject(asked.corpus, asked.question, asked.words)
    group_ja = GROUP_NAMES_JA[spec.group]
    if not entries:
        return Answer("aggregate", f"{what}はありません（0件）。")
    key = "rate" if spec.rate else "count"
    best = [e for e in entries if e[key] == entries[0][key]]
    most = ("の割合が最も低い" if spec.fewest else "の割合が最も高い") if spec.rate else \
        ("が最も少ない" if spec.fewest else "が最も多い")
    winners = "と".join(_label(e, spec.rate) for e in best)
    text = f"{what}{most}{group_ja}は、{winners}です。"
    shown = "、".join(f"{n}. {_label(e, spec.rate)}" for n, e in enumerate(entries[:SHOWN], 1))
    more = f"、ほか{len(entries) - SHOWN}件" if len(entries) > SHOWN else ""
    text += f"順位：{shown}{more}（所管課の行ごとに数えています。計{len(asked.match.rows)}件）。"
    if spec.fewest:
        text += f"該当する取組が1件もない{group_ja}は順位に含めていません。"
    order = ("割合の低い順" if spec.fewest else "割合の高い順") if spec.rate else \
        ("件数の少ない順" if spec.fewest else "件数の多い順")
    table = {"group": spec.group, "label": group_ja, "order": order, "groups": len(entries), "rows": [
        {"rank": n, "value": e["value"], "count": e["count"], "total": e["total"], "rate": e["rate"],
         **_group_search(asked, spec.group, e["value"])} for n, e in enumerate(entries[:TABLED], 1)]}
    rows = [d for e in best for d in e["rows"]]
    return Answer("aggregate", text, rows=list(dict.fromkeys(rows)), table=table,
                  fields=("effort_comment",), notes=[f"{group_ja}ごとに数えました。"])
