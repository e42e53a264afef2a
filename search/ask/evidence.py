"""Sentences that support an answer: how much of the topic each holds, and the fact in it.

A sentence is scored by the share of the topic it holds (with the subject its row's titles and
measure establish, or that 本事業 / その結果 refer back to), how close its words stand, whether it
holds the question's predicate (設置, 終了) and which cell it is in. For "when" and "how many"
the date or quantity nearest the predicate, in the same clause, is the fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from index.analysis import normalize

from ..understanding.tokens import analyse
from .clauses import PLAN_WORDS, plans, tokens
from .facts import CLAUSE_COST, DATE_LATER_CLAUSE_COST, Fact, bound, distance, find_dates, find_quantities
from .kind import NOW, stream
from .question import Question
from .sentences import Sentence, Variant, locate
from .topic import MIN_COVERAGE, TIER, Knowledge, Match, Word, full_weight, held_weight
from .years import only_a_year

# A fact's sentence may hold at most this much less of the topic than the best sentence.
FACT_SLACK = 0.35


@dataclass
class Found:
    """A sentence of a row and how well it holds the topic words."""

    sentence: Sentence
    score: float
    coverage: float
    spans: list[tuple[int, int]]
    fact: Fact | None = None
    held: frozenset[int] = frozenset()  # the topic words (indexes) it holds


def sentence_spans(sentence: Sentence, words: list[Word]) -> dict[int, list[tuple[int, int]]]:
    """Where each topic word (by index) occurs in a sentence."""
    return {i: spans for i, w in enumerate(words) if (spans := locate(sentence.reading, w.variants))}


# A sentence that refers back to its row's subject (本事業, 同協議会) holds that subject too.
ANAPHOR = re.compile(r"(?:本|同|当該|この|その)(?:事業|制度|計画|協議会|施設|取組|取り組み|事務|窓口|組織|条例|"
                     r"方針|システム|センター|会議|補助金|講座|サービス)"
                     r"|^(?:その結果|そのため|これにより|これらにより|その後|その中で|結果として)")
PAST = re.compile(r"(?:まし|でし|され|し|い)たか|した(?:の|こと|もの)|ましたか")
FUTURE = re.compile(r"予定|今後|見込|これから|将来|なりますか|しますか|されますか|する方針")


def field_preference(sentence: Sentence, question: Question | None, coverage: float = 0.0) -> float:
    """Past-tense questions are answered by the evaluation, future ones by the direction comment."""
    if question is None or question.kind not in ("who", "when", "number"):
        return 0.0
    if question.kind == "who":
        # A comment is the department's own work; a measure, or its content, that names the whole
        # topic is the department's assignment (入間市駅北口土地区画整理事業の推進 → 区画整理課;
        # 就学援助制度により就学を支援していきます → 学校教育課, not a comment that mentions it).
        if sentence.field in ("effort_comment", "direction_comment"):
            return 0.05
        return 0.08 if sentence.field in ("measure", "content") and coverage >= 0.99 else 0.0
    if FUTURE.search(question.text):
        return 0.04 if sentence.field == "direction_comment" else 0.0
    if PAST.search(question.text):
        return {"effort_comment": 0.03, "direction_comment": -0.03}.get(sentence.field, 0.0)
    return 0.0


def row_context(known: Knowledge, docnum: int, words: list[Word]) -> set[int]:
    """The topic words a row's titles and measure establish: its comments often leave that
    subject out (平成18年度に策定し… under 国民保護計画の充実)."""
    readings = known.titles[docnum] + [s.reading for s in known.sentences[docnum]
                                            if s.field == "measure"]
    return {i for i, w in enumerate(words) if any(locate(r, w.variants) for r in readings)}


def score_sentence(sentence: Sentence, words: list[Word], phrases: list[list[Variant]],
                   row_coverage: float, question: Question | None = None,
                   context: set[int] | None = None, before: "Found | None" = None) -> Found:
    """How well a sentence answers: its row's coverage, its own (or implied) coverage, how close
    its words stand, a compound of the question in it, the predicate, and its cell. A sentence
    that goes on in the same cell about what the one ``before`` it said, repeating a word of the
    topic it held (…締結に向け調整をしています。令和4年度中に締結を行い), holds its subject too:
    Japanese leaves out what the sentence before established. Asked yes or no, a sentence that
    says it goes on (また、…: ``goes_on``) holds every topic word the one before it held."""
    located = sentence_spans(sentence, words)
    weight = full_weight(words)
    coverage = held_weight(words, located) / weight
    held = frozenset(located)
    continued = before is not None and before.sentence.field == sentence.field and not before.held.isdisjoint(located)
    if goes_on(sentence, before, question):
        # …防災計画にて…確立しました。また、年度毎に内容の見直し…を行いました: whether it was done
        held |= before.held
        coverage = max(coverage, held_weight(words, held) / weight)
    elif continued and coverage < before.coverage:
        coverage += 0.7 * (before.coverage - coverage)
    elif coverage < row_coverage and ANAPHOR.search(sentence.text):
        coverage += 0.7 * (row_coverage - coverage)
    elif context and sentence.field in ("effort_comment", "direction_comment"):
        implied = held_weight(words, context | set(located)) / weight
        coverage += 0.5 * max(0.0, implied - coverage)
    nearest = tightest(located)
    compact = 0.0
    if nearest:
        span = max(e for _, e in nearest) - min(s for s, _ in nearest)
        filled = sum(e - s for s, e in nearest)
        compact = 1 / (1 + max(0, span - filled) / 15)
    phrase_hit = any(locate(sentence.reading, variants) for variants in phrases)
    score = 0.5 * row_coverage + 0.5 * coverage + 0.1 * compact + 0.1 * phrase_hit
    # The question's last topic word is usually its predicate (設置, 終了, 認定): the fact sits next to it.
    predicate = predicate_index(words)
    spans = sorted(s for spans in located.values() for s in spans)
    if predicate is not None and predicate in located:
        score += 0.15
        # written twice, the one where the other topic words stand (すくすく教室（参加者延680人）,
        # not the 参加者 of another programme before it)
        spans = [span for span in located[predicate] if span in nearest] or located[predicate]
    score += field_preference(sentence, question, coverage)
    return Found(sentence, score, coverage, spans, held=held)


# A sentence that goes on with what the one before it did (また、…を行いました): its unsaid
# subject is the one before it, unless it names one of its own (また、音楽会についても…).
GOES_ON = re.compile(r"^(?:また|さらに|加えて|併せて|あわせて)、")
# The kinds of question a sentence that goes on answers with what the one before held: whether
# it was done, and when (a reason, a status or a figure measured worse so).
CARRIED_ON = frozenset({"yesno", "when"})
OWN_SUBJECT = re.compile(r"^[^。]{0,30}?(?:については|についても|に於いては|においては|に関しては|では、|は、)")


def goes_on(sentence: Sentence, before: "Found | None", question: Question | None) -> bool:
    """Whether, for a question of a kind ``CARRIED_ON``, ``sentence`` goes on in the same cell
    after one that held topic words, about what that one was about: it says so (また、…), or,
    asked when, it names no subject of its own (特に農村環境改善センターは…毎年修繕を行っている。
    令和4年度の改修工事に向けて…)."""
    if question is None or question.kind not in CARRIED_ON or before is None or not before.held \
            or before.sentence.field != sentence.field or OWN_SUBJECT.match(sentence.text):
        return False
    return GOES_ON.match(sentence.text) is not None or question.kind == "when"


def beside(known: Knowledge, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence ``step`` places from ``sentence`` (-1 before it, 1 after it) in the same cell
    of its row, or None."""
    sentences = known.sentences[sentence.docnum]
    i = sentences.index(sentence) + step
    other = sentences[i] if 0 <= i < len(sentences) else None
    return other if other is not None and other.field == sentence.field else None


