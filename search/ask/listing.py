"""Answers computed from the matched rows: how many (count), which (list), how far they have
come (status) and what comes next (future)."""

from __future__ import annotations

import re

from index.grades import GRADES

from .answer import Answer, Asked
from .clauses import CONSEQUENCE
from .evidence import FUTURE, Found, beside, best_sentence, names_something, row_context, topic_sentences
from .kind import stream
from .question import ROW_COUNTS
from .topic import full_weight, held_weight, rows_without
from .wording import (GRADE_NAMES_JA, codes_of, counting_note, describe_summary, grade_summary, grade_text, tally,
                      measure_name, source_note, subject)

MAX_LISTED = 10
COMMENT_FIELDS = ("effort_comment", "direction_comment")


def none_of(asked: Asked, kind: str, fields=("effort_comment",)) -> Answer:
    what = subject(asked.corpus, asked.question, asked.words)
    return Answer(kind, f"{what}はありません（0件）。", [], fields=fields)


# Rows whose sentences a list or a status quotes at most (空き家対策で何をしてきたの: four rows, each
# with what it did).
MAX_QUOTED_ROWS = 5
MAX_PLACES_QUOTED = 5


def evidence(asked: Asked, rows: list[int], fields, label: str, best_of: bool = False) -> str:
    """For a few rows asked about by topic: the sentence of each that says most about it (a few
    more when the question asks where: the places are in them). With ``best_of``, a longer list
    quotes the rows whose sentences say most of the topic (狭山茶を売り込むために何を: the ten rows
    listed, five of them quoted, those that name something first)."""
    limit = MAX_PLACES_QUOTED if asked.question.where else MAX_QUOTED_ROWS
    if not asked.words or not rows or (len(rows) > limit and not best_of):
        return ""
    quoted = {d: found for d in rows[:MAX_LISTED] if (found := quoted_sentence(asked, d, fields)) is not None}
    if len(quoted) > limit:
        # on a tie, a sentence that names something (a place, a product) before one that does not
        best = sorted(quoted, key=lambda d: (-quoted[d].score, not names_something(quoted[d].sentence)))[:limit]
        quoted, label = {d: found for d, found in quoted.items() if d in best}, "主な" + label
    named = len(rows) > 1  # each quote after its measure's name
    quotes = [f"{measure_name(asked.known, d) if named else ''}「{with_its_cause(asked.known, found.sentence)}」"
              for d, found in quoted.items()]
    return f"{label}：" + " ".join(quotes) if quotes else ""


def quoted_sentence(asked: Asked, d: int, fields):
    """The sentence of row ``d`` that a list or a status quotes."""
    known, words, phrases = asked.known, asked.words, asked.phrases
    placed = where(asked, d, fields or COMMENT_FIELDS) if asked.question.where else None
    found = placed or best_sentence(known, d, words, phrases, fields or COMMENT_FIELDS)
    if fields is None and not placed and not FUTURE.search(asked.question.text):
        # Unless the question asks what comes next, what was done first (空き家バンクを開設し…).
        done = best_sentence(known, d, words, phrases, ("effort_comment",))
        found = done if done is not None and done.spans else found
    if fields is None and not placed and (found is None or not found.spans):
        # No comment names the topic (the title does): what the row reports having done.
        found = best_sentence(known, d, [], phrases, ("effort_comment",)) or best_sentence(known, d, words, phrases)
    return found


def with_its_cause(known, sentence) -> str:
    """A sentence that opens with その結果 or そのため is quoted after the sentence it follows
    (…依頼文を送付しました。その結果51件が解消されました)."""
    before = beside(known, sentence, -1)
    if CONSEQUENCE.match(sentence.text) and before is not None:
        return before.text + sentence.text
    return sentence.text


def where(asked: Asked, d: int, fields):
    """Where something is done: a sentence of the row that names places (proper nouns), from
    the evaluation of what was done unless the question asks what is planned."""
    done = ("effort_comment",) if not FUTURE.search(asked.question.text) else ()
    for among in (done, fields):
        found = among and best_sentence(asked.known, d, asked.words, asked.phrases, among, keep=names_something)
        if found:
            return found
    return None


# The row nouns a count asks of (事業はいくつ), as a row may write a count of them (4つの事業を推進).
COUNTED_BEFORE = re.compile(r"(事業|取組|取り組み|施策)(?:は|って|が)?(?:全部で)?(?:" + "|".join(ROW_COUNTS) + ")")
WRITTEN_COUNT = r"(?:[0-9０-９]+|[一二三四五六七八九十]+)つの"
# A count of one or two rows may be a count one of them writes.
WRITTEN_COUNT_ROWS = 2


