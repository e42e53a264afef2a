"""Yes/no questions: はい, いいえ or 文書からは判断できません, with the sentence that decides.

The deciding sentence is the best sentence about the topic that holds the question's predicate
(導入されましたか → 導入): いいえ when a negation follows the predicate in its clause
(抜本的な改定は行っていません) or when the question names a year the sentence says nothing
happened in (R3年度は中止; 平成30年度と平成31年度のみ), はい otherwise; a next sentence that turns
it (しかし…できませんでした) decides instead. Predicates match by Sudachi's synonym groups too
(終わりましたか: 完了し). A question whether it still holds (今もありますか, 今も委託していますか)
is answered いいえ by a sentence about the topic that says it was abolished or paused (廃止, 一時
休止: the legend's words for direction エ), whether or not it holds the predicate, or that turns
after the predicate to what is done from a later year on (委託化を実現したが、…令和3年度からは直営). A
question about how far something has come (遅れているのですか, 順調ですか) is decided by the rows'
progress grades. When no sentence about the topic holds the predicate, the document does not
say: 文書からは判断できません, with the closest sentence.
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..engine import count_rows
from ..understanding.tokens import analyse, verb_of_stem
from ..understanding.words import SPECIFIC_SHARE
from .answer import Answer, Asked
from .clauses import (CONCESSIVE, CONTRAST, FALLING, PLAN_NOUNS, RISING, aimed_at, asks_past, lemma_positions,
                      done_after, negated_after, negative, plans, reports, tokens)
from .evidence import FUTURE, GOES_ON, Found, beside, best_sentence, ranked, same_sentence, sentence_spans, topic_sentences
from .facts import UNIT_FAMILIES, find_quantities
from .kind import EVALUATIVE, predicate_span
from .sentences import locate
from .topic import action_noun_in_kanji, full_weight, held_weight, verb_kanji
from .years import against_the_year, dated_otherwise, only_a_year, years
from .wording import GRADE_NAMES_JA, codes_of, grade_text, measure_name, source_note

YES, NO, PARTLY, UNDECIDED = "はい", "いいえ", "一部", "文書からは判断できません"
AIMED = "aimed"  # the deciding sentence says only that it was aimed at: undecided, said so
PLANNED = "planned"  # it says only what is planned, asked whether it happened: undecided, said so
NOT_YET = "not yet"  # asked whether it is done already, the sentence still aims at it: いいえ, said so
ALREADY = re.compile(r"すでに|既に|もう(?!少し|一度|ちょっと|すこし)|済み")  # 策定済み: done already
# Predicates of an end reached (完成, 終わる; もうできた): another report about the topic is not it.
COMPLETED = frozenset({"完成", "完了", "終了", "終わる", "済む", "竣工", "完工", "仕上がる", "出来上がる", "終える", "実現", "達成",
                       "出来る"})
AS_PLANNED = re.compile(r"(?:計画|予定|目標)(?:通り|どおり)|順調に")
# Asked whether all of something is gone (全部なくなった, すべて解消した), a sentence that says only
# some is left (…のみとなりました, …だけになった) says no.
ALL_GONE = re.compile(r"(?:全部|ぜんぶ|全て|すべて|完全に)\s*(?:なくな|無くな|解消|ゼロ)")
SOME_LEFT = re.compile(r"(?:のみ|だけ)(?:と|に)な(?:り|っ)")
# Asked whether something was done every year (毎年度欠かさず実施できた): a year it was not says no
# (立入検査を中止した年度もありました).
EVERY_YEAR = re.compile(r"毎年|欠かさず|一度も(?:休ま|欠かさ|中止せ)")
SOME_YEAR_NOT = re.compile(r"(?:中止|休止|中断|見送|延期|実施できな|開催できな)[^。]{0,8}年(?:度)?もあ")
# …and the years it was done in, or how seldom, when not every year (計画期間3年目及び5年目に実施,
# 更新期間中（6年間）に1回, 隔年で).
NTH = r"[0-9０-９一二三四五六七八九]+年目"
SOME_YEARS_ONLY = re.compile(rf"{NTH}(?:及び|と|、|・|や|および){NTH}|[2-9２-９二三四五六七八九]年(?:間)?[）)]?に(?:1|１|一)(?:回|度)|隔年")
# Asked whether something stopped or could no longer be used (中止された, 使えなくなっていた: a
# potential verb negated, then なる), a sentence that reports it went on (施設利用を継続しました)
# says no. No general resource pairs these opposites, hence the words here.
STOPPED = re.compile(r"中止|休止|停止|閉鎖|打ち切|やめ|止め|止ま|[えけげせてねべめれ]なく(?:なっ|なる|なり)")
WENT_ON = re.compile(r"(?:継続|存続)し(?:まし)?た|続けまし|続けた|続きまし")
# Asked whether the city did something alone or itself (市が単独で開いている, 市が自ら運営), a
# sentence that it was done with others (3者共催で, 合同で) or by others (民間で実施している) says no.
ALONE = re.compile(r"単独で|独自で|市だけで|市のみで|自前で|自ら|自分で")
JOINTLY = re.compile(r"共催|共同(?:で|して|開催|実施)|合同で|[0-9０-９一二三四五六七八九]者で|民間で|民間(?:事業者|団体)?が")
# Asked of all (every one, every year), a sentence of some that are not says no; asked whether it
# stopped, a sentence that it went on; asked whether done alone, one that it was done with others.
# Asked whether things are kept in one place (一か所にまとめて保管), a sentence that they are spread
# (分散備蓄, 各避難所に) says no.
IN_ONE_PLACE = re.compile(r"(?:一|1|１)(?:か所|ヶ所|カ所|ヵ所|箇所)に(?:まとめ|集約|集め|集中)|まとめて(?:保管|管理|備蓄)")
SPREAD = re.compile(r"分散|各(?:避難所|地区|施設|所)に")
DENIED_BY = ((ALL_GONE, SOME_LEFT), (EVERY_YEAR, SOME_YEAR_NOT), (EVERY_YEAR, SOME_YEARS_ONLY), (STOPPED, WENT_ON),
             (ALONE, JOINTLY), (IN_ONE_PLACE, SPREAD))
# Asked whether there is some place, one or thing (どこかと結ぶ予定, 何か対策): a yes should say
# which, and the sentence beside the deciding one in its cell is where it is often written.
INDEFINITE = re.compile(r"(?:どこ|何|なに|誰|だれ)か(?=[のでにとをがはも]|[一-龥ァ-ヺ])")
# Colloquial verbs of doing, as the word the documents write: Sudachi gives やる no synonym
# group, while 行う's holds 実施 and 開催 (毎年やってる? is said by 毎年2回実施しています).
DOING = {"遣る": "行う"}
MAX_QUOTED = 3
SLACK = 0.3  # a deciding sentence may hold this much less of the topic than the best one
# A sentence this much of the topic names it whole but for a common word (低学年の子: 低学年児童).
NAMES_THE_TOPIC = 0.9
PAST_FIELDS = ("effort_comment", "direction_comment", "content", "measure")
FUTURE_FIELDS = ("direction_comment", "effort_comment", "content", "measure")


def asked_negatively(asked: Asked) -> bool:
    """進んでいないのですか: the question itself negates its predicate."""
    text = asked.question.text
    # from the end of the predicate: 廃止されたんですか is not negated by 廃止 itself
    ends = {t.start: t.end for t in tokens(text)}
    return any(negated_after(text, ends.get(p, p)) for p in lemma_positions(text, asked.question.predicate))


def by_grade(asked: Asked, yes_grades: str = "", facet: str = "progress") -> Answer | None:
    """はい / いいえ from the grades of the rows asked about (``yes_grades`` of ``facet`` answer
    はい; by default the progress grades of the question's evaluative predicate)."""
    rows = asked.ordered_rows()
    if not rows:
        return None
    yes_grades = yes_grades or EVALUATIVE[asked.question.predicate]
    flip = asked_negatively(asked)
    records = asked.known.records
    codes = {d: codes_of(records[d][facet]) for d in rows}
    yes = [d for d in rows if any(code in yes_grades for code in codes[d]) != flip]
    verdict = YES if len(yes) == len(rows) else NO if not yes else PARTLY
    grades = "、".join(f"{measure_name(asked.known, d)}は"
                      f"{'・'.join(grade_text(asked.corpus, facet, code) for code in codes[d])}" for d in rows[:MAX_QUOTED])
    more = f"ほか{len(rows) - MAX_QUOTED}件" if len(rows) > MAX_QUOTED else ""
    share = f"（{len(rows)}件中{len(yes)}件）" if verdict == PARTLY else ""
    text = f"{verdict}{share}。{GRADE_NAMES_JA[facet]}で見ると、{grades}{more}です。"
    # the comment of the time asked: what was done (続けられたのですか), or what will be (今後縮小の方向ですか)
    field, label = ("direction_comment", "今後の方向性") if facet == "direction" and not asks_past(asked.question.text) \
        else ("effort_comment", "取組評価")
    quoted = []
    for d in rows[:MAX_QUOTED]:
        found = best_sentence(asked.known, d, asked.words, asked.phrases, (field,))
        if found is not None:
            quoted.append(found)
    if quoted:
        text += f"{label}：" + " ".join(f"「{f.sentence.text}」" for f in quoted)
    return Answer("yesno", text, rows=rows, found=quoted, verdict=verdict, fields=(field,))


def as_done(asked: Asked) -> str:
    """The predicate as the comments say it was done (やる: 行う)."""
    return DOING.get(asked.question.predicate, asked.question.predicate)


def decide(asked: Asked, found: Found) -> tuple[str, list]:
    """The verdict of a sentence that holds the predicate, and the sentences that decide it."""
    text = found.sentence.text
    positions = lemma_positions(text, asked.question.predicate) or kanji_noun_ends(text, asked.question.predicate) \
        or lemma_positions(text, as_done(asked))  # やったの: 実施した
    # Without the predicate (said in other words), the sentence's own ending says yes or no.
    said = not any(negated_after(text, p) for p in positions) if positions else not negative(text)
    then = beside(asked.known, found.sentence, 1)
    predicate = as_done(asked)  # やってた: 実施 says it
    if then is not None and CONTRAST.match(then.text) and negative(then.text) and said \
            and (lemma_positions(then.text, asked.question.predicate) or holds_predicate(then.text, predicate)):
        return NO, [found.sentence, then]  # …を実施しました。しかし…実施できませんでした。
    if said and (against_the_year(asked.question.text, text)
                 or dated_otherwise(asked.question.text, text, positions)):
        # 令和2年度に開かれましたか: 平成30年度と平成31年度のみ開催, or R2年度は中止; 令和3年度に策定された
        # んですよね: 平成30年度に策定した
        said = False
    elif said and years(asked.question.text) and not years(text):
        cancelled = cancelled_that_year(asked, found.sentence)
        if cancelled is not None:  # …販売・PRをしました。…佐渡物産の販売・PRは令和2年度・3年度と中止
            return NO, [found.sentence, cancelled]
    if said and (cancelled := cancelled_then(asked, found.sentence)) is not None:
        return NO, [found.sentence, cancelled]  # コロナの間も: …感染症拡大のため、…バスツアーは中止
    if said and asked.question.still and no_longer(asked, text):
        said = False  # 今もありますか: …が廃止となりました; 委託化を実現したが、令和3年度からは直営
    if said and positions and all(aimed_at(text, p) and aims_at_topic(asked, found, p) for p in positions):
        if ALREADY.search(asked.question.text) and not reports(text):
            return NOT_YET, [found.sentence]  # すでに完成したのか: 早期完成を目指します is still ahead
        return AIMED, [found.sentence]  # 減りましたか: 交通事故の減少に努めました says only the aim
    if said and asks_past(asked.question.text) and plans(text) and not any(done_after(text, p) for p in positions):
        # 実施されたのか: 令和4年度に実施を予定しています; もう決まったの: still planned, not yet
        return (NOT_YET if ALREADY.search(asked.question.text) else PLANNED), [found.sentence]
    verdict = YES if said != asked_negatively(asked) else NO
    return verdict, [found.sentence]


def cancelled_that_year(asked: Asked, sentence) -> object | None:
    """Another sentence of the same cell that holds a topic word and says that what is asked did
    not happen in the year the question names (the sentence chosen names no year), or None."""
    for other in asked.known.sentences[sentence.docnum]:
        if other is not sentence and other.field == sentence.field and years(other.text) \
                and sentence_spans(other, asked.words) and against_the_year(asked.question.text, other.text):
            return other
    return None


def cancelled_then(asked: Asked, sentence) -> object | None:
    """A later sentence of the same cell that writes what the chosen one does of the topic, and
    besides it the words of the question that this one leaves out (コロナの間も: 感染症拡大), and
    says the act did not happen then (しかし、…感染症拡大のため、佐渡市バスツアーは中止としました);
    or None. The question asks of those circumstances, which only that sentence speaks of."""
    held = {i for i in sentence_spans(sentence, asked.words) if not asked.words[i].term.predicate}
    cell = [s for s in asked.known.sentences[sentence.docnum] if s.field == sentence.field]
    for other in cell[cell.index(sentence) + 1:]:
        spans = {i for i in sentence_spans(other, asked.words) if not asked.words[i].term.predicate}
        if held and spans > held and negative(other.text):
            return other
    return None


def aims_at_topic(asked: Asked, found: Found, position: int) -> bool:
    """Whether the aim at ``position`` is the question's topic's: a topic word stands in its clause
    before it (交通事故の減少に努めました). Aimed at something else (GIGAスクール構想の実現に向けた
    1人1台のタブレット端末の導入により…できました), the predicate says nothing of the topic and the
    sentence's own ending decides."""
    start = max(found.sentence.text.rfind(mark, 0, position) for mark in "、，。") + 1
    # Every topic word's place, not only the predicate's (幸手市との…協定の締結に向け).
    spans = [span for found_spans in sentence_spans(found.sentence, asked.words).values() for span in found_spans]
    return any(start <= begin and end <= position for begin, end in spans)


# A quantity asked against: 10人以上, 5件未満, 100人を超え, 95%を上回って, 目標の52.9%に届いた,
# 740人ってクリア; all of them (9地区ぜんぶ) is as many or more. The counters it is asked in:
THRESHOLD_UNITS = r"(?P<unit>人|名|件|回|か所|箇所|校|団体|施設|台|%|世帯|地区)"
THRESHOLD = re.compile(r"(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<man>万)?\s*(?:つの|個の)?"  # 9つの地区
                       + THRESHOLD_UNITS + r"\s*(?:って|は|が|も)?\s*"
                       r"(?P<side>以上|以下|未満|より多|より少な|を?超|を?上回|を?下回|に届|に達|に満た|を?クリア"
                       r"|(?:の)?(?:全部|ぜんぶ|全て|すべて))")
# 全9地区で: every one of them, as 9地区すべて.
ALL_OF = re.compile(r"全\s*(?P<number>[0-9][0-9,]*)\s*(?P<man>万)?\s*(?:つの|個の)?" + THRESHOLD_UNITS)
# Each side: the comparison the question asks of the figure written (月2回届いてた is no threshold:
# 届く and 達する compare only after に).
SIDES = {"以上": ">=", "に届": ">=", "に達": ">=", "クリア": ">=", "以下": "<=", "未満": "<", "に満た": "<",
         "より少な": "<", "下回": "<", "より多": ">", "超": ">", "上回": ">"}
# After a figure written in a row: it is only a bound (高齢化率が30%を超え: more than 30, how much is not said).
BOUND_AFTER = re.compile(r"\s*(?:を)?(?:超え|超|以上|上回)")
BOUND_ONLY = "bound"  # the row's figure is a bound that does not decide the question's


def against_threshold(question: str, sentence: str, named: bool = False) -> bool | str | None:
    """Whether the quantity the sentence gives in the question's unit clears the question's
    threshold (10人以上 against 7名: False); None when the question asks none, the sentence gives
    no such quantity, or gives only a bound that does not decide (35%を超えていますか against
    30%を超え). With ``named``, only a figure that what the question counts stands before."""
    question = unicodedata.normalize("NFKC", question)
    asked = THRESHOLD.search(question) or ALL_OF.search(question)
    if asked is None:
        return None
    sentence = unicodedata.normalize("NFKC", sentence)
    units = UNIT_FAMILIES.get(asked.group("unit"), (asked.group("unit"),))
    limit = _value(asked.group("number")) * (10000 if asked.group("man") else 1)
    given = find_quantities(sentence, units)  # a change (40%から20%) is worth where it ends
    if len(given) > 1:  # 市内9地区中…4地区, 目標値52.9%に対して41.20%: the question's own figure restated is no answer
        given = [f for f in given if _value(f.text) != limit]
    if len(given) > 1:  # 目標値71.4%に対して75.8%: the target is no answer
        given = [f for f in given if "目標" not in sentence[max(0, f.start - NAMED_WITHIN):f.start]] or given
    if named:
        counted = counted_noun(question, asked.start("number"))
        given = [f for f in given if counted and counted_noun(sentence, f.start) == counted]
    elif len(given) > 1:  # 登録件数は、通算3件であり、1件の成約: the figure of what the question names
        given = [f for f in given if named_before(question, sentence, f.start)] or given
    if len(given) != 1:
        return None
    value = _value(given[0].text)
    side = next(SIDES[key] for key in SIDES if asked.group("side").lstrip("を").startswith(key)) \
        if asked.re is THRESHOLD and not asked.group("side").endswith(("全部", "ぜんぶ", "全て", "すべて")) else ">="
    if BOUND_AFTER.match(sentence, given[0].end):  # the row gives a lower bound only
        if value == limit:
            return None  # 女性委員の割合35%以上を目指します: the question's figure, as a target
        return True if side in (">", ">=") and value >= limit else BOUND_ONLY
    return {">=": value >= limit, "<=": value <= limit, "<": value < limit, ">": value > limit}[side]


NAMED_WITHIN = 12  # characters before a figure that say what it counts (登録件数は、通算)
KANJI_PAIR = re.compile(r"(?=([一-龯々]{2}))")


def named_before(question: str, sentence: str, start: int) -> bool:
    """Whether a word of two kanji the question writes stands just before a figure."""
    asked = set(KANJI_PAIR.findall(question))
    return bool(asked & set(KANJI_PAIR.findall(sentence[max(0, start - NAMED_WITHIN):start])))


# The noun a figure counts, written just before it (保護廃止は6件, 参加者数：延べ120人).
COUNTED = re.compile(r"([一-龯々ァ-ヴー]{2,})(?:は|が|の|も|：|:)?\s*(?:通算|延べ|合計|計|約)?\s*$")


def counted_noun(text: str, start: int) -> str:
    """The noun written just before the figure at ``start``, or ""."""
    found = COUNTED.search(text, 0, start)
    return found.group(1) if found else ""


def _value(text: str) -> float:
    """The figure a quantity ends at (40%から20%: 20)."""
    numbers = re.findall(r"[0-9][0-9,]*(?:\.[0-9]+)?", text)
    return float(numbers[-1].replace(",", "")) if numbers else float("nan")


# After the predicate, a turn to what was done from a later time on (実現したが、…令和3年度からは).
TURN_LATER = re.compile(rf"(?:{CONCESSIVE.pattern}).*(?:年度|年|月)(?:から|以降|より)")


def ended_words(corpus) -> set[str]:
    """The everyday words of the grade that ends a measure (direction エ: 廃止・休止), from the
    legend's word table. Not オ's 完了: 設置が完了しました says that it is there."""
    return {word for word, facet, codes, _ in corpus.grade_words if facet == "direction" and "エ" in codes}


# オ's 終了, said of a thing itself (本事業を終了しました, 利用を…で終了した): it ended. Only the word
# itself: its synonym group holds 完了.
ENDED_EXACT = "終了"


def says_ended(asked: Asked, text: str) -> bool:
    """Whether a sentence says that something ended: in the legend's words for direction エ, or
    with 終了 itself."""
    ended = ended_words(asked.corpus)
    return any(t.lemma == ENDED_EXACT or any(t.says(word) for word in ended) for t in tokens(text))


def no_longer(asked: Asked, text: str) -> bool:
    """Whether a sentence says that what a still question asks about (今もありますか, 今も委託して
    いますか) holds no more: it ended (廃止となりました), or after the predicate it turns to what
    is done from a later time on (委託化を実現したが、…令和3年度からは直営方式)."""
    if says_ended(asked, text):
        return True
    at = lemma_positions(text, asked.question.predicate)
    return bool(at) and bool(TURN_LATER.search(text, at[0]))


def direction(says) -> int:
    """+1 for a word of rising, -1 of falling, else 0; ``says(lemma)`` tells whether the word
    says a lemma (a token's ``says``, or equality with the question's predicate)."""
    return 1 if any(says(w) for w in RISING) else -1 if any(says(w) for w in FALLING) else 0


def change_told(asked: Asked, close: list[Found]) -> Answer | None:
    """A question whether something rose or fell, decided by a sentence about the topic that
    reports a change either way (増えたんですか: 女性委員の割合は40%から20%に減少しました): the
    same way is はい, the other いいえ, and so is the same way negated (増加しませんでした). Of
    two changes, the one nearest after a topic word tells (申し出の増加…指定面積の減少: 面積 fell).
    An aim (増加を目指します) or a plan reports nothing."""
    asked_way = direction(asked.question.predicate.__eq__)
    if not asked_way:
        return None
    for f in close:
        text = f.sentence.text
        if plans(text):
            continue
        changes = [(after_topic(f, t.start), way, negated_after(text, t.start))
                   for t in tokens(text) if (way := direction(t.says)) and not aimed_at(text, t.start)]
        if not changes:
            continue
        _, way, negated = min(changes, key=lambda c: c[0])
        if negated and way != asked_way:
            continue  # 減少しませんでした says nothing of a rise
        verdict = YES if (way == asked_way and not negated) != asked_negatively(asked) else NO
        return quoting(asked, verdict, f)
    return None


def rare_act_told(asked: Asked, best: Found, close: list[Found]) -> list[Found]:
    """The sentences of the best row's comments that hold the act asked about when few rows
    write it (1件の成約がありました, for 空き家バンクで成約した物件ってある), though they hold no other
    topic word: what the row says of that act. A common act (実施) says nothing of the topic."""
    predicate = asked.question.predicate
    if not predicate or count_rows(asked.corpus, predicate) > SPECIFIC_SHARE * len(asked.known.records):
        return []
    held = {id(f.sentence) for f in close}
    return [Found(s, 0.0, best.coverage, []) for s in asked.known.sentences[best.sentence.docnum]
            if s.field in PAST_FIELDS[:2] and id(s) not in held and holds_predicate(s.text, predicate)
            and any(t.lemma == predicate for t in tokens(s.text))]  # the act itself, not a synonym


def after_topic(found: Found, position: int) -> float:
    """How far ``position`` stands after the end of the nearest topic word before it."""
    ends = [end for _, end in found.spans if end <= position]
    return position - max(ends) if ends else math.inf


def answer_yesno(asked: Asked) -> Answer | None:
    if asked.question.asked_grades:  # 進捗Cになってますか: the grade decides
        facet, codes = next(iter(asked.question.asked_grades.items()))
        return by_grade(asked, "".join(codes), facet)
    if asked.question.predicate in EVALUATIVE:  # 計画どおり進んでいる: as planned is 順調's grades
        return by_grade(asked, EVALUATIVE["順調"] if AS_PLANNED.search(asked.question.text) else "")
    found = ranked(list(topic_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)))
    if not found:
        return None
    # Sentences about the topic (nearly as much as the best one) that hold the predicate; the
    # evaluation says what was done, the direction what will be, the content only what was planned.
    close = [f for f in found if f.coverage >= found[0].coverage - SLACK]
    # The comments of the best sentence's row go on about what its title or content names
    # (外国人市民の…参加を促進 | …コミュニティ活動への参加は増加しませんでした): they are close too.
    close += [f for f in found if f not in close and f.sentence.docnum == found[0].sentence.docnum
              and f.sentence.field in PAST_FIELDS[:2] and found[0].sentence.field in PAST_FIELDS[2:]]
    # A sentence of the best one's row that holds topic words the best one lacks says the rest
    # of the topic (…補助金事業の認知度を高めるために… | また、パンフレットを作成し): close too.
    close += [f for f in found if f not in close and f.sentence.docnum == found[0].sentence.docnum
              and f.held - found[0].held]
    rare = rare_act_told(asked, found[0], close)
    close += rare
    ended = [f for f in close if asked.question.still
             and (says_ended(asked, f.sentence.text) or TURN_LATER.search(f.sentence.text))]
    if ended:  # 今も使えますか: 生け垣奨励補助については一時休止し (the predicate need not be there;
        # nor for 今もまかせてるの: 委託化を実現したが、令和3年度からは直営方式)
        return quoting(asked, NO, ended[0])
    wider = beyond_restriction(asked, close)
    if wider is not None:  # 希望者にだけ配っている？: …全戸に配布しました
        answer = quoting(asked, NO, wider)
        answer.text += f"（「{asked.question.restricted}」に限らない記述です）"
        return answer
    # A figure of what the question counts (保護廃止は6件) before the first figure in its unit
    # (24件の採用): a sentence may count something else of the same topic.
    compared = ((f, against_threshold(asked.question.text, f.sentence.text, named))
                for named in (True, False) for f in close)
    figured, cleared = next(((f, c) for f, c in compared if c is not None), (None, None))
    if figured is not None and cleared == BOUND_ONLY:  # 35%を超えていますか: 30%を超え does not say
        return undecided(asked, figured)
    if figured is not None:  # 9地区ぜんぶにできたんですか: the figure decides, with or without the verb
        return quoting(asked, YES if cleared else NO, figured)
    changed = change_told(asked, close)
    if changed is not None:  # 増えたんですか: 40%から20%に減少しました says no
        return changed
    for asked_so, denied in DENIED_BY:
        # 全部なくなった？: …第1、3の日曜夜間のみとなりました; 毎年度欠かさず…？: …を中止した年度もありました;
        # 使えなくなっていた？: …施設利用を継続しました
        denying = next((f for f in close if denied.search(f.sentence.text)), None) \
            if asked_so.search(asked.question.text) else None
        if denying is not None:
            return quoting(asked, NO, denying)
    if asked.question.predicate in PLAN_NOUNS:  # 改定する予定になっているのか: a sentence that plans it
        planned = sorted((f for f in close if plans(f.sentence.text)),
                         key=lambda f: (FUTURE_FIELDS.index(f.sentence.field), -f.score))
        if planned:
            return quoting(asked, YES, planned[0])
    order = FUTURE_FIELDS if FUTURE.search(asked.question.text) else PAST_FIELDS
    predicate = as_done(asked)
    # 行う for やる says only that something was done: what was done is the question's own word.
    reworded = predicate != asked.question.predicate
    subject = predicate_subject(asked.question.text)
    if not any(holds_subject(f.sentence.text, subject) for f in close):
        # 見直しは、もう結論が出た: 結論 is of the asker's idiom, the theme is what it is said of;
        # 自動で翻訳してくれる機械は導入された: the asker's own word for 翻訳機, no subject at all
        theme = theme_subject(asked.question.text)
        subject = theme if any(holds_subject(f.sentence.text, theme) for f in close) else ()
    past = asks_past(asked.question.text)
    holding = sorted((f for f in close
                      if holds_predicate(f.sentence.text, predicate) and (f in rare or not about_another(asked, f))
                      and holds_subject(f.sentence.text, subject)
                      and (not reworded or writes_a_topic_word(asked, f))),
                     # in the same cell, asked about the past, a report of what was done before a
                     # remark on it; the predicate as a word of its own (設置はできませんでした) before
                     # the head of a compound (窓口設置); then, when the question names a year, the
                     # most of the topic besides it (the year is what is checked)
                     key=lambda f: (order.index(f.sentence.field), past and not reports(f.sentence.text),
                                    not any(t.lemma == predicate for t in tokens(f.sentence.text)),
                                    -held_besides_years(asked, f), -f.score))
    fields = order[:2] if order is FUTURE_FIELDS else order[:1]
    # …の使用料は値上げされた: a sentence about 使用料 that states a problem says nothing of it.
    whole = [f for f in close if f.coverage >= NAMES_THE_TOPIC and f.sentence.field in fields
             and reports(f.sentence.text) and not about_another(asked, f)]
    became = BECAME.search(asked.question.text)
    begun = [f for f in close if became and reports(f.sentence.text)
             and any(t.lemma in BEGINNINGS for t in tokens(f.sentence.text))]
    # in the fields asked first, then in the other comment (活動を休止している団体が多く, in the
    # direction's comment, says 休んでいる団体はある)
    in_kanji = sorted((f for f in close if f.sentence.field in order[:2] and said_in_kanji(f.sentence.text, predicate)),
                      key=lambda f: f.sentence.field not in fields)
    if holding:
        top, note = holding[0], ""
        outcome = outcome_of_plan(asked, top, found, predicate)
        if outcome is not None:  # 組織を設置し… (content) | …推進課を設置したことで (its comment)
            top = outcome
        elif top.sentence.field in PAST_FIELDS[2:] and (ALREADY.search(asked.question.text)
                                                        or asks_past(asked.question.text)) \
                and (ahead := still_planned(asked, top, predicate)):
            # 「文化振興指針」の策定 is the row's plan, not a report; its direction that still plans
            # it (指針の策定について検討していきます) says it is not done yet.
            return not_yet(asked, ahead)
        if reworded:  # said by 実施 or 開催 for やる: the asker's word is not there
            note = f"（「{as_typed(asked)}」という語はありませんが、この記述から判断しました）"
    elif in_kanji:
        # 翻訳機って入ってます？: a native verb's act written as the noun of its kanji (導入).
        top = in_kanji[0]
        note = f"（「{predicate}」という語はありませんが、同じ漢字の「{said_in_kanji(top.sentence.text, predicate)}」の記述から判断しました）"
    elif begun:
        # 受けられるようになったの: what became possible began (医療機関での胃内視鏡検査を開始し).
        top = begun[0]
        note = f"（「{as_typed(asked)}」という語はありませんが、開始・導入の記述から判断しました）"
    elif whole and ALREADY.search(asked.question.text) and asked.question.predicate in COMPLETED \
            and (ahead := still_ahead(asked, close, subject)) \
            and asked.known.records[ahead.sentence.docnum]["progress"] not in EVALUATIVE["順調"]:
        # もう完成したの: what was done is work toward it (地元との協議を進める), the direction still
        # plans it (用地取得、各種設計、調査等の具体的な取り組みを進めていきます), and the row is
        # graded as not near its goal (C: ある程度進んでいる; B would be 達成が近い).
        return not_yet(asked, ahead)
    elif whole and not_carried_out(asked, whole[0]):
        return by_effort(asked, whole[0])
    elif whole:
        # The best sentence that names the whole topic in the comment that says what was done
        # (for a question about the past; what will be, for the future) decides, in other words
        # (導入 → 開始し; 毎年やってる → 平成30年度を最後に実施していません), ahead of the content.
        top = whole[0]
        note = f"（「{as_typed(asked)}」という語はありませんが、この記述から判断しました）"
    elif ALREADY.search(asked.question.text) and (ahead := still_ahead(asked, close, subject)):
        # もう終わった？: the direction says it is still to be done (工事を進め…していきます).
        return not_yet(asked, ahead)
    elif found[0].coverage >= NAMES_THE_TOPIC and not_carried_out(asked, found[0]):
        # もう開設されたのですか: no sentence about the topic says it either way, and the row that
        # names it is graded as considered but not carried out (お); its direction may plan it
        # (令和5年4月1日…開設することとしており).
        planned = [s for s in asked.known.sentences[found[0].sentence.docnum]
                   if s.field == "direction_comment" and holds_predicate(s.text, predicate)]
        return by_effort(asked, found[0], planned[:1])
    elif AS_PLANNED.search(asked.question.text):
        # 計画どおり開けてるの: whether it goes as planned, which the progress grade says when no
        # sentence about the topic holds the predicate (開催の計画が立案出来ず: D, いいえ).
        return by_grade(asked, EVALUATIVE["順調"])
    elif (asks_past(asked.question.text) or ALREADY.search(asked.question.text)) and not_begun(asked):
        # 連絡網をつなぐ話、まとまった？ (or もう接続は済んでいますか): no row writes まとまる, and
        # every row asked about is graded E (not begun, or gone back: 協議が凍結となっています).
        return by_grade(asked, EVALUATIVE["着手"])
    elif codes := direction_named(asked):
        # もう廃止されたんですか: no sentence says it either way; the rows' direction does (イ, to
        # be continued: いいえ), as the legend defines it.
        return by_grade(asked, codes, "direction")
    else:
        return undecided(asked, told_of_the_year(asked, found[0]) or found[0])
    verdict, sentences = decide(asked, top)
    if verdict == NOT_YET:
        return not_yet(asked, top)
    if verdict in (AIMED, PLANNED) and not_carried_out(asked, top):
        return by_effort(asked, top)
    if verdict in (AIMED, PLANNED) and ALREADY.search(asked.question.text) \
            and (ahead := still_ahead(asked, close, subject)) and ahead.sentence is not top.sentence \
            and holds_predicate(ahead.sentence.text, predicate):
        # もう始まっていますか: the report only considered it (駐車場としての運用方法を検討しました)
        # and the direction still plans it (運用を開始したいと考えます)
        return not_yet(asked, ahead)
    if verdict in (AIMED, PLANNED) and (dated := told_of_the_year(asked, top)) is not None:
        return undecided(asked, dated)  # 令和3年度も会場で開いたの: what that year's report says of it
    if verdict in (AIMED, PLANNED):
        said = "目指して取り組んだこと" if verdict == AIMED else "予定"
        answer = undecided(asked, None)
        answer.text += (f"文書には「{top.sentence.text}」とあり、{said}は書かれていますが、"
                        f"その結果は書かれていません（{source_note(asked.known, top.sentence.docnum)}）。")
        answer.found, answer.coverage = [top], top.coverage * 0.8
        return answer
    # a sentence that goes on (また、…) is quoted after the one before it, which says of what
    before = [beside(asked.known, top.sentence, -1)] if GOES_ON.match(top.sentence.text) else []
    quote = "".join(f"「{s.text}」" for s in with_what(asked, verdict, [*before, *sentences]) if s is not None)
    text = f"{verdict}。文書には{quote}とあります（{source_note(asked.known, top.sentence.docnum)}）。{note}"
    quoted = [top] + [Found(s, top.score, top.coverage, []) for s in sentences[1:]] \
        + same_sentence(asked.known, asked.match, top)
    return Answer("yesno", text, found=quoted, verdict=verdict, coverage=top.coverage * (0.8 if note else 1.0))


