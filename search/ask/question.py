"""Read a council question: what it asks (its kind, ``kind.py``) and what it asks about, as the
text the search engine is given.

The filters it names (grades, legend wording, everyday grade words, departments, chapters) are
read by the shared query understanding (``search/understanding``), exactly as a search reads
them. The question's kind is read from what is left. Then the words of asking (どの課, いつ,
何件, 理由, 今後の方針, 教えてください …) are taken out, and what remains is the query: the
rows that answer are the rows the search selects for it, filters included. A question and the
search for its query cannot disagree about which rows match.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from index.analysis import hiragana_only
from index.grades import GRADES

from ..engine import count_rows, rows_with
from ..highlight import merge
from ..limits import MAX_PHRASE_LENGTH, MAX_QUERY_WORDS
from ..query import ParsedQuery, clean_text, parse_terms
from ..understanding.filters import (ASKING_KIND, FACET_NAMED_AFTER, GRADE_WORD_AFTER, described_words, filters_of,
                                     named_grade, read_filters, scale_words)
from ..understanding.tokens import (ADVERBIAL, FORMAL_NOUNS, ROW_NOUNS, action_noun, analyse, arabic_counts, formal_koto,
                                    verbal_noun)
from ..understanding.words import KANJI
from .clauses import CONCESSIVE
from .facts import UNIT_FAMILIES
from .kind import (EVALUATIVE, Aggregate, Kind, asking_spans, asks_status, asks_still, asks_where, predicate_span,
                   read_kind, stream, yes_no_predicate)

# The cues of a number question that a count of rows can answer (何件, いくつ).
ROW_COUNTS = ("何件", "いくつ", "幾つ", "何個")
# Counting, the table's rows are named as such too (表の行でいうと何件, 何項目): rows, not topic.
COUNTED_NOUNS = ROW_NOUNS | {"行", "項目", "表"}
# The nouns of a grade or its holder (B評価はいくつ, Bの課はいくつ), and of a department's share
# (担当分, 所管分): counted in rows.
GRADED_NOUNS = frozenset({"評価", "区分", "ランク", "進捗", "課", "所管課", "部署"})
SHARE_NOUNS = frozenset({"分", "担当", "所管"})
# 何件の提案, いくつのシステム: what is counted is named after the count (or before it, as what was done
# to it), and it is not the rows.
COUNT_OF_NAMED = re.compile(r"(?:何件|いくつ|幾つ|何個)の(?!" + "|".join(sorted(COUNTED_NOUNS)) + ")"
                            # アクセス数は…何件: a quantity named before the count, not the rows' number
                            r"|(?<!" + ")(?<!".join(sorted(COUNTED_NOUNS)) + r")(?<=[一-龯ァ-ヶー])数(?:は|って|が)"
                            r"[^。？?]{0,24}?(?:何件|いくつ|幾つ|何個)"
                            # 廃止された施設はいくつ, 登録している団体は、今いくつ: a noun that is no
                            # row, named by what was or is done to it
                            r"|(?:され|し)(?:た|ている|てる)(?!" + "|".join(sorted(COUNTED_NOUNS)) + r")[一-龯ァ-ヶー]{1,8}"
                            r"(?:は|って|が)[、,]?(?:全部で|今|現在)?(?:何件|いくつ|幾つ|何個)")
# ヘルプマークは何個配布された, 何件交付した, 特定空き家に指定されたのって何件: a count of what was
# done counts its objects (a figure a row may write), not the rows, unless a row noun is what is
# counted (取組は何件).
COUNT_OF_ACT = re.compile("".join(f"(?<!{noun}{particle})" for noun in sorted(COUNTED_NOUNS) for particle in ("は", "が"))
                          + r"(?:何件|いくつ|幾つ|何個)(?:くらい|ぐらい|ほど|程度)?"
                          r"(?:[、,][^、。？?]{0,6}?(?:いくら|幾ら|何円)(?:くらい|ぐらい|ほど|程度)?)?"  # 何件、総額いくら交付された
                          r"(?:[一-龯]{2,}(?:され|し|さ)|受け|寄せ|配[らっ]|送[らっ]|[一-龯][らさ]れ)"
                          r"|[一-龯]{2,}(?:され|し)たの(?:って|は|が)\s*(?:何件|いくつ|幾つ|何個)")
# The noun a count is asked of, marked as the topic right before it (オンライン相談は、何件くらい).
# (団体は、市内にいくつ: where they are counted may stand between)
COUNT_TOPIC = re.compile(r"(?:は|って|が)[、,]?\s*(?:(?:全部で|今|現在|[一-龯]{1,4}(?:に|で))\s*){0,2}(?:何件|いくつ|幾つ|何個)")


def counted_topic(text: str):
    """The word right before a count marked as its topic (委員会 of 検討委員会は、全部で何件), or None."""
    m = COUNT_TOPIC.search(text)
    tokens = analyse(text[:m.start()]) if m else ()
    return tokens[-1] if tokens else None


def counts_an_act(text: str) -> bool:
    """Whether a count is asked of a noun of action (オンライン相談は何件あった, 成約って何件): how
    many times it was done, a figure a row may write, not how many rows hold the topic."""
    topic = counted_topic(text)
    return topic is not None and topic.pos[2] == "サ変可能" and topic.surface not in COUNTED_NOUNS


def counts_a_thing(text: str) -> bool:
    """Whether a count is asked of a thing (自治会は今いくつ, 物理サーバはいくつ, プロジェクトチームや
    検討委員会は、全部で何件): a figure a row may write, not the rows, the grades given (B評価は
    いくつ) or a department's share of them (担当分は何件)."""
    topic = counted_topic(text)
    return topic is not None and topic.pos[0] == "名詞" \
        and topic.normalized not in COUNTED_NOUNS | GRADED_NOUNS | SHARE_NOUNS


# Markup is not part of a question: tags go, and so do scripts and styles with their content.
MARKUP = re.compile(r"<(script|style)\b[^>]{0,200}>.*?(?:</\1\s*>|$)|<[^<>]{0,200}>", re.I | re.S)
# A grade's codes in brackets after its name (取組評価（あ～お）).
CODES_IN_BRACKETS = r"(?:[(（][^()（）]{1,10}[)）])?"
# "per grade" asks for a breakdown of the rows by one grade: 進捗区分ごと, 今後の方向性別 …
# The facet may carry its codes in brackets (取組評価（あ～お）の内訳), or be asked 何件ずつ.
BREAKDOWN = re.compile(r"(進捗区分|進捗|取組区分|取組評価|取組の評価|今後の方向性|方向性|評価の区分|評価ランク|評価|区分)"
                       + CODES_IN_BRACKETS +
                       r"(?:ごと|別|の内訳|の分布|の構成|のばらつき|の散らばり|(?:は|が)、?(?:それぞれ)?何件ずつ)")
BREAKDOWN_KINDS = {"進捗区分": "progress", "進捗": "progress", "取組区分": "effort", "取組評価": "effort",
                   "取組の評価": "effort", "今後の方向性": "direction", "方向性": "direction", "評価": "progress",
                   "評価の区分": "progress", "評価ランク": "progress", "区分": "progress"}
# A grade other than the progress asked for by its name (取組区分は何になってますか, 取組評価は,
# 取組区分（あ～お）はどれ): a status question answered with that grade.
# (取り組みの評価, said the everyday way, is how an initiative is rated: its progress.)
FACET_ASKED = re.compile(r"(取組区分|取り組み区分|取組評価)" + CODES_IN_BRACKETS + r"(?:は|って|が|を|の(?:ほう|方)は)")
PROGRESS_ASKED = re.compile(r"進捗|進み具合|進みぐあい|進ん|進行")
# The direction named as the grade whose value is asked (方向性の区分は何, 今後の方向性がどの区分,
# 方向性はどのランク): the direction, asked as the future is.
DIRECTION_BEFORE_CUE = re.compile(r"方向性" + CODES_IN_BRACKETS + r"(?:の|は|が|って)、?$")
# Every code of a grade, first to last (A〜E, 「あ」から「お」), each counted: a breakdown by the
# grade whose first code it starts with.
FIRST_CODES = {"A": "progress", "あ": "effort", "ア": "direction"}
CODE_RANGE_EACH = re.compile(r"「?(?P<first>[AあアＡ])」?\s*(?:〜|~|～|から|-)\s*「?(?P<last>[EおオＥ])」?"
                             r"(?:の(?:評価|区分))?(?:は|が|で)?、?\s*(?:それぞれ|ごと|別|の内訳|の分布|でいうと|で言うと)")
