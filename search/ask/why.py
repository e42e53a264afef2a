"""Why questions: the causal clause (ため, により, 影響で, 理由 …) that the document gives, from
either comment of the row, quoted.

The sentence that says most about the topic is where the answer starts. A causal clause right
before the words asked about answers, then its own causal clause; a sentence that opens with
その結果 or そのため has its cause in the sentence before; otherwise the nearest sentence of the
same row with a cause, or a sentence of another answering row that says nearly as much about the
topic and gives one.
"""

from __future__ import annotations

import itertools
import re

from ..understanding.tokens import action_noun, analyse, verb_of_stem
from .answer import Answer, Asked
from .clauses import CONSEQUENCE, ONGOING, Cause, causes, negative, tokens, went_badly
from .evidence import Found, beside, ranked, sentence_spans, topic_sentences
from .kind import OBSTACLE_WORDS
from .sentences import Sentence
from .wording import source_note
from .yesno import says_ended

# A cause in another sentence answers when that sentence holds this much less of the topic at most.
SLACK = 0.3
COMMENTS = ("effort_comment", "direction_comment")
# A why question about where the row goes (今後, 方向性), or why it goes on (協議を続けるのはなぜ: the
# plain non-past of going on is what the direction's comment says).
# (…にとどめるとしている理由: what the row states it will do, which its direction's comment says)
ASKS_DIRECTION = re.compile(r"今後|方向|これから|将来|(?:続け|継続す)る(?:の|ん|理由)|[るい]と(?:する|している|してる)(?:の|ん|理由)")
# What stands in the way, asked for (何がネック, 何が壁に): why something went badly.
OBSTACLE = re.compile("|".join(OBSTACLE_WORDS + ("足かせ",)))
# The kind of cause a question names (どういう問題があるから, どんな事情で).
NAMED_CAUSE = re.compile(r"(?:どういう|どんな|どのような|どういった)([一-龯]{1,4})(?:が|で)")
# Weaker markers (a purpose: 向上させるため) answer only when nothing stronger does.
STRONG = 0.5
# Characters between a causal clause and the act it leads to (ために、この形態を見直し): its object.
ACT_REACH = 8


def near_best(found: list[Found]):
    """The topic sentences, best first, that say nearly as much of the topic as the best one
    (``SLACK`` less at most): where a cause may be looked for."""
    return itertools.takewhile(lambda f: f.score >= found[0].score - SLACK, found)


def _strongest(sentence: Sentence, least: float = STRONG) -> Cause | None:
    found = [c for c in causes(sentence.text) if c.strength >= least]
    return max(found, key=lambda c: (c.strength, c.end - c.start)) if found else None


def _neighbours(asked: Asked, sentence: Sentence) -> list[Sentence]:
    """The row's sentences in its two comments, nearest first (before, then after)."""
    same = [s for s in asked.known.sentences[sentence.docnum] if s.field in COMMENTS]
    if sentence not in same:
        return same
    i = same.index(sentence)
    order = []
    for step in range(1, len(same)):
        order += [same[j] for j in (i - step, i + step) if 0 <= j < len(same)]
    return order