def told_of_the_year(asked: Asked, found: Found) -> Found | None:
    """The sentence of ``found``'s row that reports on the one year the question names (令和3年度は
    …事前に撮影した映像を…YouTubeチャンネルへ掲載し), when ``found`` names no year: the closest
    evidence of what was done then; or none."""
    asked_years = {year for year, _ in years(asked.question.text)}
    if len(asked_years) != 1 or years(found.sentence.text):
        return None
    dated = [s for s in asked.known.sentences[found.sentence.docnum]
             if s.field == "effort_comment" and asked_years <= {year for year, _ in years(s.text)}]
    return Found(dated[0], found.score, found.coverage, []) if dated else None


# What says an act went beyond what a question restricts it to: others took part (協働, 共催, 連携,
# 協力, 共同), it reached everyone (全戸, 全世帯, 全員), or more was added (加え, においても, 以外).
BEYOND = re.compile(r"協働|共催|共同|連携|協力|全戸|全世帯|全員|全域|全市民|すべての|全ての|加え|においても|以外")


def beyond_restriction(asked: Asked, close: list[Found]) -> Found | None:
    """Asked whether an act is restricted to something (市が単独で, 希望者にだけ), the sentence about
    the topic that says it went beyond that (地元市民団体と協働で, 全戸に配布, 市と薬科大学及び…),
    in the comment that says what was done first; None when none does."""
    restricted = asked.question.restricted
    if not restricted:
        return None
    named = re.escape(restricted)
    joined = re.compile(rf"{named}(?:と|及び|や)|(?:と|及び|や){named}")  # 市と薬科大学: others with it
    return next((f for field in PAST_FIELDS for f in close if f.sentence.field == field
                 and (BEYOND.search(f.sentence.text) or joined.search(f.sentence.text))), None)


