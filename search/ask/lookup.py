"""Answers taken from one sentence of the document: who did it (the row's department), when
(a date) and how many (a quantity), with the sentence quoted."""

from __future__ import annotations

import re

from ..engine import count_rows
from ..understanding.tokens import CARRYING_ON
from .answer import Answer, Asked
from .clauses import PLAN_NOUNS, tokens
from .evidence import Found, beside, best_sentence, fact_sentences, ranked, same_sentence, topic_sentences
from .facts import DATE_LATER_CLAUSE_COST, bound, distance, find_dates, find_quantities
from .sentences import Sentence, locate
from .topic import action_noun_in_kanji, full_weight, held_weight, names, rows_with
from .wording import source_note

COMMENTS = ("effort_comment", "direction_comment")

# Sentences this close to the best one's score are cited with it.
TIE = 0.05


def _cited(top: Found, found: list[Found], many: bool) -> list[Found]:
    chosen = [top] + ([f for f in found[1:4] if f.score >= top.score - TIE] if many else [])
    seen, cited = set(), []
    for f in chosen:
        if f.sentence.docnum not in seen:
            seen.add(f.sentence.docnum)
            cited.append(f)
    return cited


def _with_source(asked: Asked, text: str, top: Found) -> str:
    return text + f"根拠：「{top.sentence.text}」（{source_note(asked.known, top.sentence.docnum)}）"


# Who asked of people a row counts (受賞した7名は誰): their names, which an evaluation never gives
# (who is in charge is a department: 誰が担当, 担当者は誰).
PERSONS_ASKED = re.compile(r"[0-9０-９一二三四五六七八九十]+\s*(?:名|人)(?:は|って|とは)\s*(?:誰|だれ)")


def answer_who(asked: Asked) -> Answer | None:
    """The department of the row whose sentence says it; others that say it too, noted. Asked
    for the people a row counts, that their names are not written, with the sentence."""
    found = fact_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)
    if not found:
        return None
    top = titled_for(asked, found) or found[0]
    if PERSONS_ASKED.search(asked.question.text):
        return Answer("who", _with_source(asked, "文書には個人の名前の記載はありません。", top),
                      found=[top], coverage=top.coverage * 0.5)
    records = asked.known.records
    departments = list(records[top.sentence.docnum]["departments"])
    named = [d for d in departments if d in top.sentence.text]
    if named:  # 図書館では…: the sentence says which of the row's departments did it
        departments = named
    others = []
    for other in found[1:]:
        if other.score < top.score - TIE:
            break
        for name in records[other.sentence.docnum]["departments"]:
            if name not in departments and name not in others:
                others.append(name)
    value = "・".join(departments)
    text = f"{value}です。"
    if others:
        text += f"（ほかに{'・'.join(others)}の取組にも記載があります）"
    return Answer("who", _with_source(asked, text, top), found=_cited(top, found, True), value=value,
                  coverage=top.coverage)


def titled_for(asked: Asked, found: list[Found]) -> Found | None:
    """The row of the one measure whose title writes the question's rarest word (人事評価制度の
    活用, 人事課), when it holds as much of the question as the best row: the department the
    measure is assigned to is in charge, not one whose comment mentions it (人事評価制度とリンク
    した目標体系)."""
    nouns = [w for w in asked.words if w.rows and not w.term.predicate]
    if not nouns:
        return None
    rarest = min(nouns, key=lambda w: len(w.rows))
    coverage = asked.match.coverage
    # a predicate only ranks (進める: 56 writes 推進します), so a row may lack its share
    best = coverage.get(found[0].sentence.docnum, 0.0) - predicate_share(asked.words)
    titled = [d for d in asked.match.rows if coverage.get(d, 0.0) >= best - 1e-9
              and names(rarest, what_it_is(asked.known.records[d]))]
    if len(titled) != 1 or titled[0] == found[0].sentence.docnum:
        return None
    d = titled[0]
    return next((f for f in found if f.sentence.docnum == d), None) or \
        best_sentence(asked.known, d, asked.words, asked.phrases)


def predicate_share(words) -> float:
    """The share of the question's weight its predicates carry."""
    return held_weight(words, [i for i, w in enumerate(words) if w.term.predicate]) / full_weight(words)


def what_it_is(record: dict) -> str:
    """What a measure is: its title and the content that says what it does (政策・方針決定の場への
    女性の参画: 市の審議会、職場、地域団体など…への女性の参画を推進します)."""
    return (record.get("measure") or "") + "\n" + (record.get("content") or "")