def find_cause(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """``(topic sentence, cause sentence, cause)`` for the best topic sentence that has one;
    asked why the row goes where it goes (今後が縮小の方向なのはなぜ), the cause its direction's
    comment gives first; asked why something did not go, a cause whose outcome fell short first."""
    if ASKS_DIRECTION.search(asked.question.text):
        for candidate in near_best(found):
            # A purpose answers here too (自立を促すために、この形態を見直し): it is why. Of two
            # sentences with a cause, the one that says more of the question (今後も…課題認識の
            # 共有化は将来にわたって必要であるため, not …策定したことにより、目標は達成した).
            told = [(sentence, cause) for sentence in asked.known.sentences[candidate.sentence.docnum]
                    if sentence.field == "direction_comment" and (cause := _strongest(sentence, 0.0))]
            if told:
                sentence, cause = max(told, key=lambda t: len(sentence_spans(t[0], asked.words)))
                return candidate, sentence, cause
    named = named_cause(asked, found) or basis_told(asked, found) or problem_told(asked, found) \
        or purpose_told(asked, found)
    if named is not None:
        return named
    options = itertools.chain(cause_of_result(asked, found), cause_before_topic(found), cause_before_act(asked, found),
                              _causes_near(asked, found))
    options = (o for o in options if says_more(asked, o[1], o[2]))
    first = next(options, None)
    if first is None or not (went_badly(asked.question.text) or OBSTACLE.search(asked.question.text)):
        return first
    # Asked why something did not go (うまくいってないの): a cause whose outcome went badly (施設の
    # 老朽化により、修繕での対応では限りがあります) before one that led to what was done (修繕対応により
    # 施設を適正に維持しました), in the comments beside any of the best rows' sentences too (152:
    # …様々なスポーツ大会を開催しました。しかし、…コロナウイルスの影響で事業や大会のほとんどが開催
    # できていない).
    options = itertools.chain(options, _causes_beside(asked, found))
    return next((o for o in [first, *options] if went_badly(o[1].text[o[2].end:])), first)


# The words of a causal marker itself (ため, 影響, 理由, よる).
CAUSE_WORDS = frozenset({"為", "ため", "影響", "理由", "よる", "伴う", "こと", "目的", "結果"})


def says_more(asked: Asked, sentence: Sentence, cause: Cause) -> bool:
    """Whether a causal clause names something besides the words asked about: 市民後見人の養成の
    ため, asked why the training of 市民後見人 goes on, only says the topic again."""
    asked_words = {t.lemma for w in asked.words for t in tokens(w.term.text)}
    said = {t.lemma for t in tokens(sentence.text[cause.start:cause.end]) if t.pos in ("名詞", "動詞", "形容詞")}
    return bool(said - asked_words - CAUSE_WORDS)


def named_cause(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """Asked for a kind of cause (どういう問題があるから), a causal clause of the best rows that
    names it, however weak its marker (…農地問題を解決するため): before a purpose that names none
    (農地の利用集積のため)."""
    named = NAMED_CAUSE.search(asked.question.text)
    if named is None:
        return None
    for candidate in near_best(found):
        for sentence in asked.known.sentences[candidate.sentence.docnum]:
            cause = next((c for c in causes(sentence.text) if named.group(1) in sentence.text[c.start:c.end]), None)
            if cause:
                return candidate, sentence, cause
    return None


# Asked what something turned on (何が軸になった, 何がきっかけで): the noun it names, which a comment
# writes after what it was (常備消防からの派遣職員を軸に, …をきっかけに).
ASKS_BASIS = re.compile(r"(?:何|なに)(?:が|を)([一-龯]{1,3}|きっかけ)(?:に|と|で)")


def basis_told(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """Asked what something turned on, the clause of the best rows that names it: what stands
    before を and the noun asked (派遣職員を軸に), from the start of its clause."""
    asks = ASKS_BASIS.search(asked.question.text)
    if asks is None:
        return None
    told = re.compile(rf"(?:(?<=^)|(?<=[、。]))[^、。]*?を{asks.group(1)}(?:に|と|として)")
    for candidate in near_best(found):
        for sentence in asked.known.sentences[candidate.sentence.docnum]:
            if sentence.field in COMMENTS and (clause := told.search(sentence.text)):
                return candidate, sentence, Cause(clause.start(), clause.end(), 1.0)
    return None


# A question that asks what something is for (何のため, 目的は), and a clause that states a purpose:
# …を目的として, …を目的に, or ため after a plain verb (向上させるため).
ASKS_PURPOSE = re.compile(r"何の(?:ため|為)|目的")
PURPOSE_CLAUSE = re.compile(r"(?:目的と(?:し(?:て|た)?)?|目的に|[うくすつぬふむゆるぐ]ため(?:に)?|として)、?$")


def purpose_told(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """Asked what something is for, the purpose a comment of the best rows states (…に活用することを
    目的として、人事評価を実施しました), before any cause (…改正を受けて)."""
    if not ASKS_PURPOSE.search(asked.question.text):
        return None
    for candidate in near_best(found):
        sentences = asked.known.sentences[candidate.sentence.docnum]
        for sentence in [candidate.sentence, *(s for s in sentences if s != candidate.sentence)]:
            purpose = next((c for c in causes(sentence.text)
                            if PURPOSE_CLAUSE.search(sentence.text[c.start:c.end])), None)
            if purpose and sentence.field in COMMENTS:
                return candidate, sentence, purpose
    return role_told(asked, found)


# A role, from the start of its clause: 成年後見の担い手として (…市民後見人を養成していきます); it
# says why more weakly than a cause does.
ROLE = re.compile(r"(?:(?<=^)|(?<=[、。]))[^、。]{2,30}?として")
ROLE_STRENGTH = 0.45


def role_told(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """Asked what something is for with no purpose stated, the role a comment of the best row
    gives it right before naming it (成年後見の担い手として市民後見人を養成していきます)."""
    top = found[0]
    # the first noun of each word asked about, as written (市民後見人 of 市民・後見人の養成)
    heads = tuple(h for w in asked.words if len(h := w.term.text.replace("・", "").split("の")[0]) > 1)
    for sentence in asked.known.sentences[top.sentence.docnum]:
        if sentence.field not in COMMENTS:
            continue
        starts = {start for spans in sentence_spans(sentence, asked.words).values() for start, _ in spans}
        role = next((m for m in ROLE.finditer(sentence.text)
                     if m.end() in starts or sentence.text.startswith(heads, m.end())), None)
        if role:
            return top, sentence, Cause(role.start(), role.end(), ROLE_STRENGTH)
    return None


# Marks that open an item of a list in a comment (・審議会等への…).
LIST_MARKS = "・･○●◆◇■□-－ 　"
# Asked why something is a problem (業務改善が課題になっているのはなぜ, 課題ありとされてる, 問題が残ってる).
ASKS_PROBLEM = re.compile(r"(?:課題|問題)(?:(?:に|と)な(?:って|る|った|り)|が?(?:あり|ある|残)|(?:と|に)され)")
# What a comment says the problem is: the clause before ことが課題 or ことは課題 (…には適した内容ではない
# ことが課題となります; …見込みがたいことは課題である).
PROBLEM_CLAUSE = re.compile(r"([^、。]+?)(?:こと|点)[がは](?:大きな|一番の|最大の)?(?:課題|問題)(?:と|で|だ)")


def problem_told(asked: Asked, found: list[Found]) -> tuple[Found, Sentence, Cause] | None:
    """Asked why something is a problem, the clause a comment of the best rows gives as the
    problem, in the sentence about the topic or the one after it (599: …本来の目的である…醸成には
    適した内容ではないことが課題となります): what makes it one, as the document says."""
    if not ASKS_PROBLEM.search(asked.question.text):
        return None
    for candidate in near_best(found):
        after = beside(asked.known, candidate.sentence, 1)
        for sentence in (candidate.sentence, after):
            problem = PROBLEM_CLAUSE.search(sentence.text) if sentence is not None else None
            if problem and sentence.field in COMMENTS:
                return candidate, sentence, Cause(problem.start(1), problem.end(1), 1.0)
    return None


def cause_before_topic(found: list[Found]):
    """``(topic sentence, cause sentence, cause)`` for a causal clause right before the words asked
    about (水害により|通行止めの状態となった): it says why that happened, before what else the sentence
    or its neighbours give a cause for."""
    top = found[0]  # the sentence that says most of the topic: the words asked about are there
    text = top.sentence.text
    for cause in sorted(causes(text), key=lambda c: -c.strength):
        if cause.strength >= STRONG and any(
                0 <= start - cause.end <= 1 and text[cause.end:start] in ("", "、") for start, _ in top.spans):
            yield top, top.sentence, cause
            return


def cause_before_act(asked: Asked, found: list[Found]):
    """``(topic sentence, cause sentence, cause)`` for a causal clause, a purpose too, that leads
    to the act asked about in a sentence of the row that says most of the topic: 見直すのはなぜ is
    answered by 自立を促すために、この形態を見直し, wherever the topic's words are. Where that row
    writes the act only in a word of its synonym group, the next row nearly as good may write it
    (物理サーバを減らせたのはなぜ: 324 writes 削減, 281 …集約することにより物理サーバを減らし)."""
    # the verb before のはなぜ; with none, the last noun of an act (補助を出しているのはなぜ: 出す
    # only says the 補助 is given)
    acts = [w for w in asked.words if w.term.predicate][-1:] \
        or [w for w in asked.words if action_noun(w.term.text)][-1:]
    verbs = {t.lemma for w in acts for t in tokens(w.term.text)[:1]}
    rows: dict[int, Found] = {}
    for candidate in near_best(found):
        rows.setdefault(candidate.sentence.docnum, candidate)
    for docnum, candidate in rows.items() if acts else ():
        own_verb = False
        for sentence in asked.known.sentences[docnum]:
            starts, own = act_starts(sentence, acts, verbs)
            own_verb = own_verb or own
            for cause in causes(sentence.text):
                # (the に of ために, and a comma, only end the clause: 予防するために各種健（検）診を実施)
                if any(0 <= start - cause.end and len(sentence.text[cause.end:start].lstrip("に、")) <= ACT_REACH
                       and "。" not in sentence.text[cause.end:start] for start in starts):
                    yield candidate, sentence, cause
                    return
        if own_verb:
            break
    yield from role_before_act(asked, found, acts)


def act_starts(sentence: Sentence, acts: list, verbs: set[str]) -> tuple[list[int], bool]:
    """Where a sentence writes the act asked about, and whether with its own verb (見直し for
    見直す) rather than a word of its synonym group only (削減 for 減らす); or, failing those, the
    noun of the verb's stem (見直すことにした: …に対応するため、基本方針の見直しを行います)."""
    spans = [span for spans in sentence_spans(sentence, acts).values() for span in spans]
    if not spans:
        starts = [t.start for t in tokens(sentence.text) if t.pos == "名詞" and verb_of_stem(t.lemma) in verbs]
        return starts, bool(starts)
    own = any(t.lemma in verbs or verb_of_stem(t.lemma) in verbs for a, b in spans for t in tokens(sentence.text[a:b]))
    return [start for start, _ in spans], own


def role_before_act(asked: Asked, found: list[Found], acts: list):
    """The role a sentence of the best rows gives the act asked about, in the clause before it
    (多様な納付方法の提供の一つとして、令和3年度よりスマホ決済を導入しました, for 導入したのはなぜ):
    what it was done as, when the sentence gives no cause."""
    for candidate in near_best(found) if acts else ():
        for sentence in asked.known.sentences[candidate.sentence.docnum]:
            if sentence.field not in COMMENTS or len(sentence_spans(sentence, asked.words)) < 2 \
                    or _strongest(sentence) is not None:  # a cause of its own says why (…難しいため、代替策として)
                continue
            starts = [start for spans in sentence_spans(sentence, acts).values() for start, _ in spans]
            role = next((m for m in ROLE.finditer(sentence.text)
                         if any(0 <= start - m.end() <= 3 * ACT_REACH and "。" not in sentence.text[m.end():start]
                                for start in starts)), None)
            if role:
                yield candidate, sentence, Cause(role.start(), role.end(), ROLE_STRENGTH)
                return


def _causes_near(asked: Asked, found: list[Found]):
    """``(topic sentence, cause sentence, cause)`` for the sentences near the topic, best first."""
    top = found[0]
    for candidate in near_best(found):
        sentence = candidate.sentence
        cause = _strongest(sentence)
        if cause:
            yield candidate, sentence, cause
        before = beside(asked.known, sentence, -1)
        if CONSEQUENCE.match(sentence.text) and before is not None:
            yield candidate, before, Cause(0, len(before.text), 1.0)
        if candidate is top:
            # Near a comment's sentence, the two around it; a title's row, any of its comments.
            near = _neighbours(asked, sentence)
            for neighbour in near[:2] if sentence.field in COMMENTS else near:
                cause = _strongest(neighbour)
                if cause:
                    yield candidate, neighbour, cause


def cause_of_result(asked: Asked, found: list[Found]):
    """``(topic sentence, cause sentence, cause)`` when the sentence after the best one opens with
    その結果 and holds a word asked about that the best one does not (…委員の選出区を見直しました。
    その結果、女性委員の割合は…減少しました, asked why 女性委員の割合が下がった): that result is what is
    asked about, and all of the sentence before it its cause, not a clause inside (任期終了に伴い)."""
    top = found[0]
    result = consequence_after(asked, top.sentence)
    if result is not None and set(sentence_spans(result, asked.words)) - set(sentence_spans(top.sentence, asked.words)):
        yield top, top.sentence, Cause(0, len(top.sentence.text.rstrip("。")), 1.0)


def _causes_beside(asked: Asked, found: list[Found]):
    """``(topic sentence, cause sentence, cause)`` for the comment sentences next to the best
    sentences other than the top one (``_causes_near`` reads the top one's) whose outcome speaks
    of a thing asked about, its head at least (事業や大会のほとんどが開催できていない: 大会 of
    スポーツ大会), not of something else (予算確保が困難であり、新たな整備は難しい)."""
    # the last word of each noun asked about; of a word Sudachi keeps whole (スポーツ大会), its last part
    heads = {(t.parts or (t.surface,))[-1] for w in asked.words if not w.term.predicate
             for t in analyse(w.term.text)[-1:]}
    heads = {head for head in heads if len(head) > 1}
    for candidate in itertools.islice(near_best(found), 1, None):
        for neighbour in _neighbours(asked, candidate.sentence)[:2] if candidate.sentence.field in COMMENTS else ():
            cause = _strongest(neighbour)
            if cause and any(head in neighbour.text[cause.end:] for head in heads):
                yield candidate, neighbour, cause


def answer_why(asked: Asked) -> Answer | None:
    """The cause as the document writes it, with its sentence (and the topic's, when another)."""
    found = ranked(list(topic_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)))
    if not found:
        return None
    hit = find_cause(asked, found)
    if hit is None and (situation := situation_before(asked, found[0])):
        top = found[0]
        text = (f"文書に理由の記載はありませんが、「{top.sentence.text}」の前に「{situation.text}」と書かれています"
                f"（{source_note(asked.known, top.sentence.docnum)}）。")
        quoted = [Found(situation, top.score, top.coverage, []), top]
        return Answer("why", text, found=quoted, value=situation.text, coverage=top.coverage * 0.7)
    if hit is None and (problems := obstacles(asked, found[0])):
        return written_instead(asked, found[0], "課題として", problems, problems[0])
    if hit is None and (fell_short := shortfalls(asked, found[0])):
        return written_instead(asked, found[0], "取組評価に", fell_short, fell_short[0])
    if hit is None and (graded := grounds_of_grade(asked, found[0])):
        return written_instead(asked, found[0], "評価の根拠として取組の記述に", graded, graded[-1])
    if hit is None and (gone := ended_before(asked, found[0])):
        return written_instead(asked, found[0], "取組評価に", gone, gone[0])
    if hit is None:
        top = found[0]
        text = (f"文書には理由の記載が見当たりません。最も近い記述：「{top.sentence.text}」"
                f"（{source_note(asked.known, top.sentence.docnum)}）")
        return Answer("why", text, found=[top], coverage=top.coverage * 0.5)
    topic, sentence, cause = hit
    clause = sentence.text[cause.start:cause.end].lstrip(LIST_MARKS)  # the mark of a list item is no word of it
    said = "目的は" if ASKS_PURPOSE.search(asked.question.text) and PURPOSE_CLAUSE.search(clause) else "理由は"
    text = f"{said}「{clause}」と書かれています。根拠：「{sentence.text}」"
    shown = sentence is not topic.sentence and topic.sentence.field in COMMENTS
    if shown:
        text += f"「{topic.sentence.text}」"
    text += f"（{source_note(asked.known, sentence.docnum)}）"
    quoted = [topic] if sentence is topic.sentence else [Found(sentence, topic.score, topic.coverage, [])]
    quoted += [topic] if shown else []
    if (result := consequence_after(asked, sentence)) and result is not topic.sentence:
        # …見直しました。その結果、女性委員の割合は40%から20%に減少しました: what the cause led to.
        text = text.replace(f"根拠：「{sentence.text}」", f"根拠：「{sentence.text}」「{result.text}」", 1)
        quoted.insert(1, Found(result, topic.score, topic.coverage, []))
    return Answer("why", text, found=quoted, value=clause, coverage=topic.coverage)


def written_instead(asked: Asked, top: Found, as_what: str, sentences: list[Sentence], value: Sentence) -> Answer:
    """No cause is written: the row's sentences that stand for one (its problems, the grounds of
    its grade), quoted as what they are."""
    quotes = "".join(f"「{s.text}」" for s in sentences)
    # What the question asks about, said in a sentence of its own (生け垣奨励補助については一時休止し、
    # …への転換の可能性等を検討することとしました), comes first: the reader sees what it led to.
    told = top.sentence.field in COMMENTS and top.sentence not in sentences
    said = f"「{top.sentence.text}」とあり、" if told else ""
    text = (f"文書に理由の記載はありませんが、{said}{as_what}{quotes}と書かれています"
            f"（{source_note(asked.known, top.sentence.docnum)}）。")
    quoted = ([top] if told else []) + [Found(s, top.score, top.coverage, []) for s in sentences]
    return Answer("why", text, found=quoted, value=value.text, coverage=top.coverage * 0.7)


def situation_before(asked: Asked, top: Found) -> Sentence | None:
    """The sentence before the one about the topic in the same comment that the document gives
    beside it when no cause is written: one that says what is needed, or, asked why something did
    not come about, one that states how things stand (低年齢児の保育要望が多い状況にある。…待機児童
    の解消には至っていない)."""
    sentence = top.sentence
    if sentence.field not in COMMENTS:
        return None
    before = beside(asked.known, sentence, -1)
    if before is not None and NEEDED.search(before.text):
        # …理解を深めることが重要です。引き続き身近な文化財にスポットを当てつつ: what is needed,
        # said right before what is done, is why it is done
        return before
    if not negative(sentence.text):
        return None
    return before if before is not None and states(before.text) else None


# A sentence that ends saying what is needed (…ことが重要です, …が必要である).
NEEDED = re.compile(r"(?:重要|必要|大切|不可欠|肝要)(?:です|である|だ|となります|となっています)?。?$")


def states(text: str) -> bool:
    """Whether a sentence ends stating how things stand: in an adjective or a verb of being, not
    past (要望が多い状況にある, 利用者が増えている)."""
    end = [t for t in tokens(text) if t.pos in ("動詞", "助動詞", "形容詞")][-1:]
    return bool(end) and (end[0].pos == "形容詞" or end[0].lemma in ONGOING)


def consequence_after(asked: Asked, sentence: Sentence) -> Sentence | None:
    """The sentence right after ``sentence`` in its cell when it opens with その結果 or そのため."""
    after = beside(asked.known, sentence, 1)
    return after if after is not None and CONSEQUENCE.match(after.text) else None


# A problem stated, not aimed at (額の設定方法が大きな課題である; not 課題の解決に向けて).
PROBLEM_STATED = re.compile(r"(?:課題|問題|支障)(?:で(?:ある|あり|す)|と(?:なって|なり|なる)|が(?:ある|あり|残|生じ)|だ|。|$)")


def obstacles(asked: Asked, top: Found) -> list[Sentence]:
    """Asked why something went badly (見直しが遅れている理由は) when no sentence gives a cause, the
    row's sentences of its effort comment that state a problem: what the document gives as the
    obstacle (手数料については、額の設定方法が大きな課題である)."""
    if not went_badly(asked.question.text):
        return []
    return [s for s in effort_comment(asked, top) if PROBLEM_STATED.search(s.text)]


def shortfalls(asked: Asked, top: Found) -> list[Sentence]:
    """Asked why something went badly when the row gives neither a cause nor a problem, the
    sentences of its effort comment that say what fell short (実行したものの、職員の見直し意識の醸成
    にまでは結実していない): the document's account of it, quoted as such."""
    if not went_badly(asked.question.text):
        return []
    return [s for s in effort_comment(asked, top) if negative(s.text)]


# The facets of the grades a why question may ask about (評価がDなのはなぜ).
GRADED = ("progress", "effort", "direction")


def grounds_of_grade(asked: Asked, top: Found) -> list[Sentence]:
    """Asked why a row has its grade when no sentence gives a cause, the row's effort comment: the
    document's grounds for the grade (参加者33名…24件の採用。就労による保護廃止は6件…に止まりました);
    for a direction too (徐々に縮小: 用地買収については終了しており、…令和4年度末には完了する見込み)."""
    if not any(asked.question.filters.get(facet) for facet in GRADED):
        return []
    return effort_comment(asked, top)


def ended_before(asked: Asked, top: Found) -> list[Sentence]:
    """Asked why the row goes where its direction says (令和4年度から福利厚生倶楽部を活用することに
    なったのはなぜ) when no cause is written, the sentences of its effort comment that say what
    ended (…勤労者福祉サービスセンターが廃止となりました): what the new course replaces."""
    if top.sentence.field != "direction_comment":
        return []
    return [s for s in effort_comment(asked, top) if says_ended(asked, s.text)]


def effort_comment(asked: Asked, top: Found) -> list[Sentence]:
    """The sentences of the effort comment of the row that says most of the topic."""
    return [s for s in asked.known.sentences[top.sentence.docnum] if s.field == "effort_comment"]