def held_besides_years(asked: Asked, found: Found) -> float:
    """The weight of the topic a sentence holds, besides the years asked about; 0 for a question
    that names none (the sentence's score alone ranks it)."""
    dated = {i for i, w in enumerate(asked.words) if only_a_year(w.term.text)}
    return round(held_weight(asked.words, found.held - dated), 6) if dated else 0.0


def outcome_of_plan(asked: Asked, plan: Found, found: list[Found], predicate: str) -> Found | None:
    """When the sentence holding the predicate is the row's plan (its content), the sentence of
    the same row's evaluation that reports the predicate done: the comment tells how the row's own
    plan went, in its own words for the thing (一元的に施設管理を進める組織を設置し | 平成29年度に
    公共施設マネジメント推進課を設置したことで), so the asker's subject need not be there."""
    if plan.sentence.field not in PAST_FIELDS[2:]:
        return None
    return next((f for f in found if f.sentence.docnum == plan.sentence.docnum
                 and f.sentence.field == PAST_FIELDS[0] and holds_predicate(f.sentence.text, predicate)
                 and reports(f.sentence.text) and not about_another(asked, f)), None)


def still_planned(asked: Asked, plan: Found, predicate: str) -> Found | None:
    """The sentence of the plan's row, in its direction, that still plans the predicate (asked
    when its evaluation reports nothing of it done); None when none does."""
    def planning(sentence) -> bool:
        return holds_predicate(sentence.text, predicate) and plans(sentence.text)
    return best_sentence(asked.known, plan.sentence.docnum, asked.words, asked.phrases,
                         ("direction_comment",), keep=planning)


