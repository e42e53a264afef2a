"""One handler per kind of question, in a table; what to answer when a handler cannot."""

from __future__ import annotations

from typing import Callable

from .answer import Answer, Asked
from .listing import answer_count, answer_future, answer_list, answer_status
from .lookup import answer_fact_value, answer_who
from .topic import MIN_COVERAGE, Word, missing_share
from .wording import shorten

Handler = Callable[[Asked], "Answer | None"]

HANDLERS: dict[str, Handler] = {
    "who": answer_who,
    "when": answer_fact_value,
    "number": answer_fact_value,
    "count": answer_count,
    "list": answer_list,
    "status": answer_status,
    "future": answer_future,
}
# Every kind an answer can have (``not_found`` when nothing answers).
KINDS = tuple(HANDLERS) + ("not_found",)
# Kinds that look for one sentence about a topic: without topic words there is nothing to look for.
NEED_TOPIC = frozenset({"who", "when", "number"})
# What a handler that finds nothing to extract says is missing.
MISSING = {"when": "時期", "number": "数値", "who": "所管課"}
# A question about a word the document never uses is not answered by the rest of its words
# (学校給食の無償化: 学校給食 is there, 無償化 is not) once that word carries this much weight.
UNKNOWN_SHARE = 0.25
NOT_FOUND = "該当する取組は見つかりませんでした。"
UNREAD = "質問から調べる内容を読み取れませんでした。"


def suggestions(words: list[Word]) -> list[dict]:
    """The closest searches: each known topic word alone, the most specific first."""
    known_words = sorted((w for w in words if w.rows), key=lambda w: (-w.idf, w.term.text))
    return [{"q": w.term.text, "total": len(w.rows)} for w in known_words[:4]]


def not_found(asked: Asked, reason: str = "") -> Answer:
    words = asked.words
    unknown = [shorten(w.term.text) for w in words if not w.rows]
    text = NOT_FOUND
    if unknown:
        more = f"など{len(unknown)}語" if len(unknown) > 5 else ""
        text += "「" + "」「".join(unknown[:5]) + f"」{more}は文書に出てきません。"
    elif reason:
        text += reason
    suggested = suggestions(words)
    if suggested:
        text += "近い検索：" + "、".join(f"「{s['q']}」（{s['total']}件）" for s in suggested)
    return Answer("not_found", text, suggestions=suggested)


def asked_kind(asked: Asked) -> str:
    """The kind asked for; a question with no question words lists what it names."""
    question = asked.question
    return question.kind or ("list" if asked.words or question.filters else "")


def refusal(asked: Asked, kind: str) -> Answer | None:
    """A not-found answer when the question cannot be answered at all, else None."""
    question, words, match = asked.question, asked.words, asked.match
    if question.unknown_departments:
        names = "」「".join(question.unknown_departments)
        return not_found(asked, f"「{names}」という所管課は文書にありません。")
    if not words and (kind in NEED_TOPIC or (not question.filters and kind not in ("count", "status"))):
        return not_found(asked, UNREAD)
    if words and (match.best < MIN_COVERAGE or missing_share(words) >= UNKNOWN_SHARE):
        return not_found(asked, "質問の語をすべて含む取組がありません。")
    return None


def respond(asked: Asked) -> Answer:
    """The answer of the question's kind; when its handler finds nothing, a fallback or not found."""
    kind = asked_kind(asked)
    refused = refusal(asked, kind)
    if refused is not None:
        return refused
    answer = HANDLERS[kind](asked)
    if answer is None and kind == "number" and asked.question.number_cue in ("何件", "いくつ", "幾つ"):
        answer = answer_count(asked)
    if answer is None:
        answer = not_found(asked, f"該当する取組に{MISSING[kind]}の記載がありません。")
    return answer