def written_count(asked: Asked, rows: list[int]) -> Answer | None:
    """…指定管理者を通じて推進していく事業はいくつ, asked of one measure that writes 4つの事業を推進:
    the count it writes of the noun counted, not the number of rows (one or two) that hold the
    topic. Not when a grade or department names the rows counted."""
    counted = COUNTED_BEFORE.search(asked.question.text)
    if counted is None or asked.question.filters or len(rows) > WRITTEN_COUNT_ROWS:
        return None
    pattern = re.compile(WRITTEN_COUNT + counted.group(1))
    written = [(d, sentence, m) for d in rows for sentence in asked.known.sentences[d]
               for m in pattern.finditer(sentence.text)]
    if len(written) != 1:
        return None
    _, sentence, m = written[0]
    return figure_written(asked, sentence, m)


def figure_written(asked: Asked, sentence, m: re.Match) -> Answer:
    """The count a sentence writes (``m``), answered as a number with the sentence."""
    text = f"{m.group(0)}です。根拠：「{sentence.text}」（{source_note(asked.known, sentence.docnum)}）"
    return Answer("number", text, found=[Found(sentence, 1.0, 1.0, [m.span()])], value=m.group(0))


# 何件指定したの, 何件認定されましたか, 指定されたのって何件: how many times something was done,
# which a row writes (5年間で13件を特定空き家に認定しました), not how many rows hold the topic.
ACTS_COUNTED = re.compile(r" 何 件 (?:を |も |くらい |ぐらい |位 |程 )?(?:\S+ 為る|(?!有る |居る )\S+ (?:た|れる|られる|ます))"
                          r"| \S+ 為る (?:れる |られる )?た の (?:って|は|が) 何 件 ")
WRITTEN_CASES = re.compile(r"[0-9０-９][0-9０-９,，]*件")


def acts_counted(asked: Asked, rows: list[int]) -> Answer | None:
    """The one count in 件 that the sentences holding the topic write, in one or two rows, when
    the question asks how many times something was done."""
    asks_acts = ACTS_COUNTED.search(stream(asked.question.text).joined)
    if asked.question.filters or len(rows) > WRITTEN_COUNT_ROWS or not asks_acts:
        return None
    found = [f for f in topic_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)
             if f.sentence.docnum in rows and WRITTEN_CASES.search(f.sentence.text)]
    best = max((f.score for f in found), default=0.0)  # the sentences that say most of the topic
    written = [(f.sentence, m) for f in found if f.score >= best - 1e-9
               for m in WRITTEN_CASES.finditer(f.sentence.text)]
    if len({m.group(0) for _, m in written}) != 1:
        return None
    return figure_written(asked, *written[0])


def answer_count(asked: Asked, rows_too: bool = True) -> Answer | None:
    """The count a row writes of what is asked, else the number of rows (None, unless
    ``rows_too``)."""
    rows = asked.ordered_rows()
    if not rows:
        return none_of(asked, "count")
    written = written_count(asked, rows) or acts_counted(asked, rows)
    if written is not None or not rows_too:
        return written
    what = subject(asked.corpus, asked.question, asked.words)
    question = asked.question
    note = counting_note(asked.corpus, rows, asked.words, asked.match,
                         narrowed=question.all_departments or question.sole_department)
    return Answer("count", f"{what}は{len(rows)}件です（{note}）。", rows, fields=("effort_comment",))


def answer_share(asked: Asked) -> Answer:
    """The share of rows a grade names (今後の方向性がイの取組の割合は): over the rows the
    question names without its grade filters."""
    rows = asked.ordered_rows()
    base = rows_without(asked.corpus, asked.words, asked.question, GRADES)
    if not rows or not base:
        return none_of(asked, "count")
    what = subject(asked.corpus, asked.question, asked.words)
    share = round(100 * len(rows) / len(base))
    return Answer("count", f"{what}は{len(rows)}件で、{len(base)}件中{share}%です（所管課の行ごとに数えています）。",
                  rows, fields=("effort_comment",))


def answer_list(asked: Asked) -> Answer:
    rows = asked.ordered_rows()
    if not rows:
        return none_of(asked, "list")
    known = asked.known
    what = subject(asked.corpus, asked.question, asked.words)
    listed = [f"{measure_name(known, d)}進捗区分{known.records[d]['progress']}" for d in rows[:MAX_LISTED]]
    more = f"、ほか{len(rows) - MAX_LISTED}件" if len(rows) > MAX_LISTED else ""
    text = f"{what}は{len(rows)}件です：{'、'.join(listed)}{more}。"
    text += evidence(asked, rows, None, "該当箇所", best_of=True)
    return Answer("list", text, rows, fields=("effort_comment",))