def direction_named(asked: Asked) -> str:
    """The directions (エ) a question's predicate names as the grade words do (廃止, 打ち切る), or ""."""
    return "".join(code for word, facet, codes, _ in asked.corpus.grade_words
                   if word == asked.question.predicate and facet == "direction" for code in codes)


def as_typed(asked: Asked) -> str:
    """The predicate as the asker wrote it, in dictionary form (やれた: やる, not Sudachi's 遣る)."""
    span = predicate_span(asked.question.text)
    written = [t for t in analyse(asked.question.text) if span and t.start == span[0]]
    return written[0].dictionary if written else asked.question.predicate


def not_begun(asked: Asked) -> bool:
    """Whether every row asked about is graded E (事業に着手していないもの、または後退しているもの)."""
    rows = asked.ordered_rows()
    return bool(rows) and all(asked.known.records[d]["progress"] not in EVALUATIVE["着手"] for d in rows)


def still_ahead(asked: Asked, close: list[Found], subject: tuple[str, ...]) -> Found | None:
    """A sentence of a comment (the direction's first) that names the whole topic as still to be
    done, alone or with the sentence before it in its cell (…学校運営協議会を試行的に発足します。
    令和5年度からは同協議会を全小中学校で発足します), or that writes ``subject``, what the predicate
    is said of, in the best row; if any."""
    def whole(f: Found) -> bool:
        if f.coverage >= 0.99:
            return True
        before = beside(asked.known, f.sentence, -1)
        held = sentence_spans(f.sentence, asked.words).keys()
        held |= sentence_spans(before, asked.words).keys() if before is not None else set()
        # 立ち上がってる: what is asked; 結論 (もう結論は出た): a word no row writes, which none holds
        asked_how = {i for i, w in enumerate(asked.words) if w.term.predicate or not w.rows}
        return held_weight(asked.words, held | asked_how) >= 0.99 * full_weight(asked.words)

    def of_best_row(f: Found) -> bool:
        # 条例って、もうできた: the best row's direction that plans what the predicate is said of
        # (関連する条例の制定…に向けて、検討を継続していきます) says it is not done yet
        return bool(subject) and holds_subject(f.sentence.text, subject) \
            and f.sentence.docnum == close[0].sentence.docnum
    # The best row's own comments too, though they hold less of the topic than other rows do,
    # when they plan the act asked about (運用を開始したいと考えます: 運用 alone, of
    # 駐車場としての運用方法を検討しました's row) or that go on toward an end asked about
    # (用地取得はもう終わりましたか: 引き続き用地取得を進める); a plan to go on with a thing
    # (助成は必要部分は継続し) is no "not yet" of its ending (もう打ち切られた).
    best = close[0] if close else None
    ends = asked.question.predicate in COMPLETED
    own = [Found(sentence, best.score, 0.0, []) for sentence in asked.known.sentences[best.sentence.docnum]
           if not any(f.sentence is sentence for f in close)
           and (ends or holds_predicate(sentence.text, as_done(asked)))] if best is not None and subject else []
    # the direction's comment first; the evaluation's may end in a plan too (…については、継続して
    # 検討していく)
    return next((f for field in FUTURE_FIELDS[:2] for f in close + own if f.sentence.field == field
                 and plans(f.sentence.text) and (whole(f) or of_best_row(f))), None)