# Counts asked of each of several departments or chapters named: a count per group.
EACH = re.compile(r"それぞれ|各々|おのおの|ごとの件数|別の件数")
SINCE_CUE = re.compile(r"いつから|何年度から|何年から|開始|始ま|始め")
UNTIL_CUE = re.compile(r"いつまで|何年度まで|何年まで|完了|終了|終わ")
# Two departments named with one of these want the rows of both, not of either.
TOGETHER = re.compile(r"共同で|共同して|両方|ともに|一緒に|連名で|双方|いずれもが|すべてが")
# Right after a department named, what says its rows are its alone (博物館だけが所管している).
ALONE = re.compile(r"(?:だけ|のみ|単独)(?:が|で|の)?")
# After a noun, what makes it a verb (休止|した, 終了|しました, 廃止|された).
VERBAL = re.compile(r"^(?:し|す|さ|させ|でき)")
QUOTED = re.compile(r"[「『\"“][^」』\"”]*[」』\"”]")
# Words in brackets right after a word gloss it: 名前（愛称）.
ASIDE = re.compile(r"(?<=[^\s(])\(([^()]{1,20})\)")
# An abbreviation glossed in brackets (BCP（業務継続計画）): either names it; a row may use one only.
GLOSSED = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,10})\(([^()]{2,20})\)"
                     # or a name and its former one (市スポーツ協会（旧体育協会）): a row may write either
                     r"|([一-龯ァ-ヶー]{2,})\(旧([^()]{2,20})\)")
# 「空き家対策の項」(の項目, っていう項目), 「公共施設の最適化の節(全体)」, 「第2節の公共施設の最適化」: an item (項) or a section
# (節) of the plan named by its title; its rows, not the word 項 or 節 (nor its number, which every
# chapter repeats).
ITEM_SCOPE = re.compile(r"(?:の|っていう|という|って)(項|節)目?(?:全体|全部)?(?=[にはでのをもって、]|について|$)"
                        r"|第[0-9一二三四五六七八九十]{1,3}(項|節)の?")
# Words joined by these, then followed by の/に関する/に触れる/に取り組む… or closed as examples (計画とか
# 訓練とか, バスやワゴンなど), are alternatives: 防災と防犯の取組. (に alone is not: in 幹線道路、
# 目標に比べて the に belongs to a phrase of its own.)
COORDINATORS = frozenset({"と", "や", "及び", "および", "並びに", "ならびに", "または", "又は", "か", "とか"})
COORDINATED_AFTER = re.compile(r"^(?:の(?!よう)|に関する|について|に取り?組|に係る|に関わる|に関(?:係|連)(?:する|した|の)|に(?:触れ|ふれ|言及)"
                               r"|は|が|を|とか|など|なんか|等)")
# Kinds that count or list rows: for them, and と joins alternatives (rows about either).
ROW_KINDS = frozenset({"count", "list", "status", "future", "aggregate", ""})
# Kinds that ask about something said in a sentence: a department named alone is their topic.
ABOUT_SOMETHING = frozenset({"when", "number", "fact", "why", "yesno"})
# What a span read as a filter becomes while the kind is read: a placeholder Sudachi reads as one
# noun, so that the grammar around it stays intact (、、、はいつ would read as はい + つ).
BLANK = "〓"


@dataclass
class Term:
    """A topic word of the question as the search understood it: its text, whether it was
    quoted (matched whole), whether the documents use it, whether it is a predicate (it ranks,
    it does not select), and for alternatives (防災または防犯) the group it belongs to."""

    text: str
    quoted: bool = False
    known: bool = True
    predicate: bool = False
    group: int | None = None
    alternative: int = 0
    phrase: str = ""  # the whole alternative as written, for a word in a group


@dataclass
class Question:
    """How a question was read: its kind, its filters and the query searched for it; then
    (``topic.py``) the topic words the search read from that query."""

    text: str
    kind: str
    query: str
    number_units: tuple[str, ...] = ()
    number_cue: str = ""
    breakdown: str = "progress"
    all_departments: bool = False
    sole_department: bool = False  # 博物館だけが所管: the rows of that department and no other
    also_status: bool = False  # a future question that also asks how far the rows have come
    aggregate: Aggregate | None = None  # what an aggregate question ranks
    predicate: str = ""  # what a yes/no question asks about, in dictionary form (導入)
    item_scope: str = ""  # 「…の項」 (項), 「…の節」 (節): the rows of the item or section the words name
    still: bool = False  # a yes/no question asking whether it still holds (今もありますか)
    where: bool = False  # asks where (どこの地区に): in a list, sentences that name places answer it
    since: bool = False
    until: bool = False
    cues: list[str] = field(default_factory=list)
    asides: list[tuple[int, int]] = field(default_factory=list)  # bracketed glosses, may be dropped
    asked_noun: tuple[int, int] | None = None  # 愛称 in 「…の愛称は何ですか」, may be dropped
    category: tuple[int, int] | None = None  # 人 in 「どんな人を対象に」: what kind is asked, dropped
    background: str = ""  # the sentences told before the asking one, when that one alone is searched
    filters: dict[str, list[str]] = field(default_factory=dict)  # read as the search reads them
    mentions: list = field(default_factory=list)  # where each filter was written (Mention)
    said: list[str] = field(default_factory=list)  # grade words kept as words, quoted by us (終了)
    split: list[tuple[str, ...]] = field(default_factory=list)  # compounds searched word by word, their words
    # A grade a yes/no question asks the rows to have (進捗Cになってますか): {facet: codes}, no filter.
    asked_grades: dict[str, list[str]] = field(default_factory=dict)
    # Those of them said as verbs (休止した, 終了しました): what happened, which ranks the rows
    # like any predicate; the row may say it in other words (再開した) or by its grade.
    said_as_verbs: list[str] = field(default_factory=list)
    # Filled from the search's understanding of ``query``:
    terms: list[Term] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    unknown_departments: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    unjoined: list[tuple[str, str, str]] = field(default_factory=list)  # 市役所の庁舎: (modifier, head, kept)
    # What a yes/no question asks the act to be restricted to (希望者にだけ配っている: 希望者): checked
    # against the rows, not a word they must write.
    restricted: str = ""

    @property
    def about_grades(self) -> bool:
        """A yes/no question about how far rows have come (順調ですか): their grades answer it,
        so the rows may be named by filters alone (学校給食課の取組は順調ですか)."""
        return self.kind == "yesno" and self.predicate in EVALUATIVE

    @property
    def filter_spans(self) -> list[dict]:
        return [m.to_dict() for m in self.mentions]

    def search_params(self) -> dict[str, list[str]]:
        """The search that selects the question's rows: ``/api/search`` with these parameters."""
        return {"q": [self.query], **{name: list(values) for name, values in self.filters.items()}}


def tidy(text: str) -> str:
    """The question as text: markup and control characters removed, NFKC, blanks collapsed; a
    question put as the council puts it asked directly (…なのか伺います: …なのか; …について
    伺います: …について教えてください)."""
    text = MARKUP.sub(" ", clean_text(text))
    text = arabic_counts(unicodedata.normalize("NFKC", text))
    text = KANA_WHAT.sub("何", KANA_ASKING.sub(lambda m: KANA_ASKED[m.group(0)], text))
    text = re.sub(r"\s+", " ", text).strip()
    text = ABOUT_ASKED.sub("について教えてください", WHETHER_ASKED.sub("か。", text))
    return VIEW_OF_QUESTION.sub("。", VIEW_ASKED.sub("を教えてください", text))