def answer_fact_value(asked: Asked) -> Answer | None:
    """A date (when) or a quantity (number) written in the best supporting sentence of a row that
    names the event asked about."""
    found = fact_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)
    named = compounds_written(asked)
    unwritten = compounds_unwritten(asked)
    acts = acts_of_the_counted(asked)
    part = part_asked(asked)
    became = what_it_became(asked)
    found = [f for f in found if names_the_event(asked, f.sentence.docnum)
             and all(f.sentence.docnum in rows for rows in named)
             and all(of_unwritten(asked, f, words) for words in unwritten)
             and all(act_told(asked, f, act) for act in acts)
             and all(locate(f.sentence.reading, w.variants) for w in part)
             and not (asked.question.kind == "when" and NEXT_TIME.search(asked.question.text) and done_before(f))
             and became in f.sentence.text]
    if not found:
        return None
    top = event_dated(asked, found[0]) or found[0]
    value = top.fact.text
    text = f"{re.sub(r'(?<=[でま中])に$', '', value)}です。"
    coverage = top.coverage
    if asked.question.kind == "when" and asked.question.until and not asked.question.since \
            and bound(top.fact, top.sentence.text) == "start":
        # いつまで answered by 令和2年度以降: say that only the start is written.
        text = f"いつまでかは書かれていません。書かれているのは始まりの時期で、{value}です。"
        coverage *= 0.8
    # The same statement in other rows (市内9地区センターにおいて…, in each department's row) is
    # their answer too: they are cited.
    return Answer(asked.question.kind, _with_source(asked, text, top),
                  found=[top] + same_sentence(asked.known, asked.match, top), value=value, coverage=coverage)


def event_dated(asked: Asked, top: Found) -> Found | None:
    """Asked when an event happened (国民保護計画が策定されたのはいつ), and the best sentence dates
    another act (令和4年度に抜本的な改定作業を行います): the sentence of the same row that writes the
    event with a date (平成18年度に策定し…), whose topic the row's title leaves unsaid; or None."""
    events = asked_events(asked)
    if asked.question.kind != "when" or not events or any(locate(top.sentence.reading, w.variants) for w in events):
        return None
    for sentence in asked.known.sentences[top.sentence.docnum]:
        spans = [span for w in events for span in locate(sentence.reading, w.variants)]
        dates = find_dates(sentence.text) if spans else []
        if dates:
            fact = min(dates, key=lambda f: distance(f, spans, sentence.text, DATE_LATER_CLAUSE_COST))
            return Found(sentence, top.score, top.coverage, spans, fact=fact)
    return None


def names_the_event(asked: Asked, docnum: int) -> bool:
    """Whether a row names the event a when or number question asks about, when the question
    names it by a noun of action used as its verb (いつ完成する予定: 完成): a date in a row that
    never says 完成 (令和3年度に策定した実施計画) is the date of something else. A noun said of
    anything done (いつから実施されるのか) names no event."""
    most = GENERIC_EVENT_SHARE * len(asked.known.records)
    # 実施 (in a quarter of the rows) names no event of its own
    return all(docnum in w.rows for w in asked_events(asked) if len(w.rows) <= most)


def asked_events(asked: Asked) -> list:
    """The question's words that name an event by a noun of action used as its verb (完成, 策定);
    not a verb of carrying on (何件対応したの: 相談に応じました)."""
    return [w for w in asked.words if w.term.predicate and action_noun_in_kanji(w.term.text)
            and w.term.text not in CARRYING_ON]


# What a when question asks something became (佐渡市と友好都市になったのは何年).
BECAME_WHAT = re.compile(r"([一-龯ァ-ヶー]{2,})(?:に|と)(?:なっ|なり|なる)")


def what_it_became(asked: Asked) -> str:
    """What a when question asks something became, which the sentence of its date must write
    (a date beside another event, 令和2年度…佐渡市バスツアーは中止, does not say when it became
    one), or "" when there is none to require."""
    became = BECAME_WHAT.search(asked.question.text) if asked.question.kind == "when" else None
    if became is None or became.group(1).endswith(tuple(PLAN_NOUNS) + ("方針", "対象")):
        return ""  # いつ結ぶ予定になってる: a plan, not what it became
    # 半分になった: what no row writes is said in other words (半減)
    return became.group(1) if count_rows(asked.corpus, became.group(1)) else ""


# Asked when something is done next (次の委員選出は何年何月), a date of what was done is no answer.
NEXT_TIME = re.compile(r"次の|次回|今度の|次期")
PLANNING = re.compile(r"予定|今後|見込|次回|次期|目指|計画して")