def not_yet(asked: Asked, found: Found) -> Answer:
    """いいえ（まだです）, asked whether something is done already: the sentence still aims at it;
    when that is a plan, with what the row reports done about the topic so far (…の変更について、
    検討を行いました)."""
    text = (f"{NO}（まだです）。文書には「{found.sentence.text}」とあり、これから目指すこととして書かれています"
            f"（{source_note(asked.known, found.sentence.docnum)}）。")
    done = done_so_far(asked, found)
    if done is not None:
        text += f"これまでについては「{done.text}」とあります。"
    return Answer("yesno", text, found=[found], verdict=NO, coverage=found.coverage * 0.9)


def done_so_far(asked: Asked, plan: Found):
    """The sentence of the plan's row that reports what was done and holds the most of the topic
    (at least one of its words), in the effort comment; None for a plan that is not the direction's."""
    if plan.sentence.field != "direction_comment":
        return None
    done = best_sentence(asked.known, plan.sentence.docnum, asked.words, asked.phrases, ("effort_comment",),
                         keep=lambda s: reports(s.text))
    return done.sentence if done is not None and done.held else None


def quoting(asked: Asked, verdict: str, found: Found) -> Answer:
    """The verdict with the one sentence that decides it, quoted; cited in every row of the
    question's that writes it (two measures may share a comment)."""
    quote = "".join(f"「{s.text}」" for s in with_what(asked, verdict, [found.sentence]))
    text = f"{verdict}。文書には{quote}とあります（{source_note(asked.known, found.sentence.docnum)}）。"
    return Answer("yesno", text, found=[found] + same_sentence(asked.known, asked.match, found), verdict=verdict,
                  coverage=found.coverage)


