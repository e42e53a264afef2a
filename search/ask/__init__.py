"""Answer a council question from the evaluation rows, with the sentences that support it.

No language model: the question is read by its grammar and the corpus's own vocabulary
(``question.py``), its topic words are matched to rows like a search (``topic.py``: the same
analysis, OCR corrections and concept expansions), and a handler for the kind of question
(``handlers.py``) either computes the answer from the rows (counts, lists, grade summaries,
direction comments) or extracts it from the best supporting sentence (``evidence.py``: who,
when, how many), which is quoted as the city wrote it. A row answers only when it holds the
question's distinctive words: each word weighs by how rare it is in the document (idf), and
a row must cover most of that weight. When nothing does, the answer says so and offers the
searches that come closest.
"""

from __future__ import annotations

from typing import Mapping

from ..cache import CITATION_SIZE
from ..errors import EmptyQuestion, QueryTooLong
from ..query import clean_text
from ..settings import DEFAULTS
from .answer import Asked
from .handlers import KINDS, both, respond
from .kind import time_then_quantity, two_quantities
from .question import read_question, tidy
from .response import response
from .sentences import variants_of
from .topic import knowledge, select_rows

__all__ = ["KINDS", "answer_question", "ask", "question_text"]


def question_text(params: Mapping, settings: Mapping[str, int] = DEFAULTS) -> str:
    """The ``q`` parameter, validated: ``EmptyQuestion`` or ``QueryTooLong`` for a 400."""
    raw = params.get("q", "")
    values = [raw] if isinstance(raw, str) else [v for v in raw if v is not None]
    text = values[-1] if values else ""
    if len(text) > settings["max_query_length"]:
        raise QueryTooLong(f"質問が長すぎます（{settings['max_query_length']}文字まで）",
                           f"question longer than {settings['max_query_length']} characters")
    if not clean_text(text).strip():
        raise EmptyQuestion("質問を入力してください", "the question (q) is empty")
    return text


def ask(corpus, params: Mapping, settings: Mapping[str, int] = DEFAULTS) -> dict:
    """``GET /api/ask``: validate ``q`` and answer it. The answer is kept with the generation's
    other results (the page, its print view and the API ask the same again); callers must not
    change it."""
    text = question_text(params, settings)
    return corpus.results.get_or_make(("ask", text), lambda: answer_question(corpus, text),
                                      lambda answer: CITATION_SIZE * (1 + len(answer["citations"])))


def read(corpus, text: str) -> Asked:
    """The question read against the corpus: its kind, and the filters, topic words and rows
    the search selects for its query."""
    known = knowledge(corpus)
    question = read_question(tidy(text), corpus)
    words, match = select_rows(corpus, known, question)
    phrases = [variants_of(p, corpus.corrections) for p in question.phrases]
    return Asked(corpus, known, question, words, match, phrases, question.dropped)


def answer_question(corpus, text: str) -> dict:
    """``{question, answer, kind, citations, filters, confidence}`` plus how it was read."""
    asked = read(corpus, text)
    answer = respond(asked)
    parts = two_quantities(tidy(text)) if asked.question.kind == "number" else \
        time_then_quantity(tidy(text)) if asked.question.kind == "when" else None
    if parts:  # 何件で、そのうち…何件 (いつから…、何人): the first answer, then the quantity in the same row
        first = read(corpus, parts[0])
        answer = both(first, respond(first), read(corpus, parts[1])) or answer
    return response(text, asked, answer)