def answer_status(asked: Asked) -> Answer:
    rows = asked.ordered_rows()
    if not rows:
        return none_of(asked, "status")
    corpus, known, breakdown = asked.corpus, asked.known, asked.question.breakdown
    what = subject(corpus, asked.question, asked.words)
    summary = grade_summary(corpus, known, rows, breakdown)
    if len(rows) == 1 and len(codes_of(known.records[rows[0]][breakdown])) == 1:
        d = rows[0]
        text = (f"{what}は1件で、{measure_name(known, d)}の{GRADE_NAMES_JA[breakdown]}は"
                f"{grade_text(corpus, breakdown, codes_of(known.records[d][breakdown])[0])}です。")
    else:
        # The labels are long: a tally after them (Aが4件、Bが3件) lets the counts be read at a glance.
        glance = f"（まとめると{tally(summary)}）" if len(summary) > 1 else f"（すべて{summary[0]['code']}）"
        text = f"{what}は{len(rows)}件で、{GRADE_NAMES_JA[breakdown]}は{describe_summary(summary)}です{glance}。"
        if len(rows) <= 2 * MAX_LISTED:
            text += f"内訳：{breakdown_text(known, rows, breakdown)}。"
    text += evidence(asked, rows, ("effort_comment",), "取組評価")
    return Answer("status", text, rows, fields=("effort_comment",), summary=summary)


def breakdown_text(known, rows: list[int], breakdown: str) -> str:
    """Each row's grade by its measure and departments; one measure's rows by their departments
    alone, after its title once (「シビックプライドの醸成」は商工観光課がC、企画課がB)."""
    shown = rows[:MAX_LISTED]
    more = f"、ほか{len(rows) - MAX_LISTED}件" if len(rows) > MAX_LISTED else ""
    codes = ["・".join(codes_of(known.records[d][breakdown])) for d in shown]
    titles = {known.records[d]["measure"] for d in rows}
    departments = ["・".join(known.records[d]["departments"]) for d in shown]
    if len(titles) == 1 and len(set(departments)) == len(shown) > 1:
        by_department = "、".join(f"{name}が{code}" for name, code in zip(departments, codes))
        return f"「{titles.pop()}」は{by_department}{more}"
    return "、".join(f"{measure_name(known, d)}{code}" for d, code in zip(shown, codes)) + more


def direction_text(asked: Asked, docnum: int) -> str:
    """A row's direction comment: whole when short, else its best sentence and the next one."""
    known = asked.known
    comment = known.records[docnum]["direction_comment"].strip()
    if len(comment) <= 200:
        return comment
    sentences = [s for s in known.sentences[docnum] if s.field == "direction_comment"]
    found = best_sentence(known, docnum, asked.words, asked.phrases, ("direction_comment",))
    if found is None:
        return ""
    index = sentences.index(found.sentence)
    return " ".join(s.text for s in sentences[index:index + 2])


def answer_future(asked: Asked) -> Answer:
    corpus, known, words, match = asked.corpus, asked.known, asked.words, asked.match

    def relevance(d):  # rows whose titles or measure name the topic come first
        named = held_weight(words, row_context(known, d, words)) if words else 0.0
        return (-match.coverage.get(d, 0) - 0.2 * named / full_weight(words), corpus.positions[d])

    rows = sorted(match.rows, key=relevance)
    if not rows:
        return none_of(asked, "future", ("direction_comment",))
    what = subject(corpus, asked.question, words)
    summary = grade_summary(corpus, known, rows, "direction")
    text = f"{what}（{len(rows)}件）の今後の方向性は、{describe_summary(summary)}です。"
    if asked.question.also_status:  # 進捗状況と今後の方針: both
        progress = describe_summary(grade_summary(corpus, known, rows, "progress"))
        text = f"{what}は{len(rows)}件で、進捗区分は{progress}、今後の方向性は{describe_summary(summary)}です。"
    details = []
    for d in rows[:MAX_LISTED]:
        comment = direction_text(asked, d)
        if comment:
            details.append(f"{measure_name(known, d)}：{comment}")
    if details:
        text += "主な方針：" + " ".join(details)
    return Answer("future", text, rows, fields=("direction_comment",), summary=summary)