def with_what(asked: Asked, verdict: str, sentences: list) -> list:
    """The deciding sentences, and for a yes to whether there is some place or thing (どこかと結ぶ
    予定は) the sentences around them in their cell, which say which (幸手市との…調整をしています)."""
    if verdict != YES or not INDEFINITE.search(asked.question.text):
        return sentences
    before = beside(asked.known, sentences[0], -1)
    after = beside(asked.known, sentences[-1], 1)
    return [s for s in (before, *sentences, after) if s is not None][:MAX_QUOTED]


# …ようになった (ようにした) asks whether something became (was made) possible: a sentence that
# reports it began says so.
BECAME = re.compile(r"ように(?:なっ|なり|なる|し)")
BEGINNINGS = frozenset({"開始", "導入", "始める", "始まる", "開設", "スタート", "運用開始"})
# A sentence that first names what it is about (学童保育室に於いては、…).
ANNOUNCED = re.compile(r"^(?P<subject>[^、。]{1,20}?)(?:に於いては|においては|については|に関しては|では|は(?=[、,]))[、,]?")
# A subject that refers back to the row's own (本事業は、同協議会は、): no other one.
REFERRING = re.compile(r"^(?:本|同|当該|この|その|これ|それ)")


def about_another(asked: Asked, found: Found) -> bool:
    """Whether a sentence names first a subject of its own that the question does not name
    (保育所の待機児童は解消したの: 学童保育室に於いては、…待機児童を解消する事ができた is about
    学童保育室; 上下水道部防災計画は見直されていますか: 上・下水道BCPは、…見直し…を行いました is
    about the BCP)."""
    announced = ANNOUNCED.match(found.sentence.text)
    if not announced:
        return False
    subject = announced.group("subject")
    return subject not in asked.question.text and not any(w.term.text in subject for w in asked.words) \
        and not REFERRING.match(subject)


