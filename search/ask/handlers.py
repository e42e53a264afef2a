"""One handler per kind of question, in a table; what to answer when a handler cannot."""

from __future__ import annotations

import re
from typing import Callable

from index.analysis import apply_corrections

from ..query import parse_query
from ..resultset import count_results
from .aggregate import answer_aggregate
from .answer import Answer, Asked
from .clauses import reports, tokens
from .evidence import best_sentence
from .kind import Aggregate
from .listing import answer_count, answer_future, answer_list, answer_share, answer_status
from .lookup import another_quantity, answer_fact, answer_fact_value, answer_who, part_asked
from .question import COUNT_OF_ACT, COUNT_OF_NAMED, PER_PERIOD, ROW_COUNTS, counts_a_thing, counts_an_act
from .topic import MIN_COVERAGE, Word, rows_with
from .why import answer_why
from .wording import shorten, source_note
from .years import years
from .yesno import UNDECIDED, answer_yesno, theme_mark, undecided

Handler = Callable[[Asked], "Answer | None"]

HANDLERS: dict[str, Handler] = {
    "who": answer_who,
    "when": answer_fact_value,
    "number": answer_fact_value,
    "count": answer_count,
    "list": answer_list,
    "status": answer_status,
    "future": answer_future,
    "fact": answer_fact,
    "why": answer_why,
    "yesno": answer_yesno,
    "aggregate": answer_aggregate,
}
# Every kind an answer can have (``not_found`` when nothing answers).
KINDS = tuple(HANDLERS) + ("not_found",)
# Kinds that look for one sentence about a topic: without topic words there is nothing to look for.
NEED_TOPIC = frozenset({"who", "when", "number", "fact", "why", "yesno"})
# Kinds that can be asked of filters alone (進捗区分がAの取組は何件, 一番多い課は).
FILTERS_ENOUGH = frozenset({"count", "status", "aggregate"})
# What a handler that finds nothing to extract says is missing; these kinds then give the status.
MISSING = {"when": "時期", "number": "数値"}
# At most this many rows hold all the known words of a yes/no question whose other words the
# document never uses: the document is about them, it just does not say (判断できません).
SINGLED_OUT = 3
NOT_FOUND = "該当する取組は見つかりませんでした。"
UNREAD = "質問から調べる内容を読み取れませんでした。"


def suggestions(corpus, words: list[Word]) -> list[dict]:
    """The closest searches: all the words but one, when the rest meet in some rows (市役所 of
    市役所の組織を見直す予定: 606 writes the others), then each known topic word alone, the most
    specific first."""
    known_words = sorted((w for w in words if w.rows), key=lambda w: (-w.idf, w.term.text))
    return all_but_one(corpus, words) + [{"q": w.term.text, "total": len(w.rows)} for w in known_words[:4]]


def all_but_one(corpus, words: list[Word]) -> list[dict]:
    """For three or more words (no alternatives among them), the words without the one whose
    leaving out leaves the fewest rows that hold all the other nouns (a predicate only ranks, as in
    the search): the most specific such search, with the total it shows; or none."""
    if len(words) < 3 or any(w.term.group is not None or not w.rows for w in words):
        return []
    found = []
    for left_out in words:
        rest = [w for w in words if w is not left_out]
        nouns = [set(w.rows) for w in rest if not w.term.predicate]
        rows = set.intersection(*nouns) if len(nouns) > 1 else set()
        if rows:
            found.append((len(rows), len(left_out.rows), " ".join(w.term.text for w in rest)))
    return [{"q": q, "total": count_results(corpus, parse_query({"q": [q]}))} for _, _, q in sorted(found)[:1]]


def not_found(asked: Asked, reason: str = "") -> Answer:
    words = asked.words
    unknown = [shorten(w.term.text) for w in words if not w.rows]
    text = NOT_FOUND
    if unknown:
        more = f"など{len(unknown)}語" if len(unknown) > 5 else ""
        text += "「" + "」「".join(unknown[:5]) + f"」{more}は文書に出てきません。"
    elif reason:
        text += reason
    suggested = suggestions(asked.corpus, words)
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
    topic_needed = kind in NEED_TOPIC and not (question.about_grades and question.filters)
    if not words and (topic_needed or (not question.filters and kind not in FILTERS_ENOUGH)):
        return not_found(asked, UNREAD)
    if words and match.best < MIN_COVERAGE and not match.rows:  # no row alone holds most of it
        rows, theme = singled_out(asked), ""
        if kind == "yesno" and not rows:
            rows, theme = theme_rows(asked)
        if kind == "yesno" and rows:
            closest = max((best_sentence(asked.known, d, words, asked.phrases) for d in rows),
                          key=lambda f: f.score if f else -1.0)
            return undecided(asked, closest, [w.term.text for w in words if not w.rows & set(rows)], theme)
        return not_found(asked, "質問の語をすべて含む取組がありません。")
    return None