# How many, typed in kana (5年でなんけん？): Sudachi reads なん|けん as words, not 何件.
KANA_ASKED = {"なんけん": "何件", "なんにん": "何人", "なんかい": "何回", "なんめい": "何名", "なんねん": "何年"}
KANA_ASKING = re.compile("|".join(KANA_ASKED))
# What, typed in kana at the end of a question (施策はなに？): Sudachi may read は|な|に as はな|に.
KANA_WHAT = re.compile(r"(?<=[はがてと])なに(?=\s*(?:[?？。]|$|です|でしょう|か))")
# A verb of asking, said politely (伺います, お尋ねします, お聞きしたい): the council's way of
# ending a question.
ASKING_VERB = r"(?:お|御)?(?:伺い|うかがい|尋ね|たずね|聞き|聴き|問い|質し)(?:し|いたし)?(?:ます|たい(?:と思います|です)?)"
# …なのか伺います: an embedded yes/no question and the verb that asks it.
WHETHER_ASKED = re.compile(rf"(?<=[のん])か(?:を|について|、)?\s*{ASKING_VERB}[。.]?$")
# …について伺います, …について見解を求めます: a request about a topic.
ABOUT_ASKED = re.compile(rf"について(?:、)?\s*(?:{ASKING_VERB}|(?:の)?(?:市の)?(?:見解|考え|所見)を(?:求め|伺い|お聞きし|お伺いし)"
                         rf"(?:ます|たい(?:と思います|です)?))[。.]?$")


# …の方向性に関する市の見解を求めます: what is asked, then the council's request for the city's
# view; after a question (…方針か、見解を求めます) the question itself.
VIEW_REQUEST = r"(?:市の)?(?:見解|考え|所見|方針)を(?:求め|伺い|お聞きし|お伺いし)(?:ます|たい(?:と思います|です)?)[。.]?$"
VIEW_ASKED = re.compile(rf"(?:に関する|に対する|についての){VIEW_REQUEST}")
VIEW_OF_QUESTION = re.compile(rf"(?<=か)[、,]\s*{VIEW_REQUEST}")


def mask(text: str, mentions, framing, spans=()) -> str:
    """``text`` with its filters (and ``spans``) blanked and what frames the request made space:
    neither says what the question asks."""
    return blank(blank(text, [(m.start, m.end) for m in mentions if m.how != "word"] + list(spans)), framing, " ")


def blank(text: str, spans, placeholder: str = BLANK) -> str:
    """``text`` with ``spans`` replaced by the placeholder, every offset kept."""
    for start, end in spans:
        text = text[:start] + placeholder * (end - start) + text[end:]
    return text


def ends_a_name(corpus, text: str, span: tuple[int, int]) -> bool:
    """Whether a word of asking ends a compound the rows write whole (方針 of 人材育成基本方針):
    there it is part of a name, not what is asked."""
    run = [t for t in analyse(text) if t.start < span[0]]  # the word it ends (基本|方針: one word), and before it
    start = span[0]
    while run and run[-1].end >= start and run[-1].pos[0] in ("名詞", "接頭辞", "接尾辞") and not run[-1].framing:
        start = run.pop().start
        if count_rows(corpus, text[start:span[1]]):
            return True
    return False


def quoted_at(text: str):
    """A test of whether a position of ``text`` lies inside one of its closed quotes (``QUOTED``:
    「…」, 『…』, "…"), marks excluded: a quoted title is matched as written. (``in_quotes`` reads
    「 alone, and an unclosed one too, for the asides.)"""
    spans = [m.span() for m in QUOTED.finditer(text)]
    return lambda position: any(start < position < end for start, end in spans)


def unquoted(text: str, corpus) -> str:
    """``text`` with each quoted name the rows write (「政策・方針決定の場への女性の参画」) made one
    neutral noun of the same length: its words (方針) name the measure, they ask nothing."""
    for m in QUOTED.finditer(text):
        inside = m.group(0)[1:-1]
        if len(inside) > 1 and BLANK not in inside and count_rows(corpus, inside):
            text = text[:m.start() + 1] + NEUTRAL * len(inside) + text[m.end() - 1:]
    return text


NEUTRAL = "Ｘ"


def alternatives(text: str) -> list[tuple[int, int, str]]:
    """Noun phrases joined by と, や, 及び … and followed by の, に関する, について: rows about
    either. The edits that write them in the query syntax (防災と防犯の取組 → 防災 OR 防犯 の取組);
    filters (〓) are no phrases, and a quoted title keeps its words as written."""
    runs, run = [], []
    tokens = analyse(text)
    glued = {t.end for t in tokens if t.pos[0] not in ("助詞", "助動詞", "補助記号", "空白")}
    for token in tokens:
        if token.is_noun_piece and not token.framing and BLANK not in token.surface:
            run.append(token)
            continue
        if run:
            runs.append((run[0].start, run[-1].end))
            run = []
    if run:
        runs.append((run[0].start, run[-1].end))
    chains: list[list[int]] = []
    for i in range(len(runs) - 1):
        gap = text[runs[i][1]:runs[i + 1][0]].strip()
        first, second = text[slice(*runs[i])], text[slice(*runs[i + 1])]
        if gap == "と" and acted_with(text, runs[i], runs[i + 1]):
            continue
        if {first, second} & ROW_NOUNS:
            continue  # 調査や取組: a row noun names the rows, no alternative to the other phrase
        if gap in COORDINATORS or gap == "、" or gap == "・" and same_kind(first, second):
            if chains and chains[-1][-1] == i:
                chains[-1].append(i + 1)
            else:
                chains.append([i, i + 1])
    edits = []
    quoted = quoted_at(text)
    for chain in chains:
        gaps = [(runs[a][1], runs[b][0]) for a, b in zip(chain, chain[1:])]
        end = runs[chain[-1]][1]
        if parallel := of_each(text, runs, chain):
            start, end = parallel  # 国民保護計画の抜本的な改定や国民保護訓練の実施: each with its own の
            if not any(quoted(g0) for g0, _ in gaps) and COORDINATED_AFTER.match(text[end:].lstrip()):
                edits += [(start, start, " "), (end, end, " ")] + [(g0, g1, " OR ") for g0, g1 in gaps]
            continue
        if act_of_the_last(text, runs, chain) or too_short_alone(text, runs, chain[-1]):
            end = runs[chain[-1] + 1][1]  # 表彰や賞の授与: 表彰, or 賞の授与; …や、性の多様性
        if any(quoted(g0) for g0, _ in gaps):
            continue  # inside a quoted title (「インターネットの活用やオンラインサービスの促進」): its words, as written
        if examples_after(text, [runs[k] for k in chain]):
            # …って何がある？空き家バンクとか特定空き家とか: examples of what was asked, not a narrowing
            edits.append((runs[chain[0]][0], end, "、"))
            continue
        if any(text[g0:g1].strip() in COORDINATORS | {"・"} for g0, g1 in gaps) \
                and COORDINATED_AFTER.match(text[end:].lstrip()):
            start = runs[chain[0]][0]
            # A word the first phrase is glued to is part of it (ていー|ワゴン: Sudachi reads no noun
            # in ていー); after a particle (子どもの|防災と防犯) the phrase starts anew.
            edits += [(start, start, "" if start in glued else " "), (end, end, " ")]
            edits += [(g0, g1, " OR ") for g0, g1 in gaps]
    return edits + done_or_done(tokens, text)


SENTENCE_END_MARK = re.compile(r"[?？。]")