def tightest(located: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """One span of each word, the closest together: 就学援助制度により, not the 支援 (援助 widened)
    that the sentence writes first (経済的な支援が…就学援助制度)."""
    spans = sorted((s, e, word) for word, found in located.items() for s, e in found)
    best, window, left = None, {}, 0
    for right, (_, _, word) in enumerate(spans):
        window[word] = window.get(word, 0) + 1
        while len(window) == len(located):
            width = spans[right][1] - spans[left][0]
            if best is None or width < best[0]:
                best = (width, left, right)
            first = spans[left][2]
            window[first] -= 1
            if not window[first]:
                del window[first]
            left += 1
    if best is None:
        return []
    chosen: dict[int, tuple[int, int]] = {}
    for s, e, word in spans[best[1]:best[2] + 1]:
        chosen[word] = (s, e)  # the last of each word in the window: the nearest to the others
    return list(chosen.values())


def names_something(sentence: Sentence) -> bool:
    """Whether a sentence holds a proper noun (Sudachi: 固有名詞): the places or names a where
    question asks for (堂岡第1、東藤沢、西武の4地区)."""
    return any(t.pos[1] == "固有名詞" for t in analyse(sentence.text))


def predicate_index(words: list[Word]) -> int | None:
    """The question's last unquoted topic word that is not a year (令和元年度に実施された: the
    year says when, the act before it is what happened)."""
    for index in range(len(words) - 1, -1, -1):
        if not words[index].term.quoted and not only_a_year(words[index].term.text):
            return index
    return None


def best_sentence(known: Knowledge, docnum: int, words: list[Word], phrases, fields=None,
                  row_coverage: float = 1.0, keep=None) -> Found | None:
    """The sentence of a row that holds most of the topic (the first one of ``fields`` on a tie),
    among those ``keep`` accepts when it is given."""
    best = None
    for sentence in known.sentences[docnum]:
        if (fields and sentence.field not in fields) or (keep and not keep(sentence)):
            continue
        found = score_sentence(sentence, words, phrases, row_coverage)
        if best is None or found.score > best.score + 1e-9:
            best = found
    return best


def topic_sentences(known: Knowledge, match: Match, words, phrases, question: Question | None):
    """Every sentence of the answering rows that holds a topic word, scored, in row order."""
    floor = min(max(MIN_COVERAGE, match.best - 2 * TIER), match.best)  # a row answering alone
    for docnum in [d for d, c in match.coverage.items() if c >= floor - 1e-9]:
        context = row_context(known, docnum, words)
        before = None
        for sentence in known.sentences[docnum]:
            candidate = score_sentence(sentence, words, phrases, match.coverage[docnum], question, context, before)
            if candidate.spans or not words or goes_on(sentence, before, question):
                yield candidate
            before = candidate


# Two sentences this alike are one statement written twice (通行止めの状態 / 通行止め状態).
SAME_STATEMENT = 0.9


def same_sentence(known: Knowledge, match: Match, found: Found) -> list[Found]:
    """The sentence ``found`` as other rows of the question's match write it too, word for word
    or nearly, with the same fact when it gives one (平成25年度に策定し… is another plan's date)."""
    text = found.sentence.text
    return [Found(s, found.score, found.coverage, found.spans, found.fact) for d in match.rows
            if d != found.sentence.docnum for s in known.sentences[d]
            if s.field == found.sentence.field and SequenceMatcher(None, s.text, text).ratio() >= SAME_STATEMENT
            and (found.fact is None or found.fact.text in s.text)]


def ranked(found: list[Found]) -> list[Found]:
    return sorted(found, key=lambda f: (-f.score, f.sentence.docnum, f.sentence.start))


def fact_sentences(known: Knowledge, match: Match, words, phrases, question: Question) -> list[Found]:
    """Sentences that hold the asked-for fact (a date, a quantity, or any for who), best first."""
    found = []
    best_coverage = 0.0
    now = question.kind == "number" and NOW.search(stream(question.text).joined)
    asked = normalize(question.text)
    month = question.kind == "when" and MONTH_ASKED.search(question.text)
    later = DATE_LATER_CLAUSE_COST if question.kind == "when" else CLAUSE_COST
    for candidate in topic_sentences(known, match, words, phrases, question):
        sentence = candidate.sentence
        facts = (find_dates(sentence.text) if question.kind == "when" else [] if question.kind == "who"
                 else find_quantities(sentence.text, question.number_units))
        if now:
            facts = [f for f in facts if not planned(sentence.text, f) and not former(sentence.text, f)]
            if not facts and plans(sentence.text):
                continue  # 今いくつの地区で: not 令和4年度には…6地区になります, a figure planned
        if sentence.field != "measure":  # a title holds the topic whole, and never a date or figure
            best_coverage = max(best_coverage, candidate.coverage)
        if question.kind == "who":
            found.append(candidate)
            continue
        # A quantity or date the question itself gives (市内9地区中) is not what it asks for.
        facts = [f for f in facts if normalize(re.sub(r"^[^0-9０-９]*", "", f.text)) not in asked]  # 延べ, 毎年 …
        if month:
            facts = [f for f in facts if "月" in f.text]  # 何月にやるの: a year alone does not say
        if not facts:
            continue
        fact = min(facts, key=lambda f: (distance(f, candidate.spans, sentence.text, later)
                                         - 8 * _direction_bonus(f, question, sentence.text)
                                         + 40 * _is_target(sentence.text, f, question)))
        candidate.fact = fact
        candidate.score += (0.15 * _direction_bonus(fact, question, sentence.text)
                            - 0.001 * distance(fact, candidate.spans, sentence.text, later)
                            - 0.25 * _is_target(sentence.text, fact, question))
        found.append(candidate)
    # A date or number in a sentence about something else does not answer: the fact's sentence
    # must say nearly as much about the topic as the best sentence does.
    return ranked([f for f in found if f.coverage >= best_coverage - FACT_SLACK])


# A when question that asks for the month (何月, 何月何日): only a date with its month answers.
MONTH_ASKED = re.compile(r"何月|なん月|なんがつ")

# Words that turn a sentence from how things stand to what comes (30%を超え、今後も増加していく).
FUTURE_TURN = re.compile(r"今後|これから|将来")


def planned(text: str, fact: Fact) -> bool:
    """Whether ``fact`` is a figure planned: the sentence says what is planned (``plans``), unless
    it turns to what comes after the figure (高齢化率が30%を超え、今後も増加していく: the figure is
    how things stand), when only a plan named before the turn makes it one."""
    turn = FUTURE_TURN.search(text, fact.end)
    if turn is None:
        return plans(text)
    return any(t.lemma in PLAN_WORDS for t in tokens(text[:turn.start()]))


# What says a figure was so before and is no longer (これまで月2回発行していた広報いるま).
FORMERLY = re.compile(r"(?:これまで|従来|以前|かつて|当初|元々|もともと)[^、。]{0,8}$")
WAS_SO = re.compile(r"^[^、。]{0,12}?(?:ていた|でいた|であった|だった)")


def former(text: str, fact: Fact) -> bool:
    """Whether ``fact`` is how things were before (これまで月2回発行していた): asked how things are
    now, it is not the answer."""
    return bool(FORMERLY.search(text[:fact.start])) or bool(WAS_SO.match(text[fact.end:]))


# The figure reached, asked beside the target (目標値が掲げられておりました。…実際の整備率は).
ACTUAL = re.compile(r"実際|実績")
# 目標に対して (against the target): the target is what the asked quantity is measured against;
# 目標に届いた, 目標を達成した: whether it was reached, so what was reached is asked.
TARGET_AS_BASE = re.compile(r"目標(?:値)?(?:に対し|と比べ|に比べ|と比較"
                            r"|(?:に|を|は)?(?:届|達し|達成|到達|クリア|超え|超し|上回|下回))")


def _is_target(text: str, fact: Fact, question: Question) -> bool:
    """A quantity written as a target (目標値740人, 35%以上を目指します) answers only a question
    about targets (not one that asks against the target: 目標に対して何％まで進んだ, nor one that
    names the target and asks what was actually reached: 実際の整備率は)."""
    asks_target = "目標" in question.text and not TARGET_AS_BASE.search(question.text) or "目指" in question.text
    if asks_target and not ACTUAL.search(question.text):
        return False
    return "目標" in text[max(0, fact.start - 8):fact.start] or "目指" in text[fact.end:fact.end + 8]


def _direction_bonus(fact: Fact, question: Question, text: str) -> float:
    """For いつから, a start; for いつまで, an end, and a start (令和2年度以降) answers it only
    when no sentence gives an end."""
    if question.kind != "when" or not (question.since or question.until):
        return 0.0
    side = bound(fact, text)
    if question.until:
        return {"end": 1.0, "start": -1.0}.get(side, 0.0)
    return 1.0 if side == "start" else 0.0