def singled_out(asked: Asked) -> list[int]:
    """The few rows that hold every word of the question the document uses, if that is few."""
    known = [w for w in asked.words if w.rows]
    if not known or min(len(w.rows) for w in known) > 2 * SINGLED_OUT:
        return []
    rows = set.intersection(*(w.rows for w in known))
    return sorted(rows) if 0 < len(rows) <= SINGLED_OUT else []


def theme_rows(asked: Asked) -> tuple[list[int], str]:
    """The few rows that hold every word of the theme a yes/no question opens with, when the words
    after it are written only elsewhere (加治丘陵マップはスマホアプリ版も提供されていますか: the map
    is in one row, an app of it in none), and the theme as typed; or none."""
    text = asked.question.text
    words = tokens(text)
    mark = theme_mark(words)
    end = words[mark].start if mark is not None else -1
    known = [w for w in asked.words if w.rows]
    theme = [w for w in known if 0 <= text.find(w.term.text) < end]
    if not theme or len(theme) == len(known):
        return [], ""
    rows = set.intersection(*(w.rows for w in theme))
    return (sorted(rows), text[:end].strip()) if 0 < len(rows) <= SINGLED_OUT else ([], "")


def of_filters_alone(asked: Asked) -> Answer | None:
    """A question about one thing asked of rows named by filters alone: who are their
    departments (Eの取組はどこの課), what share of the rows they are (イの取組の割合は)."""
    question = asked.question
    if asked.words or not question.filters:
        return None
    if question.kind == "who":
        question.aggregate = Aggregate("department")
        return answer_aggregate(asked)
    if question.kind == "number" and "%" in question.number_units:
        return answer_share(asked)
    return None


# Which town or city a question asks for (どこの市と, どの自治体と, 相手の自治体はどこ), and the names of one
# (幸手市, 狭山市; not 市民, 市内 or 市役所, which are words of a city, no name).
WHICH_TOWN = re.compile(r"(?:どこ|どちら)の(?:市|町|村|自治体|市町村)|(?:どの|どんな)(?:市|町|村|自治体|市町村)(?=と|に|で|が)"
                        r"|(?:相手|自治体|市町村)(?:の自治体)?(?:は|って)、?"
                        r"(?:具体的に)?(?:どこ|どちら)")
TOWN_NAME = re.compile(r"[一-龯]{1,4}(?:市|町|村)(?![民内外役町村街域政長議場有立営税費道部])")


def towns_named(asked: Asked) -> set[str]:
    """The towns and cities the question's rows name besides their document's own (入間市 of
    第6次入間市総合計画…)."""
    named = set()
    for d in asked.match.rows:
        own = set(TOWN_NAME.findall(asked.corpus.document_title(asked.known.records[d]["document"])))
        named |= {m for s in asked.known.sentences[d]  # read as corrected (人間市: 入間市)
                  for m in TOWN_NAME.findall(apply_corrections(s.text, asked.corpus.corrections)[0])} - own
    return named


def unwritten(asked: Asked, what: str) -> Answer:
    """The rows do not write ``what`` was asked (a date, a number, a town): say so, and how far
    they have come."""
    answer = answer_status(asked)
    answer.text = f"文書からは判断できません（該当する取組に{what}の記載はありません）。" + answer.text
    return answer


def respond(asked: Asked) -> Answer:
    """The answer of the question's kind; when its handler finds nothing, a fallback or not found."""
    kind = asked_kind(asked)
    answer = of_filters_alone(asked)
    if answer is not None:
        return answer
    refused = refusal(asked, kind)
    if refused is not None:
        return refused
    if WHICH_TOWN.search(asked.question.text) and asked.match.rows and not towns_named(asked):
        # ごみ処理の共同処理について協議した相手の自治体はどこ: the rows say it was discussed, not with whom
        return with_left_out(asked, unwritten(asked, "相手の自治体名"))
    answer = HANDLERS[kind](asked)
    text = asked.question.text
    if answer is None and kind == "number" and asked.question.number_cue in ROW_COUNTS \
            and not COUNT_OF_NAMED.search(text) and not PER_PERIOD.search(text) and not part_asked(asked):
        # 何件の提案, 年に何件の苦情, 相談のうちDVに関する相談は何件: no figure is no count of rows; nor
        # is it before a verb of what was done (何個配布された), though a count a row writes answers
        # (特定空き家は何件指定されましたか: 13件を特定空き家に認定); nor of a thing (自治会はいくつ)
        counts_rows = not (COUNT_OF_ACT.search(text) or counts_an_act(text) or counts_a_thing(text))
        answer = answer_count(asked, rows_too=counts_rows)
    if answer is None and kind in MISSING:  # no date or number written: say so, and how far it has come
        answer = unwritten(asked, MISSING[kind])
    if answer is None:
        answer = not_found(asked, "該当する記述がありません。")
    elif kind == "future" and action_unwritten(asked):
        decided = answer_yesno(asked)
        if decided is not None and decided.verdict != UNDECIDED and decided.found \
                and not reports(decided.found[0].sentence.text):
            # 令和4年度に全9地区でそろうのですか: …6地区になります says no, in the rows' own words;
            # what was done (箱わなの貸出…を図りました) says nothing of what will be
            return with_left_out(asked, decided)
        # 使用料は値上げされるんですか: the rows' direction is all there is; it does not say that
        answer.text = f"{UNDECIDED}（「{asked.question.predicate}」の予定は書かれていません）。参考：{answer.text}"
        answer.verdict = UNDECIDED
    return with_left_out(asked, answer)