def examples_after(text: str, phrases: list[tuple[int, int]]) -> bool:
    """Whether listed phrases follow the question once it has ended (…施策って何がある？空き家
    バンクとか特定空き家とか。), each holding a noun the question asked about (空き家): examples of
    it, which its rows include, not a narrowing of it."""
    end = max((m.end() for m in SENTENCE_END_MARK.finditer(text, 0, phrases[0][0])), default=0)
    asked = text[:end]
    if not end or text[end:phrases[0][0]].strip():
        return False
    return all(any(t.pos[0] == "名詞" and len(t.surface) >= 2 and t.surface in asked for t in analyse(text[a:b]))
               for a, b in phrases)


def act_of_the_last(text: str, runs: list[tuple[int, int]], chain: list[int]) -> bool:
    """Whether acts are listed with a thing and the act done to it after の (表彰や賞の授与): the
    last alternative is the thing with its act, not the thing alone that the acts before are of.
    Acts with a の of their own (中学生の社会体験や小学生の施設見学) are read as they were."""
    after = chain[-1] + 1
    if after >= len(runs) or text[runs[chain[-1]][1]:runs[after][0]] != "の":
        return False
    if text[:runs[chain[0]][0]].endswith("の"):
        return False
    named = [action_noun(text[slice(*runs[i])]) for i in chain]
    return all(named[:-1]) and not named[-1] and action_noun(text[slice(*runs[after])])


def of_each(text: str, runs: list[tuple[int, int]], chain: list[int]) -> tuple[int, int] | None:
    """Two acts, each done to a thing of its own named before it by の (国民保護計画の抜本的な改定や
    国民保護訓練の実施): ``(start, end)`` of the pair, each alternative read whole; otherwise None.
    (In 平地林の保全と活用の進捗 the second is an act alone, no thing: the の after it is of both; so
    it is after と, which joins what one act is of: 仕事と家庭生活の両立.)"""
    first, last = chain[0], chain[-1]
    if len(chain) != 2 or first == 0 or last + 1 >= len(runs) or text[runs[last][1]:runs[last + 1][0]] != "の" \
            or text[runs[first][1]:runs[last][0]].strip() not in COORDINATORS - {"と", "か"}:
        return None
    second = text[slice(*runs[last])]
    if not action_noun(text[slice(*runs[first])]) or not action_noun(text[slice(*runs[last + 1])]) \
            or action_noun(second) and len(analyse(second)) == 1:
        return None
    owner = first - 1
    if text[runs[owner][1]:runs[first][0]] == "な" and owner > 0:  # …の抜本的な改定: past the word in な
        owner -= 1
        if text[runs[owner][1]:runs[owner + 1][0]] != "の":
            return None
    elif text[runs[owner][1]:runs[first][0]] != "の":
        return None
    return runs[owner][0], runs[last + 1][1]


def same_kind(first: str, second: str) -> bool:
    """Whether two nouns joined by ・ are two kinds of one thing (当番病院・当番医: either is asked
    about), not the parts of one name (在宅医療・介護連携): they open with the same two characters."""
    return len(first) > 2 and len(second) > 2 and first[:2] == second[:2]


def too_short_alone(text: str, runs: list[tuple[int, int]], last: int) -> bool:
    """Whether the last alternative is one character that names what follows it by の (性の多様性):
    alone it would match any word that holds it, so the alternative is the whole phrase."""
    after = last + 1
    return runs[last][1] - runs[last][0] == 1 and after < len(runs) and text[runs[last][1]:runs[after][0]] == "の"