def done_before(found: Found) -> bool:
    """Whether a fact is told in a sentence of what was done (令和3年9月30日の委員の任期終了に伴い、
    …見直しました), not of what is planned."""
    return found.sentence.field != "direction_comment" and not PLANNING.search(found.sentence.text)


# 〜のうち (of which): what follows names the part of a whole a figure is asked of.
PART_OF = re.compile(r"のうち|の中で|の中の")


def part_asked(asked: Asked) -> list:
    """The words a number question names only after のうち (女性の悩みごと相談のうち、DVに関する相談は
    何件): the part it asks the figure of, which the sentence that gives the figure must name; a
    figure of the whole (延べ1711件の相談) is not the part's."""
    text = asked.question.text
    among = PART_OF.search(text) if asked.question.kind == "number" else None
    if among is None:
        return []
    before, after = text[:among.start()], text[among.end():]
    return [w for w in asked.words if w.rows and w.term.text in after and w.term.text not in before]


def compounds_written(asked: Asked) -> list[set[int]]:
    """The rows that write whole a compound the question names a thing by (市民活動センター,
    searched as 市民・活動・センター), for each such compound the rows write: a date or a figure is
    the thing's only in such a row, not in one that holds its words apart (市民, 活動 and センター of
    a health volunteers' row)."""
    return [rows for rows in (rows_with(asked.corpus, "".join(words)) for words in compounds_named(asked)) if rows]


def compounds_unwritten(asked: Asked) -> list[tuple[str, ...]]:
    """The words of each compound the question names a thing by that no row writes (スポーツ教室,
    包括連携協定), of nouns each searched as a word of its own (QRコード付き|納付書: 付き is a suffix;
    市民提案ぼっ|くす: a kana word cut in two) that rows write (単年 of 平成31年度単年, which none
    does, is a qualifier the figure's answer tells of); not the quantity asked (年間参加者数)."""
    cue = asked.question.number_cue
    searched = {w.term.text for w in asked.words if w.rows}
    return [words for words in compounds_named(asked)
            if all(word in searched and len(tokens(word)) == 1 and tokens(word)[0].pos == "名詞" for word in words)
            and not (cue and cue in words[-1]) and not count_rows(asked.corpus, "".join(words))]


def of_unwritten(asked: Asked, found: Found, words: tuple[str, ...]) -> bool:
    """Whether a date or figure may be that of a compound no row writes: its row holds each of
    the compound's words (幸手市との包括的な連携協定), and its sentence, or the one before it in
    the cell, the compound's head (協定; 肺炎球菌：11,958人 after 肺炎球菌の予防接種事業を実施しました);
    not すくすく教室（参加者延680人）, whose row holds no スポーツ, for スポーツ教室, nor a figure of
    障害者スポーツ大会 in a row that writes 教室 elsewhere."""
    asked_as = {w.term.text: w for w in asked.words}
    def holds(sentence, word: str) -> bool:  # as typed or as searched (連系: 連携)
        w = asked_as.get(word)
        return word in sentence.text or (w is not None and bool(locate(sentence.reading, w.variants)))
    if not all(any(holds(s, word) for s in asked.known.sentences[found.sentence.docnum]) for word in words):
        return False
    return any(holds(s, words[-1]) for s in with_the_one_before(asked, found))


# People named by what they do (登録している人, 受講した方): the act, a verbal noun in kanji.
PEOPLE_BY_ACT = re.compile(r"([一-龯]{2,})(?:して(?:いる|いた|きた)?|した|する|され(?:た|ている))(?:人|方|者)")


def acts_of_the_counted(asked: Asked) -> list[str]:
    """The act that names the people a number question counts (健康ボランティアとして登録している人
    は何人), when rows write it: a figure of people who did another thing (延11,647人の地域住民の
    参加) is not theirs."""
    if asked.question.kind != "number" or asked.question.number_units[:1] != ("人",):
        return []
    return [m.group(1) for m in PEOPLE_BY_ACT.finditer(asked.question.text)
            if action_noun_in_kanji(m.group(1)) and count_rows(asked.corpus, m.group(1))]


def act_told(asked: Asked, found: Found, act: str) -> bool:
    """Whether a figure's sentence, or the one before it in the cell, writes the act."""
    return any(act in s.text for s in with_the_one_before(asked, found))