def action_unwritten(asked: Asked) -> bool:
    """Whether a question about what will be done names an action no row writes and no grade
    says (値上げされるんですか), unlike 廃止するんですか or 続けていくの (the direction answers)."""
    predicate, corpus = asked.question.predicate, asked.corpus
    if not predicate or rows_with(corpus, predicate):
        return False
    graded = {word for word, *_ in corpus.grade_words}
    labels = corpus.labels.get("direction", {}).values()
    return predicate not in graded and not any(predicate in label for label in labels)


# A word of the question right before the quantity it asks (単年の参加者数): it says which figure.
QUALIFIES_QUANTITY = r"の[一-龯ァ-ヶー]{0,6}(?:数|額|率|量)"


def with_left_out(asked: Asked, answer: Answer) -> Answer:
    """A partial answer says what it left out: the question's words the document never uses. A
    figure asked with a qualifier no row writes (平成31年度単年の参加者数) is not the figure a row
    gives (延べ71人, over two years): that is said, and the figure given as what the rows have."""
    left_out = [w.term.text for w in asked.words if not w.term.known] + asked.dropped
    text = asked.question.text
    if answer.kind == "number" and (qualifier := next(
            (w for w in left_out if re.search(re.escape(w) + QUALIFIES_QUANTITY, text)), None)):
        answer.text = f"{UNDECIDED}（「{qualifier}」の数値は書かれていません）。参考：{answer.text}"
        answer.verdict = UNDECIDED
        left_out.remove(qualifier)
    elif answer.kind == "number" and answer.found and (total := total_of_years(text, answer.found[0].sentence.text)):
        year = NAMED_YEAR.search(text)
        answer.text = (f"{UNDECIDED}（{year.group(0) if year else '1年度'}だけの数値は書かれていません。"
                       f"文書の数値は{total}の合計です）。参考：{answer.text}")
        answer.verdict = UNDECIDED
    if left_out and answer.kind != "not_found":
        answer.text += f"（「{'」「'.join(dict.fromkeys(left_out))}」は文書に出てこないため、ほかの語で答えました）"
    if asked.question.unjoined and answer.kind != "not_found":
        answer.text += f"（{unjoined_text(asked.question.unjoined)}）"
    return answer


# A figure written as the total of several years (5年間に延べ1711件), and a question that asks the
# figure of one year (令和3年度1年間だけの件数, 単年度の).
YEARS_TOTAL = re.compile(r"(?<![0-9０-９])[2-9２-９]\s*(?:年間|か年|ヵ年|ケ年)")
ONE_YEAR = re.compile(r"(?:1|１|一)\s*年間?(?:だけ|のみ|分)|単年")
NAMED_YEAR = re.compile(r"(?:令和|平成|[RH])\s*(?:元|[0-9０-９]{1,2})\s*年度?")


def total_of_years(question: str, sentence: str) -> str:
    """The span of years (5年間) a sentence gives its figure as the total of, when the question
    asks the figure of one year that the sentence does not name, else ""."""
    asked = {year for year, _ in years(question)}
    total = YEARS_TOTAL.search(sentence)
    if total is None or YEARS_TOTAL.search(question) or not (len(asked) == 1 or ONE_YEAR.search(question)):
        return ""
    return "" if asked & {year for year, _ in years(sentence)} else total.group(0)


def unjoined_text(pairs: list[tuple[str, str, str]]) -> str:
    """What a modifier no row joins with its head left out (「市役所の庁舎」は文書に出てこないため、「庁舎」で答えました)."""
    return "、".join(f"「{modifier}の{head}」は文書に出てこないため、「{kept}」で答えました" for modifier, head, kept in pairs)


def both(first: Asked, answer: Answer, second: Asked) -> Answer | None:
    """Two quantities asked in one question, or a time and then a quantity: the first answer,
    then the quantity its row gives next to the second question's words (408件の依頼文 …、その結果
    51件が解消; 令和3年度から…開始し、600名が受診)."""
    if answer.kind not in ("number", "when") or not answer.found:
        return None
    other = another_quantity(first, answer, second)
    if other is None:
        return None
    head = answer.text.partition("根拠：")[0]
    found = answer.found + ([other] if other.sentence is not answer.found[0].sentence else [])
    quotes = "".join(f"「{f.sentence.text}」" for f in found)
    source = f"（{source_note(first.known, found[0].sentence.docnum)}）"  # the title may hold brackets: 各種健（検）診
    text = f"{head}また、二つ目の問いへの答えは{other.fact.text}です。根拠：{quotes}{source}"
    return Answer(answer.kind, text, found=found, value=answer.value, coverage=answer.coverage)