def acted_with(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether と joins a thing to an act done with it (防衛省と協議や要望をしている: consulted with
    the ministry), no alternatives: the phrase before it names no act, the one after does."""
    return not action_noun(text[before[0]:before[1]]) and action_noun(text[after[0]:after[1]])


def done_or_done(tokens, text: str) -> list[tuple[int, int, str]]:
    """Acts listed with たり (フレーバーティーを作ったりブランド化したりする取組) are alternatives:
    rows about either. Each is named by the nouns of its object, before its verb; the edits write
    them in the query syntax (フレーバーティー OR ブランド化: the verbs only said what was done)."""
    listed = []
    for i, token in enumerate(tokens):
        if token.surface not in ("たり", "だり") or token.pos[0] != "助詞":
            continue
        j = i - 1
        while j >= 0 and tokens[j].pos[0] in ("動詞", "助動詞"):
            j -= 1
        verb = j
        while j >= 0 and tokens[j].pos[0] == "助詞" and tokens[j].surface in ("を", "に", "が"):
            j -= 1
        last = j
        while j >= 0 and (tokens[j].is_noun_piece or tokens[j].pos[0] == "接尾辞") and not tokens[j].framing \
                and BLANK not in tokens[j].surface:
            j -= 1
        if last == verb and last == j + 1 and tokens[last].pos[2] == "サ変可能":
            continue  # 活用|したり: the noun alone is the act itself, done to the object named before
        if last > j:
            listed.append((tokens[j + 1].start, tokens[last].end, token.end))
    # Each act right after the one before (a comma between at most).
    chain = listed[:1]
    for act in listed[1:]:
        if text[chain[-1][2]:act[0]].strip() in ("", "、"):
            chain.append(act)
    if len(chain) < 2:
        return []
    edits = [(chain[0][0], chain[0][0], " ")]
    edits += [(a[1], b[0], " OR ") for a, b in zip(chain, chain[1:])]
    return edits + [(chain[-1][1], chain[-1][2], " ")]


def fitted(query: str) -> str:
    """The query within the search's limits (words, characters of one phrase): the words past
    the limit join the one before, and a phrase too long (an unspaced question of several
    clauses) keeps its content words only, as a search reads them anyway."""
    pieces = [compact(piece) for piece in query.split()]
    while words_in(" ".join(pieces)) > MAX_QUERY_WORDS:
        if len(pieces) == 1:  # quoted words inside one phrase: as plain text
            return compact(re.sub(r"[「」『』\"]", "", pieces[0]))
        pieces[-2:] = [compact(pieces[-2] + "、" + pieces[-1])]
    return " ".join(pieces)


def words_in(query: str) -> int:
    """How many words or phrases the search reads in ``query`` (what its limit counts)."""
    return len({leaf.text for leaf in ParsedQuery(query, parse_terms(query)[0]).leaves(include_excluded=True)})


def compact(piece: str) -> str:
    """A phrase within the search's length limit: its content words only when it is longer
    (framing words dropped, predicates in dictionary form)."""
    if len(piece) <= MAX_PHRASE_LENGTH:
        return piece
    words, run = [], ""
    for token in analyse(piece):
        if token.framing:
            words += [run] if run else []
            run = ""
        elif token.is_predicate:
            words += [w for w in (run, token.dictionary) if w]
            run = ""
        else:
            run += token.surface
    words += [run] if run else []
    return "、".join(words)[:MAX_PHRASE_LENGTH]


def edited(text: str, edits) -> str:
    """``text`` with each ``(start, end, replacement)`` applied; blanks collapsed. An insertion
    inside a span another edit replaces goes with it (所管・部署 when 所管部署 is blanked). Two
    insertions at one place keep their order, the later first (「完成」・: a quote closes its word
    before a separator joins the next), whatever the hash seed."""
    edits = list(dict.fromkeys(edits))
    replaced = [(start, end) for start, end, _ in edits if start < end]
    edits = [e for e in edits if e[0] < e[1] or not any(start < e[0] < end for start, end in replaced)]
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    text = EMPTIED_QUOTE.sub("、", text)  # 「目標達成（A）」 read whole as a grade: nothing left to quote
    return re.sub(r"\s+", " ", text).strip()


EMPTIED_QUOTE = re.compile(r"[「『\"][、\s]*[」』\"]")


def in_quotes(text: str, position: int) -> bool:
    """Whether ``position`` is inside 「…」."""
    return text.rfind("「", 0, position) > text.rfind("」", 0, position)


def read_question(text: str, corpus) -> Question:
    """Read a (tidied) question: its filters (read as a search reads them), its kind from what
    is left, and the words to search for: the question without its filters and words of asking."""
    reading = read_filters(text, corpus, count_rows=lambda t: count_rows(corpus, t))
    mentions = reading.mentions
    # Everyday grade words (遅れている, 終了した) stay visible: they may be what is asked.
    masked = mask(text, mentions, reading.framing)
    breakdown = BREAKDOWN.search(masked)
    by_range = None if breakdown else CODE_RANGE_EACH.search(text)
    if by_range:  # A〜Eそれぞれ: every grade counted, which is no filter
        mentions = [m for m in mentions if not (m.end > by_range.start() and m.start < by_range.end())]
        masked = mask(text, mentions, reading.framing, [by_range.span()])
    cue = breakdown or by_range
    # 取組区分は何になってますか: that grade (unless how far it came is asked too: 進み具合と取組の評価).
    named = None if cue or PROGRESS_ASKED.search(masked) else FACET_ASKED.search(masked)
    # Every cue of a breakdown goes (評価のばらつきが知りたいです。区分別に何件: two).
    spans = tuple(m.span() for m in BREAKDOWN.finditer(masked)) if breakdown else (cue.span(),) if cue else ()
    asked = Kind("status", cue.group(0), spans=spans) if cue else asking_kind(unquoted(masked, corpus))
    if named and asked.kind in ("", "list", "fact"):  # …の取り組み区分は？: that grade is the status asked
        asked = Kind("status", named.group(0), spans=(named.span(),))
    if asked.kind == "status" and not cue and asked.spans and DIRECTION_BEFORE_CUE.search(masked[:asked.spans[0][0]]):
        asked = dataclasses.replace(asked, kind="future")
    ranked = asking_kind(masked) if cue else None
    if ranked and ranked.kind == "aggregate" and ranked.aggregate.group in GRADES:
        # 内訳を教えてください。どの区分がいちばん多いですか: the ranking per grade is the breakdown
        asked = dataclasses.replace(ranked, spans=ranked.spans + spans)
    if asked.kind == "number" and asked.cue in ROW_COUNTS \
            and any(m.how in ("word", "label") or m.facet in GRADES for m in mentions) \
            and not COUNT_OF_NAMED.search(masked):
        # 第2章で遅れてるのはいくつ, …手をつけた、ってなってるの何個, 取組区分が「え」なのは何件: how
        # many rows are so graded, not a figure a row writes (いくつの施設が廃止されましたか names
        # what it counts: a figure).
        asked = dataclasses.replace(asked, kind="count")
    said = []  # 終了しましたか, 廃止になった後: in a question about one thing, its words, not filters
    said_verbs = []
    asked_grades: dict[str, list[str]] = {}
    described = described_words(reading, corpus)
    if asked.kind == "status" and names_topic_itself(masked, mentions, asked, described):
        # 地域ケア会議は計画どおり開催できているのか、現状について: the grade is what is asked of it.
        said_verbs = [m for m in mentions if m.how == "word"]
        mentions = [m for m in mentions if m.how != "word"]
    elif asked.kind in ("status", "future") and (premise := told_before(masked, mentions)):
        # …補助金が一時休止になったそうですが、今後の方向性は: what the asker heard of the topic
        # (the row writes 一時休止), not a filter on the grade asked.
        said = premise
        mentions = [m for m in mentions if m not in said]
    elif graded := grades_asked(asked, mentions, masked, text):
        # 都市防災の推進は進捗Cになってますか: the grade is what is asked of the rows, not a filter on them
        asked = dataclasses.replace(asked, kind="yesno")
        asked_grades = filters_of(graded)
        said_verbs = graded
        mentions = [m for m in mentions if m not in graded]
    elif asked.kind == "future" and asked.predicate:
        # 廃止するんですか, 拡大していくの: what is asked of the rows' direction, not a filter on it.
        said_verbs = [m for m in mentions if m.how == "word"]
        mentions = [m for m in mentions if m.how != "word"]
    elif asked.kind not in ROW_KINDS:
        # 評価が低めなのはなぜ, 計画達成に遠い評価になっている理由: a grade named with its facet, or
        # called a grade after it (進展がないと評価された), is asked why; it selects the rows.
        said = [m for m in mentions if m.everyday
                and not (asked.kind == "why" and (named_grade(text[m.start:m.end], m.facet)
                                                  or CALLED_A_GRADE.match(text, m.end)))]
        mentions = [m for m in mentions if m not in said]
        # A verb (進まなかった) only says how it went: it goes; a noun (終了, 廃止) stays a word, unless
        # it says again the grade a code gives (E評価で手つかずになっている: the rows need not write 手).
        # An idiom of a noun and a verb (力を入れた) is a verb.
        said_verbs = [m for m in said if analyse(text[m.start:m.end])[0].pos[0] in ("動詞", "形容詞")
                      or any(t.pos[:2] == ("助詞", "格助詞") for t in analyse(text[m.start:m.end]))
                      or any(o.facet == m.facet and o.value == m.value for o in mentions)]
        said = [m for m in said if m not in said_verbs]
    asked = per_named_group(asked, masked, mentions)
    departments = [m for m in mentions if m.facet == "department"]
    together = TOGETHER.search(masked) if len(departments) > 1 else None
    # right after the name, or inside what the name was read with (博物館だけが所管, が単独で所管)
    alone = ALONE.match(masked, departments[0].end) or ALONE.search(text, departments[0].start, departments[0].end) \
        if len(departments) == 1 else None
    spans = [(m.start, m.end) for m in mentions + said_verbs] + reading.framing
    titled = quoted_at(masked)  # 「政策・方針決定の場への女性の参画」: a title as written
    # (a word of asking read in parts, 方向|性, is one word)
    spans += list(asked.spans) + [span for span in merge(asking_spans(masked))
                                  if not titled(span[0]) and not ends_a_name(corpus, masked, span)]
    spans += [together.span()] if together else []
    spans += [alone.span()] if alone else []
    predicate = predicate_span(masked) if asked.predicate else None
    if predicate:  # 電子図書館は導入されましたか: what is asked (導入) decides, the rest says about what
        spans.append(predicate)
    if asked.kind in ROW_KINDS or asked.unit == "%":  # 取組は何件, 施策のうちBの割合: the rows, not a topic
        nouns = COUNTED_NOUNS if asked.kind in ("count", "list", "aggregate") else ROW_NOUNS
        spans += [(t.start, t.end) for t in analyse(masked) if t.surface in nouns and not titled(t.start)]
    spans += formal_nouns(masked) + described_before(text, mentions, described)
    if asked.kind != "number":  # 目標値に対して何%: the figure is measured against the row's own target
        spans += measured_against(text, scale_words(corpus, "progress"))
    spans += [m.span() for m in DURATION.finditer(masked)] + [m.span() for m in AS_OF_NOW.finditer(masked)]
    spans += [m.span() for m in PER_PERIOD.finditer(masked)]
    spans += [m.span() for m in PLAN_PERIOD.finditer(masked)]
    spans += [m.span() for m in WORD_ITSELF.finditer(masked)]
    spans += [m.span() for m in ADDRESSED.finditer(masked)]
    spans += [m.span() for m in CITY_ACTING.finditer(masked) if not written_as_place(corpus, masked, m)]
    scopes = list(ITEM_SCOPE.finditer(masked))  # …の節、第1項 …: the section, then its item
    spans += [scope.span() for scope in scopes]
    restriction = restricted_to(masked) if asked.kind == "yesno" and not alone else None
    if restriction:
        spans.append(restriction[1])
    levels = {scope.group(1) or scope.group(2) for scope in scopes}
    edits = [(start, end, "、") for start, end in merge(spans)]
    split = [] if asked.kind in ROW_KINDS else split_compounds(masked)
    edits += alternatives(masked) if asked.kind in ROW_KINDS else word_by_word(masked)
    listed = examples(masked, merge(spans)) if asked.kind in ROW_KINDS else []
    if listed:  # the examples' own words replace whatever else was edited inside their brackets
        edits = [e for e in edits if not any(s <= e[0] and e[1] <= end for s, end, _ in listed)] + listed
    said_words: list[str] = []
    edits += quoted(text, said, merge(spans), said_words)
    edits += glossed(text, merge(spans))
    filters = filters_of(mentions)
    unit = asked.unit
    return Question(
        text=text, kind=asked.kind, query=fitted(as_text(fitted(edited(text, edits)), corpus, said_words)),
        split=split,
        number_units=UNIT_FAMILIES.get(unit, (unit,)) if unit else (),
        number_cue=asked.cue if asked.kind == "number" else "",
        breakdown=(BREAKDOWN_KINDS[breakdown.group(1)] if breakdown else "effort" if named
                   else range_facet(by_range)),
        all_departments=bool(together), sole_department=bool(alone),
        also_status=asked.kind == "future" and asks_status(masked),
        aggregate=asked.aggregate, predicate=asked.predicate,
        item_scope="項" if "項" in levels else "節" if levels else "",  # the narrower one named
        where=asks_where(masked), still=asked.kind == "yesno" and asks_still(masked),
        since=bool(SINCE_CUE.search(masked)), until=bool(UNTIL_CUE.search(masked)),
        cues=[asked.cue] if asked.cue.strip(BLANK) else [],  # not a blanked filter (進捗C of 進捗Cになってますか)
        # A bracket inside quotes is part of the name quoted (「…市民（民間）と行政の役割分担」).
        asides=[m.span(1) for m in ASIDE.finditer(text) if not in_quotes(text, m.start())],
        asked_noun=asked_noun(masked, asked) if asked.kind == "fact" else quantity_noun(masked, asked),
        category=asked_category(masked),
        filters=filters, mentions=mentions, said=said_words, asked_grades=asked_grades,
        restricted=restriction[0] if restriction else "",
        said_as_verbs=[word for word, after in map(lambda m: first_word(text, m), said) if VERBAL.match(after)]
        + (counted_acts(text, asked.cue) if asked.kind == "number" else []),
    )


# A quoted word asked about as a word (「河川」という語が施策名や内容に出てくる施策): what follows it up to
# the rows says where it is written, no topic.
WORD_ITSELF = re.compile(r"(?<=[」』])(?:という|って|との)(?:語|言葉|単語|キーワード|ワード|用語|文言)"
                         r"[^。？?]*?(?=(?:施策|取組|取り組み|事業)(?:を|は|って|が|の|に|、|\s|$))")


# Words after a grade's wording that call it the grade given (…進展がないと評価された, …という評価).
CALLED_A_GRADE = re.compile(r"(?:と|って|という|との)?" + GRADE_WORD_AFTER.pattern)


# The end of a clause told before the question as its premise (…になったそうですが、…と聞きますが、):
# a concessive comma as the comments write it, or the casual けど (a subject's が、 is none).
def grades_asked(asked: Kind, mentions, masked: str, text: str) -> list:
    """The grades a yes/no question asks of its rows: a code or label (進捗Cになってますか), unless
    told before what is asked (評価Aになってますが、…売ったんですか); in a future question asked yes or
    no, the direction words named with the facet (今後縮小や廃止の方向なんでしょうか: 廃止するんですか,
    続けていくの ask what the direction is, which the future's answer says)."""
    if asked.kind == "yesno":
        return [m for m in mentions if m.facet in GRADES and m.how in ("code", "label")
                and not PREMISE_END.search(masked, m.end)]
    if asked.kind == "future" and yes_no_predicate(stream(masked)):
        graded = [m for m in mentions if m.facet == "direction"]
        if any(FACET_NAMED_AFTER["direction"].search(text, m.start, m.end) for m in graded):
            return graded
    return []


PREMISE_END = re.compile(CONCESSIVE.pattern + r"|けど[、,]")


def told_before(text: str, mentions) -> list:
    """The grade words of a premise told before the question (…休止になったそうですが、今後は):
    the asker's report of the topic, not a grade asked for."""
    end = PREMISE_END.search(text)
    return [m for m in mentions if m.how == "word" and m.end <= end.start()] if end else []


def counted_acts(text: str, cue: str) -> list[str]:
    """The verbal nouns made verbs after a number asked for (何件ぐらい対応したの, 何人参加した):
    the act counted, in the asker's word; the row's figure may say it otherwise (相談に応じました),
    so it ranks sentences and need not be in them."""
    at = text.find(cue) if cue else -1
    if at < 0:
        return []
    words = [t for t in analyse(text) if t.start >= at + len(cue)]
    return [t.surface for i, t in enumerate(words) if verbal_noun(words, i)]


def described_before(text: str, mentions, described: frozenset[str]) -> list[tuple[int, int]]:
    """The words before a grade word that belong to its wording: adverbs of how it goes
    (段々|小さくしていく: read in the whole question, where Sudachi sees the adverb), and the noun
    it governs when the grade's legend label says it too (目標を|クリアした: A is 目標に達成して
    いるもの). They are no topic words."""
    spans = []
    tokens = analyse(text)
    groups = frozenset(g for word in described for t in analyse(word) for g in t.groups)
    for m in mentions:
        if m.how not in ("word", "label"):
            continue
        before = [t for t in tokens if t.end <= m.start and t.pos[0] != "補助記号"]
        while before and before[-1].pos[0] == "副詞":
            spans.append((before[-1].start, before[-1].end))
            before.pop()
        while before and (before[-1].pos[0] == "助詞" or before[-1].dictionary in BEING):
            before.pop()  # 問題が|あっ|て|思うように進まなかった: the noun is had, as 課題があり
        # The nouns, and a suffix that only places them (計画|期間|内に|目標を達成した: A's label
        # says 計画期間 too), back to the first the label does not say.
        run = []
        while before and (before[-1].pos[0] == "接尾辞"
                          or before[-1].pos[0] == "名詞" and said_by(before[-1], described, groups)):
            run.append(before.pop())
        if any(t.pos[0] == "名詞" for t in run):
            spans += [(t.start, t.end) for t in run]
    return spans


# What a progress is measured against (計画目標に対して, 当初の計画と比べて).
AGAINST = re.compile(r"に対し(?:て|ての)?|に対する|と比べ(?:て|ると)?|に比べ(?:て|ると)?|と比較し(?:て)?")


def measured_against(text: str, scale: frozenset[str]) -> list[tuple[int, int]]:
    """The standard a question measures progress against (計画目標に対して: the nouns before に対して
    are all words of the progress legend, whose labels measure every grade against them): how far
    is asked (どの程度進んでいる), the rows need not write those nouns."""
    spans = []
    tokens = analyse(text)
    for m in AGAINST.finditer(text):
        run = list(itertools.takewhile(lambda t: t.pos[0] in ("名詞", "接尾辞", "接頭辞") or t.surface == "の",
                                       reversed([t for t in tokens if t.end <= m.start()])))
        nouns = [t for t in run if t.pos[0] == "名詞"]
        if nouns and run[-1].pos[0] != "助詞" and all(said_by(t, scale) for t in nouns):
            spans.append((run[-1].start, m.end()))
    return spans


# Verbs of being or having, between a noun and the grade word it goes with (課題があり).
BEING = frozenset({"ある", "有る"})


def said_by(token, described: frozenset[str], groups: frozenset[int] = frozenset()) -> bool:
    """Whether a label says a noun: itself, the parts that carry its meaning (期間 of 期間内: a
    suffix only places it), or a word of the same Sudachi synonym group (問題 for 課題)."""
    return token.normalized in described or bool(token.parts) and set(token.parts) <= described \
        or bool(set(token.groups) & groups)


def range_facet(by_range: re.Match | None) -> str:
    """The grade whose codes a range names (「あ」から「お」: effort); progress by default."""
    first = unicodedata.normalize("NFKC", by_range.group("first")) if by_range else "A"
    return FIRST_CODES.get(first, "progress")


# Examples in brackets after a noun (企業誘致（工業団地の事業用地とか、物流系・情報通信系の誘致）).
EXAMPLES = re.compile(r"(?<=[^\s(])\(([^()]{4,60})\)")
EXAMPLE_SEPARATOR = re.compile(r"とか、?|や|、|など|等")


def examples(text: str, taken) -> list[tuple[int, int, str]]:
    """Examples listed in brackets after a noun are alternatives (rows about either), each by its
    nouns: 企業誘致 (工業団地 事業用地) OR (物流系・情報通信系 誘致); words of asking or row nouns
    inside (``taken``) are left out."""
    edits = []
    for m in EXAMPLES.finditer(text):
        alternatives, start = [], m.start(1)
        for piece in EXAMPLE_SEPARATOR.finditer(m.group(1) + "、"):
            nouns = noun_runs(text, start, m.start(1) + piece.start(), taken)
            alternatives += [" ".join(nouns)] if nouns else []
            start = m.start(1) + piece.end()
        if len(alternatives) >= 2:
            edits.append((m.start(), m.end(), " " + " OR ".join(f"({a})" for a in alternatives) + " "))
    return edits


def noun_runs(text: str, start: int, end: int, taken) -> list[str]:
    """The runs of nouns in ``text[start:end]`` outside the spans ``taken``."""
    runs, run = [], ""
    for token in analyse(text[start:end]):
        at = start + token.start
        if token.is_noun_piece and not token.framing and not any(a <= at < b for a, b in taken):
            run += token.surface
            continue
        runs += [run] if run else []
        run = ""
    return runs + ([run] if run else [])


def glossed(text: str, taken) -> list[tuple[int, int, str]]:
    """The edits that make an abbreviation and its gloss alternatives (BCP(業務継続計画) →
    BCP OR 業務継続計画), or a name and its former one (市スポーツ協会(旧体育協会) → 市スポーツ協会
    OR 体育協会), so that a row that writes either answers."""
    edits = []
    for m in GLOSSED.finditer(text):
        name, gloss = (1, 2) if m.group(1) else (3, 4)
        if not any(a < m.end() and m.start() < b for a, b in taken):
            edits += [(m.start(), m.start(), " "), (m.end(name), m.start(gloss), " OR "), (m.end(gloss), m.end(), " ")]
    return edits


# A span of years the question is asked over (この5年で, ここ3年間の): when, not what; a year
# (令和3年度) names a time of the document and stays.
DURATION = re.compile(r"(?:この|ここ|過去|直近)?\s*[0-9]+\s*(?:年|か年|ヵ年|ケ年)(?!度)(?:間)?(?:で|の間|のうち|に)?")
# The period a count is asked over or per (5年間で何件, 年に何件, 月に何回, 年間何人): when or how
# often, not what; and what is counted so is events (苦情, 相談), which the rows are not.
PER_PERIOD = re.compile(r"(?:毎|1|一)?(?:年|か月|ヶ月|月|週|日)(?:間)?(?:で|に|あたり|当たり)?"
                        r"(?=\s*(?:約|およそ)?(?:何|いくつ|幾つ))")


def names_topic_itself(masked: str, mentions, asked: Kind, described: frozenset[str]) -> bool:
    """Whether a question names something of its own beside its grade words and what describes
    them, its cue and the rows (順調に進んでいる取組の状況は, 後退してると判定されたもの name only
    rows, which their grade words then select)."""
    rest = blank(masked, [(m.start, m.end) for m in mentions] + list(asked.spans))
    return any(t.pos[0] == "名詞" and not t.framing and len(t.surface) >= 2 and "〓" not in t.surface
               and t.surface not in COUNTED_NOUNS and t.normalized not in described for t in analyse(rest))


def asking_kind(masked: str) -> Kind:
    """The kind the text asks; when its cue is in a statement before the last sentence (…の結果は、
    …生かされるべきものです。…に言及している施策をお示しください), the last sentence's own kind:
    a council question tells its background first."""
    asked = read_kind(masked)
    # The statements end in 。 without asking (…ましたか。 asks: its cue stands).
    last = max((m.end() for m in STATEMENT_END.finditer(masked) if masked[m.end():].strip()), default=0)
    if ASKING_END.search(masked[:last]):
        return asked
    said = asked.spans or tuple((m.start(), m.end()) for m in re.finditer(re.escape(asked.cue), masked)
                                if asked.cue)
    if not said or not last or any(end > last for _, end in said):
        return asked
    own = read_kind(masked[last:])
    if not own.kind or not any(not t.framing and t.pos[0] not in ("補助記号", "空白") for t in analyse(masked[last:])):
        return asked  # a last sentence of asking alone (…を知りたいです。教えてください) asks the first
    return dataclasses.replace(own, spans=tuple((a + last, b + last) for a, b in own.spans))


STATEMENT_END = re.compile(r"。\s*")
ASKING_END = re.compile(r"(?:か|の|かな|かね)\s*。\s*$|[?？]")

# What a time phrase ends in (現時点で, 期間中における, 前期計画での).
AT_TIME = r"(?:において|における|で|に)?の?"
# The time the question is asked at (現時点での進捗, 現段階で): when, not what.
AS_OF_NOW = re.compile(r"(?:現時点|現段階)" + AT_TIME)
# The city addressed at the start of a question (市役所って…, 市役所では…): the documents' author,
# no topic; elsewhere 市役所 is a building (市役所で開かれる市) and stays a word.
ADDRESSED = re.compile(r"^\s*(?:入間市役所|市役所|役所)(?:って|は|では|でも|さん)[、,]?")
# The city as the one who acts (市が立入検査を行っている施策, …について市は何をしていますか; first, 市役所で
# 長年使っていた…): every row is what the city does, so it names none of them. After a topic
# (ふれあい朝市って、市役所でやったこと) 市役所で is where, which a row may write.
CITY_ACTING = re.compile(r"(?:(?<=^)|(?<=[、。\s]))(?:市|市役所|役所)(?:が|は|では)|^(?:市役所|役所)で(?![はもき])")
# The period every row reports on (前期基本計画の期間中に取り組んだ施策, …期間中に改訂されましたか): no
# topic. Kept as words in a yes/no, it took 169, which writes 前期基本計画期間, for 人材育成基本方針;
# framing, a yes/no about 169 itself is decided by its effort grade (お) instead of its sentence.
PLAN_PERIOD = re.compile(r"(?:(?:前期)?基本計画の?(?:計画)?期間|前期計画(?:の?期間)?|計画期間)(?:中|内)?" + AT_TIME)


# Words that restrict what comes before them (だけ, のみ; 単独で; に限られる), and the verbs of existence
# after which a restricted thing is what is asked about (女性だけの講座はありますか).
RESTRICTING = frozenset({"だけ", "のみ"})
NOT_ONLY = re.compile(r"(?:で|に)?(?:は|じゃ)?(?:なく|ない|なし)|ならず")
EXISTING = frozenset({"有る", "ある", "居る", "いる"})


def restricted_to(text: str) -> tuple[str, tuple[int, int]] | None:
    """``(what is named, its span with the restricting words)`` when a yes/no question asks whether
    an act is restricted to it: the nouns before だけ or のみ (希望者にだけ配っている, 医科と歯科だけの
    掲載), before が単独で (市が単独で行っている) or before に限られる (自宅に限られてる); None when
    there is none, or the question asks whether such a restricted thing exists."""
    tokens = analyse(text)
    for i, t in enumerate(tokens):
        restricting = t.surface in RESTRICTING and t.pos[0] == "助詞" \
            or t.surface == "単独" or t.dictionary == "限る" and i and tokens[i - 1].surface in ("に", "で")
        if not restricting or t.dictionary != "限る" and not restricted_act(tokens[i + 1:]) \
                or NOT_ONLY.match(text, t.end):  # 市だけでなく県も: more than it, asked
            continue
        j = i - 1
        while j >= 0 and tokens[j].surface in ("に", "で", "が"):  # 希望者|に|だけ, 市|が|単独
            j -= 1
        end = j
        while j >= 0 and (tokens[j].is_noun_piece and not tokens[j].framing or tokens[j].surface in ("と", "や", "の")):
            j -= 1
        first = j + 1
        while first <= end and tokens[first].surface in ("と", "や", "の"):
            first += 1
        if first > end:
            return None
        named = first
        while first and tokens[first - 1].pos[0] in ("動詞", "助動詞"):
            first -= 1  # 希望した|人: the clause that says which ones, back over its verb …
        if first < named and first and tokens[first - 1].pos[2] == "サ変可能":
            first -= 1  # … to the noun it makes a verb of (希望|した)
        close = i + 1 if i + 1 < len(tokens) and tokens[i + 1].surface in ("で", "に", "の", "が") else i
        return text[tokens[first].start:tokens[end].end], (tokens[first].start, tokens[close].end)
    return None


def restricted_act(rest) -> bool:
    """Whether what follows a restricting word is an act (配っている, の掲載ですか) or ends the
    question, not a verb of existence (女性だけの講座はありますか: such a course is what is asked
    about) nor a thing."""
    verb = next((u for u in rest if u.pos[0] == "動詞"), None)
    if verb is not None:
        return verb.dictionary not in EXISTING
    noun = next((u for u in rest if u.pos[0] == "名詞"), None)
    # …の掲載ですか; or nothing but the copula (載っているのは医科と歯科のみですか: the act is before)
    return noun is None or noun.pos[2] == "サ変可能"


def written_as_place(corpus, text: str, acting: re.Match) -> bool:
    """Whether 市役所で at the start of a question is where, as a row writes it beside a noun of
    the question (市役所でふれあい朝市を初めて開いた: 375 writes ふれあい朝市を初めて市役所で開催),
    not the city acting (市役所で長年使っていた…)."""
    if not acting.group().endswith("で"):
        return False
    place = acting.group()[:-1]
    nouns = {t.surface for t in analyse(text[acting.end():]) if t.pos[0] == "名詞" and not t.framing
             and len(t.surface) > 1}
    rows = rows_with(corpus, place) if nouns else set()
    return any(rows & rows_with(corpus, noun) for noun in nouns)


def formal_nouns(text: str) -> list[tuple[int, int]]:
    """Formal nouns as the whole question reads them, with the の before them (取組|の|うち):
    alone, a kana piece like のうち would read as a word (農地); one kana alone is a piece Sudachi
    cut from a kana word (いる|ま of 広報いるま), not 間. A one-character counter noun
    right after a clause is one too (切り替えた|件について, 課題がある|点): the matter, not a count."""
    tokens = analyse(text)
    return [(tokens[i - 1].start if i and tokens[i - 1].surface == "の" else t.start, t.end)
            for i, t in enumerate(tokens) if t.pos[0] == "名詞" and (
                hiragana_only(t.surface) and ((t.framing and t.pos[2] == ADVERBIAL and len(t.surface) > 1)
                                              or (t.surface == "こと" and formal_koto(tokens, i)))
                or len(t.surface) == 1 and KANJI.match(t.surface) and t.pos[2] == COUNTER and i
                and tokens[i - 1].pos[0] in CLAUSE_ENDS)]


# Sudachi's class of nouns that may count (件, 点, 課), and the words that end a clause before a noun.
COUNTER = "助数詞可能"
CLAUSE_ENDS = ("動詞", "助動詞", "形容詞")


def per_named_group(asked: Kind, text: str, mentions) -> Kind:
    """「人権推進課と地域振興課の取組はそれぞれ何件」: a count for each department (or chapter)
    named, as an aggregate over them."""
    each = EACH.search(text)
    if asked.kind not in ("count", "number") or not each:
        return asked
    for group in ("department", "chapter"):
        if len({m.value for m in mentions if m.facet == group}) > 1:
            return Kind("aggregate", each.group(0), aggregate=Aggregate(group), spans=asked.spans)
    return asked


def word_by_word(text: str) -> list[tuple[int, int, str]]:
    """A compound a question asks one thing about is searched word by word (インフルエンザ予防接種
    → インフルエンザ・予防接種, two words of one phrase): the sentence that answers may name it in
    other words around them."""
    return [(b.start, b.start, "・") for _, b in _split_pairs(text)]


def split_compounds(text: str) -> list[tuple[str, ...]]:
    """The compounds ``word_by_word`` searches word by word, as their words (市民, 活動, センター)."""
    runs: list[list] = []
    for a, b in _split_pairs(text):
        if runs and runs[-1][-1].end == a.end:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    return [tuple(t.surface for t in run) for run in runs]


def _split_pairs(text: str) -> list[tuple]:
    """The adjacent words of a compound that ``word_by_word`` searches apart."""
    tokens = analyse(text)
    quoted = quoted_at(text)
    return [(a, b) for a, b in zip(tokens, tokens[1:])
            if a.end == b.start and a.is_noun_piece and b.is_noun_piece and b.pos[0] != "接尾辞"
            and a.pos[0] != "接頭辞" and BLANK not in a.surface + b.surface
            and min(len(a.surface), len(b.surface)) >= 2  # 上下水道 is not 上下水 and 道
            and not (hiragana_only(a.surface) and hiragana_only(b.surface))  # ぼっ|くす: Sudachi's cut of kana
            and not quoted(b.start)]


def as_text(query: str, corpus, words: list[str]) -> str:
    """The query with the words the search would read as filters quoted: they were no filters in
    the question (電子図書館サービスの開始: neither the department 図書館 nor a grade)."""
    mentions = read_filters(query, corpus, count_rows=lambda t: count_rows(corpus, t)).mentions
    return edited(query, quoted(query, mentions, [], words)) if mentions else query


def first_word(text: str, mention) -> tuple[str, str]:
    """The first word of a mention (休止 of 休止した) and the text after it."""
    end = mention.start + analyse(text[mention.start:mention.end])[0].end
    return text[mention.start:end], text[end:]


def quoted(text: str, mentions, taken, words: list[str]) -> list[tuple[int, int, str]]:
    """Quotes around the first word of each mention (「終了」しましたか): quoted, the search reads
    it as text, not as a filter."""
    edits = []
    for mention in mentions:
        start, end = mention.start, mention.start + len(first_word(text, mention)[0])
        if not any(a < end and start < b for a, b in taken):
            edits += [(start, start, "「"), (end, end, "」")]
            words.append(text[start:end])
    return edits


def quantity_noun(text: str, asked: Kind) -> tuple[int, int] | None:
    """The noun of the quantity a number question asks for (受講料 of 受講料はいくら, 総額 of 総額
    いくらかかる): like a fact question's noun, the document may give the figure without it."""
    if asked.kind != "number" or not asked.cue:
        return None
    m = re.search(r"([一-龥ァ-ヺー]{2,8})(?:は|が|って)?\s*" + re.escape(asked.cue), text)
    return m.span(1) if m else None


# A word of asking that says which kind (どんな人, どのような点): the noun after it is what is asked.
WHICH_KIND = re.compile("|".join(sorted(ASKING_KIND, key=len, reverse=True)))


def asked_category(text: str) -> tuple[int, int] | None:
    """The one-word noun a question asks which kind of (人 of 「どんな人を対象に」): the rows name
    the kind (若者, 高齢者), seldom the noun."""
    m = WHICH_KIND.search(text)
    if m is None:
        return None
    tokens = analyse(text[m.end():])
    if len(tokens) > 1 and tokens[0].pos[0] == "名詞" and tokens[0].normalized not in FORMAL_NOUNS \
            and tokens[1].pos[0] == "助詞":  # どんなこと: a formal noun frames already
        return m.end() + tokens[0].start, m.end() + tokens[0].end
    return None


def asked_noun(text: str, asked: Kind) -> tuple[int, int] | None:
    """The noun a fact question asks for (愛称 in 「…の愛称は何ですか」): the document may give
    the answer without using that word."""
    if not asked.spans:
        return None
    before = text[:asked.spans[0][0]]
    m = re.search(r"([一-龥ァ-ヺー]{2,8})(?:は|が|って|とは)\s*$", before)
    return m.span(1) if m else None