def with_the_one_before(asked: Asked, found: Found) -> list[Sentence]:
    """A figure's sentence and the one before it in its cell, which may say what it counts
    (…肺炎球菌の予防接種事業を実施しました。【5年実績】…肺炎球菌：11,958人)."""
    before = beside(asked.known, found.sentence, -1)
    return [found.sentence] + ([before] if before is not None else [])


def compounds_named(asked: Asked) -> list[tuple[str, ...]]:
    query = asked.question.query  # what is left of it once framing and asides went
    return [tuple(words) for words in asked.question.split if "・".join(words) in query]


# An action noun in more than this share of the rows is said of anything done (実施, 推進).
GENERIC_EVENT_SHARE = 0.15


QUOTED_NAME = re.compile(r"「([^」]{2,40})」")
NOUN_PARTS = ("名詞", "接頭辞", "接尾辞")


def asked_noun(asked: Asked) -> str:
    """The noun a fact question asks for: 手法 in どのような手法を採用."""
    cue = asked.question.cues[0] if asked.question.cues else ""
    m = re.match(r"(?:どのような|どんな|どういう|どのよう|何という|何の)\s*(.+)", cue)
    return m.group(1) if m else ""


def extract(asked: Asked, sentence: Sentence) -> str:
    """The name a sentence gives for what is asked: the compound that ends in the asked noun
    (DBO手法), else a name in 「」 that the question does not already say."""
    noun = asked_noun(asked)
    toks = tokens(sentence.text)
    if noun:
        for i, t in enumerate(toks):
            if t.surface == noun or t.lemma == noun:
                start = i
                while start and toks[start - 1].pos in NOUN_PARTS:
                    start -= 1
                if start < i:
                    return sentence.text[toks[start].start:t.end]
    for m in QUOTED_NAME.finditer(sentence.text):
        if m.group(1) not in asked.question.text:
            return m.group(0)
    return ""


def answer_fact(asked: Asked) -> Answer | None:
    """What something is called, or which means was chosen: the name the best sentence gives,
    else that sentence and the best one of the row's other comment, quoted."""
    found = ranked(list(topic_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)))
    if not found:
        return None
    top = found[0]
    value = extract(asked, top.sentence)
    quoted = [top]
    if not value:
        other = [f for f in found if f.sentence.docnum == top.sentence.docnum
                 and f.sentence.field != top.sentence.field and f.sentence.field in COMMENTS]
        quoted += other[:1]
    quotes = "".join(f"「{f.sentence.text}」" for f in quoted)
    lead = f"{value}です。根拠：" if value else "文書には"
    name = "" if value else asks_name(asked)
    if name:  # 売却された施設の名前は？: the rows name none
        lead = f"文書からは判断できません（該当する取組に{name}の記載はありません）。参考：文書には"
    text = f"{lead}{quotes}{'とあります' if not value else ''}（{source_note(asked.known, top.sentence.docnum)}）"
    return Answer("fact", text, found=quoted, value=value, coverage=top.coverage * (1.0 if value else 0.8))


# The nouns that ask for a name (…の名前は, 何という名称): when no sentence gives one, none is written.
NAME_NOUNS = ("名前", "名称")
# A name asked with its question word after it (文化財6件の名前は何ですか, 企業の名前を教えて).
NAME_ASKED = re.compile(r"(名前|名称)(?:は|って|を)\s*(?:何|なに|教え)")


def asks_name(asked: Asked) -> str:
    """The noun a fact question asks a name by (名前 of 施設の名前は？), or ""."""
    cue = asked.question.cues[0] if asked.question.cues else ""
    said = NAME_ASKED.search(asked.question.text)
    return next((noun for noun in NAME_NOUNS if cue.startswith(noun) or asked_noun(asked).startswith(noun)),
                said.group(1) if said else "")


def another_quantity(asked: Asked, answer: Answer, second: Asked) -> Found | None:
    """In the row of a number (or when) answer, the other quantity nearest a second question's
    words, in its units (or the first's)."""
    best = None
    units = second.question.number_units or asked.question.number_units
    top = answer.found[0]
    for sentence in asked.known.sentences[top.sentence.docnum]:
        spans = sorted(span for w in second.words for span in locate(sentence.reading, w.variants))
        if not spans and sentence is top.sentence and top.fact is not None:
            spans = [(top.fact.start, top.fact.end)]  # 何人受けたの: no word of its own, next to the first answer
        for fact in find_quantities(sentence.text, units):
            if fact.text != answer.value and spans:
                gap = distance(fact, spans, sentence.text)
                if best is None or gap < best[0]:
                    best = (gap, Found(sentence, 0.0, 0.0, spans, fact))
    return best[1] if best else None