# What marks the noun a predicate is said of (条例って、もう…, 計画は…, 施設が…).
SUBJECT_MARKS = frozenset({"って", "は", "が"})
# What may stand between that noun's mark and the predicate (、もう, まだ).
BETWEEN_SUBJECT = frozenset({"副詞", "補助記号"})


def predicate_subject(question: str) -> tuple[str, ...]:
    """The words of the noun a yes/no question's predicate is said of, when its mark comes right
    before the predicate (条例 of 自転車が…走れるようにするための条例って、もうできたんですか;
    交通, 事故, 件数 of 交通事故件数は減りましたか), or none."""
    span = predicate_span(question)
    if span is None:
        return ()
    before = [t for t in tokens(question) if t.end <= span[0]]
    while before and before[-1].pos in BETWEEN_SUBJECT:
        before.pop()
    if len(before) < 2 or before[-1].surface not in SUBJECT_MARKS:
        return ()
    return noun_before(before[:-1])


# What marks the theme a question opens with (加治丘陵マップは…, 条例って…).
THEME_MARKS = frozenset({"は", "って"})


def theme_mark(words) -> int | None:
    """The index of the particle that ends the theme a question opens with, if any."""
    return next((i for i, t in enumerate(words) if i and t.surface in THEME_MARKS and t.pos == "助詞"), None)


