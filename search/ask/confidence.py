"""How sure an answer is, from 0 to 1, from what it rests on.

- Counted from filters alone (進捗区分がAの取組は何件, 都市計画課の取組は順調ですか): exact, 0.95.
- Rows found by topic words: how much of the question's word weight the best row holds, less
  when the chosen rows hold only most of it.
- A fact, reason or verdict taken from a sentence: also how much of the topic that sentence holds.
- Not found: sure when a distinctive word of the question is nowhere in the document (ドローン),
  less when only a word in hiragana is missing (it may be a spelling the document writes in
  kanji), least when the question could not be read.
- Each word the document never uses that the answer leaves out costs 0.1 (an aside in
  brackets, 名前（愛称）, 0.05).

The README ("Question answering") gives the share of answers right per band, measured on the
held-out questions.
"""

from __future__ import annotations

import re

from .answer import Answer, Asked

KANA_ONLY = re.compile(r"^[ぁ-ゖー]+$")


def not_found_confidence(asked: Asked, answer: Answer) -> float:
    if asked.question.unknown_departments:
        return 0.9
    unknown = [w.term.text for w in asked.words if not w.rows]
    if unknown:
        return 0.5 if all(KANA_ONLY.match(u) or len(u) < 2 for u in unknown) else 0.85
    if asked.words:
        return 0.6  # the words are there, never in one row
    return 0.3  # nothing read


def confidence(asked: Asked, answer: Answer) -> float:
    match = asked.match
    if answer.kind == "not_found":
        return round(not_found_confidence(asked, answer), 2)
    if answer.verdict == "文書からは判断できません":
        return 0.6
    if not asked.words:
        by_rows = answer.kind in ("count", "list", "status", "future", "aggregate") or asked.question.about_grades
        value = 0.95 if by_rows else 0.5
    elif answer.found and answer.kind not in ("count", "list", "status", "future", "aggregate"):
        value = 0.45 * match.best + 0.4 * answer.coverage + 0.1
    else:
        value = 0.5 + 0.45 * match.best * (1.0 if match.complete else 0.85)
    # Each word left out (one the document never uses) makes the answer less sure.
    value -= 0.1 * sum(not w.term.known for w in asked.words) + 0.05 * len(asked.dropped + asked.question.unjoined)
    return round(max(0.0, min(0.95, value)), 2)
