"""How answers name what they counted: rows, grades, topics and sources, in Japanese."""

from __future__ import annotations

from index.analysis import normalize
from index.grades import FACET_NAMES_JA, GRADES

from ..measures import measure_keys
from .question import Question
from .topic import Knowledge, Match, Word, answer_floor

GRADE_NAMES_JA = {kind: FACET_NAMES_JA[kind] for kind in GRADES}


def grade_text(corpus, kind: str, code: str) -> str:
    """A grade with its legend label: C（計画目標の達成に向けて、ある程度進んでいるもの）."""
    label = corpus.labels.get(kind, {}).get(code, "")
    return f"{code}（{label}）" if label else code


def shorten(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[:size] + "…"


def subject(corpus, question: Question, words: list[Word]) -> str:
    """The rows counted, in words: 商工観光課の、進捗区分がC（…）の取組."""
    parts = []
    filters = question.filters
    if "department" in filters:
        joined = "と".join(filters["department"]) + "が共同で所管する" if question.all_departments else \
            "・".join(filters["department"]) + "だけが所管する" if question.sole_department else \
            "または".join(filters["department"]) + "の"
        parts.append(joined)
    if "chapter" in filters:
        parts.append("・".join(filters["chapter"]) + "の")
    for kind in GRADES:
        if kind in filters:
            codes = "または".join(grade_text(corpus, kind, c) for c in filters[kind])
            parts.append(f"{GRADE_NAMES_JA[kind]}が{codes}の")
    if words:
        parts.append(f"{topic_text(question, words)}に関する")
    return "".join(parts) + "取組"


def topic_text(question: Question, words: list[Word]) -> str:
    """The topic as the question wrote it: its compounds (旧黒須銀行), then the other words."""
    # A verb as typed (行わ of 行われて) names no topic beside a noun: it only ranked the rows.
    if any(not w.term.predicate for w in words):
        words = [w for w in words if not w.term.predicate]
    grouped: dict[int, list[str]] = {}
    for w in words:
        if w.term.group is not None and w.term.phrase not in grouped.setdefault(w.term.group, []):
            grouped[w.term.group].append(w.term.phrase)
    in_groups = [normalize(p) for phrases in grouped.values() for p in phrases]
    shown = [p for p in question.phrases if normalize(p) not in in_groups]
    for w in words:  # not a word left out (放課後 of 放課後の子ども, weighing nothing)
        if w.term.group is None and w.idf and not any(normalize(w.term.text) in normalize(p) for p in question.phrases):
            shown.append(w.term.text)
    more = f"など{len(shown)}語" if len(shown) > 6 else ""
    text = "".join(f"「{shorten(t)}」" for t in shown[:6]) + more
    for phrases in grouped.values():
        text += "または".join(f"「{shorten(p)}」" for p in phrases)
    return text


def alternatives_text(words: list[Word]) -> str:
    """The words as alternatives and requirements: 「防災」または「防犯」."""
    plain = "".join(f"「{w.term.text}」" for w in words if w.term.group is None)
    groups: dict[int, list[str]] = {}
    for w in words:
        if w.term.group is not None and w.term.phrase not in groups.setdefault(w.term.group, []):
            groups[w.term.group].append(w.term.phrase)
    return plain + "".join("または".join(f"「{p}」" for p in g) for g in groups.values())


def counting_note(corpus, rows: list[int], words: list[Word] = (), match: Match | None = None,
                  narrowed: bool = False) -> str:
    """How rows were counted: per department row, which words they hold, how many measures; and
    how many more the search shows, unless the question ``narrowed`` its rows beyond the search's
    filters (the departments' rows shared by all of them, or held by one alone)."""
    keys = measure_keys(corpus)  # read once per corpus: thousands of rows need not be read one by one
    measures = {keys[d] for d in rows}
    note = "所管課の行ごとに数えています"
    words = [w for w in words if not w.term.predicate]  # predicates rank rows, they do not select them
    if words and match is not None:
        listed = "".join(f"「{w.term.text}」" for w in words)
        if match.item:
            note = f"「{match.item}」の{match.level}の行を、{note}"
        elif any(w.term.group is not None for w in words):
            note = f"{alternatives_text(words)}を含む行を、{note}"
        elif match.complete:
            note = f"{listed}をすべて含む行を、{note}"
        else:
            floor = match.floor if match.floor is not None else answer_floor(match.best, match.coverage.values())
            note = f"{listed}を、語の重み（珍しい語ほど重い）で{round(floor * 100)}%以上含む行を、{note}"
    if len(measures) != len(rows):
        note += f"。施策の方向性としては{len(measures)}件"
    searched = match.selection.passing.bit_count() if match is not None and match.selection is not None else 0
    if searched > len(rows) and not narrowed:
        note += f"。検索では、語の一部だけを含む取組も後に続けて{searched}件を表示します"
    return note


def grade_summary(corpus, known: Knowledge, rows: list[int], kind: str) -> list[dict]:
    """``[{code, label, count}]`` of one grade over the rows, best code first."""
    counts: dict[str, int] = {}
    for d in rows:
        for code in codes_of(known.records[d][kind]):
            counts[code] = counts.get(code, 0) + 1
    return [{"code": c, "label": corpus.labels.get(kind, {}).get(c, ""), "count": counts[c]}
            for c in GRADES[kind] if c in counts]


def codes_of(value) -> list[str]:
    return list(value) if isinstance(value, list) else [value]


def describe_summary(summary: list[dict]) -> str:
    return "、".join(f"{s['code']}（{s['label']}）が{s['count']}件" for s in summary)


def tally(summary: list[dict]) -> str:
    """Aが4件、Bが3件: a breakdown at a glance, each code beside its count."""
    return "、".join(f"{s['code']}が{s['count']}件" for s in summary)


def measure_name(known: Knowledge, docnum: int) -> str:
    record = known.records[docnum]
    return f"「{record['measure']}」（{'・'.join(record['departments'])}）"


def source_note(known: Knowledge, docnum: int) -> str:
    record = known.records[docnum]
    return f"{'・'.join(record['departments'])}「{record['measure']}」、{record['source']['line']}行目"