def theme_subject(question: str) -> tuple[str, ...]:
    """The words of the noun a question opens with as its theme (見直し, 役割分担 of 役割分担の見直しは、
    もう結論が出たのですか), or none."""
    words = tokens(question)
    mark = theme_mark(words)
    return () if mark is None else noun_before(words[:mark])


def noun_before(before) -> tuple[str, ...]:
    """The words of the run of nouns that ends ``before`` (the words up to a subject's or theme's
    mark), with the nouns it is done to (see ``acted_on``); none for one character (市がやっている:
    the city, or 県, 国, is who acts, which the comments leave unsaid)."""
    run = []
    for token in reversed(before):
        if token.pos != "名詞":
            break
        run.insert(0, token)
    if sum(len(t.surface) for t in run) <= 1:
        return ()
    return tuple(t.lemma for t in run) + acted_on(before[:len(before) - len(run)], run)


def acted_on(before, run) -> tuple[str, ...]:
    """The nouns an act is done to, written before it with の (役割分担 of 役割分担の見直しは終わった):
    a sentence about them says as much of the act (役割分担については、継続して検討していく)."""
    if len(run) != 1 or not (action_noun_in_kanji(run[0].lemma) or verb_of_stem(run[0].lemma)) \
            or len(before) < 2 or before[-1].surface != "の":
        return ()
    nouns = []
    for token in reversed(before[:-1]):
        if token.pos != "名詞":
            break
        nouns.insert(0, token.lemma)
    return tuple(nouns)


def holds_subject(text: str, subject: tuple[str, ...]) -> bool:
    """Whether a sentence writes what the predicate is said of, or a word of it (事故 of
    交通事故件数): else its predicate is said of another thing (通行できる環境 does not say a
    条例 was made)."""
    return not subject or any(word in text for word in subject)


def writes_a_topic_word(asked: Asked, found: Found) -> bool:
    """Whether a sentence writes a topic word as the question does, not only what it was widened
    to (成人 for 成人式: 新成人に…注意喚起を行いました says nothing of 成人式 being held)."""
    return any(locate(found.sentence.reading, word.variants[:1]) for word in asked.words)


def holds_predicate(text: str, predicate: str) -> bool:
    """Whether a sentence says the predicate: a word of its own or the head of a compound
    (窓口設置), not what qualifies another noun (設置場所 names a place; it does not say that
    anything was set up)."""
    words = tokens(text)
    for i, token in enumerate(words):
        if not token.says(predicate):
            continue
        qualifies = predicate in token.parts and token.parts[-1] != predicate and token.lemma != predicate
        before_noun = token.pos == "名詞" and i + 1 < len(words) and words[i + 1].pos == "名詞"
        # …を進めることができました: ことが出来る says what could be done, not that it came to be
        able = token.lemma == "出来る" and i >= 2 and words[i - 1].lemma == "が" \
            and words[i - 2].lemma in ("こと", "事")
        if not (qualifies or before_noun or able):
            return True
    return False


def said_in_kanji(text: str, predicate: str) -> str:
    """The noun of action a sentence writes with a native verb's kanji (入る → 導入), or ""."""
    kanji = verb_kanji(predicate)
    if not kanji:
        return ""
    return next((t.lemma for t in tokens(text) if kanji & set(t.lemma) and action_noun_in_kanji(t.lemma)), "")


def kanji_noun_ends(text: str, predicate: str) -> list[int]:
    """Where the noun of action a sentence writes with a native verb's kanji ends (休止 for 休む):
    whether the clause after it is negated says yes or no, the noun's own sense aside (休止 is a
    word of stopping, which 休んでいる asks about)."""
    noun = said_in_kanji(text, predicate)
    return [t.end for t in tokens(text) if t.lemma == noun] if noun else []


# What the legend's label of the effort grade for "considered, not carried out" says (お: 未実施).
NOT_CARRIED_OUT = "未実施"


def not_carried_out(asked: Asked, found: Found) -> bool:
    """Whether a question asks whether something was done and the row that answers it is graded
    as considered but not carried out (the effort grade whose label says 未実施: お)."""
    effort = asked.known.records[found.sentence.docnum].get("effort")
    return asks_past(asked.question.text) and NOT_CARRIED_OUT in asked.corpus.labels.get("effort", {}).get(effort, "")


def by_effort(asked: Asked, found: Found, also: list = ()) -> Answer:
    """いいえ: the row is graded as considered but not carried out (設置できたのか: お); ``also``:
    sentences of the row quoted after ``found``'s."""
    effort = grade_text(asked.corpus, "effort", asked.known.records[found.sentence.docnum]["effort"])
    quote = "".join(f"「{s.text}」" for s in [found.sentence, *also])
    text = f"{NO}。取組区分が{effort}で、文書には{quote}とあります（{source_note(asked.known, found.sentence.docnum)}）。"
    quoted = [found] + [Found(s, found.score, found.coverage, []) for s in also]
    return Answer("yesno", text, found=quoted, verdict=NO, coverage=found.coverage * 0.9)


def undecided(asked: Asked, closest: Found | None, missing: list[str] = (), theme: str = "") -> Answer:
    """The document does not say: the closest sentence, and the words it never uses (or never
    uses of the question's ``theme``)."""
    text = f"{UNDECIDED}。"
    if missing and theme:
        text += f"文書には「{theme}」について「{'」「'.join(missing)}」の記載がありません。"
    elif missing:
        text += f"「{'」「'.join(missing)}」については文書に記載がありません。"
    if closest is not None:
        text += (f"最も近い記述：「{closest.sentence.text}」"
                 f"（{source_note(asked.known, closest.sentence.docnum)}）")
    return Answer("yesno", text, found=[closest] if closest else [], verdict=UNDECIDED,
                  coverage=closest.coverage * 0.5 if closest else 0.0)
