"""What a question asks for, read from its words as Sudachi cuts them, not from raw substrings.

The question becomes a stream of its shortest words (split mode A) in dictionary form, one space
between them: 「今後どう進めていくつもりですか」 is `` 今後 どう 進める て 行く 積もり です か ``.
Each kind of question is recognised by patterns of whole words over that stream (いくつ is the
word 幾つ, so いくつもり, 行く + 積もり, is not "how many"), tried in order: the first kind whose
pattern matches is the kind asked. A question with no question word that ends in a predicate and
か (導入されましたか, 改定されたの？) asks yes or no.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis import morphemes, normalize, sub_morphemes

from ..understanding.filters import KANA_GRADE_NAMES, WHEN_ASKED
from ..understanding.tokens import FORMAL_NOUNS, action_noun, analyse
from ..understanding.words import KANJI, KATAKANA_ONLY

from .clauses import PLAN_NOUNS


@dataclass(frozen=True)
class Word:
    """One short word of the question: its dictionary form, part of speech and where it is."""

    lemma: str
    pos: str
    start: int
    end: int
    inner: bool = False  # parts of the same compound before and after it (評価 of 人事|評価|制度)


@dataclass(frozen=True)
class Stream:
    """The question's words, and the same words as one string for the patterns."""

    text: str
    words: tuple[Word, ...]
    joined: str  # " w1 w2 … " (a space before and after every word)
    offsets: tuple[int, ...]  # where each word starts in ``joined``

    def span(self, match: re.Match) -> tuple[int, int]:
        """The words a pattern matched, as a span of the question text."""
        first = next(i for i, o in enumerate(self.offsets) if o >= match.start())
        return self.words[first].start, self.words[max(first, self.last_word(match))].end

    def last_word(self, match: re.Match) -> int:
        """The index of the last word a pattern matched."""
        return max(i for i, o in enumerate(self.offsets) if o < match.end())

    def word_spans(self, match: re.Match, verbs: bool = False) -> list[tuple[int, int]]:
        """The matched words that are no predicates (verbs and adjectives stay in the query:
        they rank the rows, unless ``verbs``) nor particles, one span each. With ``verbs``, the
        auxiliaries that end a matched verb go with it (どうなってんの: てん is no word left over)."""
        inside = [i for i, o in enumerate(self.offsets) if match.start() <= o < match.end()]
        spans = [(self.words[i].start, self.words[i].end) for i in inside
                 if self.words[i].pos not in (("助動詞", "助詞") if verbs else ("動詞", "形容詞", "助動詞", "助詞"))]
        if verbs and inside and self.words[inside[-1]].pos == "動詞":
            for w in self.words[inside[-1] + 1:]:
                if w.pos != "助動詞":
                    break
                spans.append((w.start, w.end))
        # A one-kanji suffix ends the word it follows (達成|度, 進捗|率): no word left over once the cue goes.
        after = self.words[inside[-1] + 1] if inside and inside[-1] + 1 < len(self.words) else None
        if spans and after and spans[-1][1] == after.start and KANJI.fullmatch(self.text[after.start:after.end]) \
                and after.pos in ("名詞", "接尾辞"):
            spans.append((after.start, after.end))
        return spans

    def written(self, match: re.Match) -> str:
        start, end = self.span(match)
        return self.text[start:end]


KANA = re.compile(r"[ぁ-ゖー]+")


def with_kanji_names(text: str, words: list[Word]) -> list[Word]:
    """The name of a grade kind typed in hiragana, which Sudachi cuts apart (しん|ちょく), as the
    words of its kanji (進捗), so that the patterns read it alike (しんちょく区分をおしえて)."""
    out, i = [], 0
    while i < len(words):
        ends = [j for j in range(min(len(words), i + 4), i + 1, -1)
                if text[words[i].start:words[j - 1].end] in KANA_GRADE_NAMES]
        if not ends:
            out.append(words[i])
            i += 1
            continue
        start, end = words[i].start, words[ends[0] - 1].end
        out += [Word(w.lemma, w.pos, start, end) for w in stream(KANA_GRADE_NAMES[text[start:end]]).words]
        i = ends[0]
    return out


@lru_cache(maxsize=1024)
def stream(text: str) -> Stream:
    words = []
    for offset, m in morphemes(text):
        # Compounds in their parts (開始時期: 開始 時期, 何人: 何 人), but a word written in kana
        # alone stays whole (いくつ is not 幾 + つ), and so does a verb (申し込める asks of 申し込む,
        # not of 込める).
        whole = KANA.fullmatch(m.surface()) or m.part_of_speech()[0] == "動詞"
        parts = [m] if whole else sub_morphemes(m) or [m]
        for i, part in enumerate(parts):
            if part.part_of_speech()[0] == "空白":
                continue
            words.append(Word(normalize(part.normalized_form()), part.part_of_speech()[0],
                              offset + part.begin(), offset + part.end(), 0 < i < len(parts) - 1))
    words = with_kanji_names(text, words)
    offsets, joined = [], " "
    for w in words:
        offsets.append(len(joined))
        joined += w.lemma + " "
    return Stream(text, tuple(words), joined, tuple(offsets))


def words(pattern: str) -> re.Pattern:
    """A pattern over whole words: ``"何 件"`` matches the words 何 and 件, not 何件目's parts."""
    return re.compile(r"(?<= )(?:" + pattern + r")(?= )")


ROW = r"(?:取り組み|施策|物|事業|項目|行|メニュー)"  # メニュー: 支援メニュー, the services on offer
# What may stand between the rows counted and the question word (取組は全部で何件, 〓になっているのはいくつ,
# 〓がついてるのは何件, 〓なのは何件: a grade given).
BETWEEN_COUNTED = (r"(?:は|が|の|で|って|数|件数|総数|全部|合計|全体|合わせる|て|てる|居る|其々|各々|言う|と|、"
                   r"|単位|毎|数える|に 成る|付く|だ)")
# What rows are counted by: a row noun, or a filter (its placeholder, 〓: 危機管理課の取組は何件);
# each row is one evaluation, so 評価 counts rows too (Eになっている評価は何件).
COUNTED = r"(?:取り組み|施策|物|事業|項目|行|評価|\S*〓\S*)"
RANK = r"(?:最も|一番|最多|最少|トップ|上位|下位|ランキング|順位|順)"
# Group nouns an aggregate ranks by, and the facet each names.
GROUPS = (("department", r"(?:課|部署|部局|所管|担当|担当課)"), ("chapter", r"(?:章|分野)"), ("section", r"節"))
GROUP_WORDS = {name: words(r"(?:(?:第 |どの |どこ の |何 )?何 |どの |どこ の )?" + pattern
                         + r"(?: 課)?(?: は (?:どこ|何|どれ|どちら))?") for name, pattern in GROUPS}
# 所管課ごとの行で数えて, 担当課ごとの評価で数えて say how rows are counted (one per department
# row), not a ranking.
PER_GROUP = words(r"(?:" + "|".join(p for _, p in GROUPS) + r") (?:毎|別)(?! の 行 | の 評価 で 数える )")
# 一番多い, 多い順, 多いのは; or the group asked for before 多い (どの課が多い).
AGGREGATE = words(RANK + r"|(?:多い|少ない|高い|低い) (?:順|の は|物 は)"
                  r"|(?:どの|どこ の|何) (?:\S+ )?(?:" + "|".join(p for _, p in GROUPS) + r") (?:が|で|に) (?:多い|少ない)")
# A grade asked for by a question word (どの区分が一番多い, 一番多いランクはどれ): rows per grade.
WHICH_GRADE = words(r"(?:どの|何) (?:進捗 )?(?:区分|評価|ランク)|(?:区分|評価|ランク) (?:は|が) (?:どれ|何)")
# A grade facet named beside a ranking whose answer is asked by どれ or 何 (進捗区分で一番多いのは
# どれ): rows per grade of that facet; a bare 区分 or 評価 is the progress grade, as elsewhere.
NAMED_FACETS = (("effort", words(r"取り組み (?:区分|評価)")), ("direction", words(r"方向 性")),
                ("progress", words(r"進捗(?: 区分)?|区分|評価|ランク")))
WHICH_ASKED = words(r"どれ|何")
FEWEST = words(r"少ない|最少|下位|低い")
RANKING_WORDS = words(r"多い|少ない|高い|低い|数|件数|割合|率|比率|順|毎|別")
RATE = words(r"割合|率|比率|パーセント|%")

# 何分まで, 何分くらい: minutes asked, which Sudachi reads as the adverb 何分 (なにぶん, somewhat)
MINUTES_ASKED = r"何分(?= (?:まで|くらい|ぐらい|程度|位|間) )"
# Not before か and a particle: どこかの自治体, 何かの事業 say "some", they ask nothing.
QUESTION_WORDS = re.compile(r"(?<= )(?:何|誰|どこ|いつ|いつ頃|何時|どれ|どちら|どの|どんな|どう|何故|幾つ|幾ら|どのような|どういう"
                            r"|如何|" + MINUTES_ASKED + r")(?= )(?! か (?:の|で|に|と|を|が|は) )")
# Verbs that ask for something (教えて, ください, 知りたい) end a request, not a yes/no question.
REQUEST = words(r"教える|下さる|知る|願う|頂く|欲しい|示す|挙げる")
# Sudachi cuts よね in two, and gives っけ (任せてたっけ) as け.
YES_NO_END = re.compile(r" (?:か|の|\?|っけ|け|かしら|よ ね|よね|ね)(?: \?| 。)* $")

# Nouns of what stands in the way (ネック, 壁, 足かせ: Sudachi's 足枷), in the stream's forms.
OBSTACLE_WORDS = ("ネック", "壁", "足枷", "障壁", "妨げ")
OBSTACLE = r"(?:ボトル )?(?:" + "|".join(OBSTACLE_WORDS) + ")"
# (kind, pattern) in the order they are tried; the unit of a number question is read separately.
KIND_PATTERNS = [
    # Where something is written (書いてあるのはどこ, どこに載っている: Sudachi normalises 載る to 乗る)
    # asks for the rows, not a department.
    ("list", words(r"(?:書く|乗る|記載|掲載|記す) (?:\S+ ){0,4}?の は (?:どこ|どちら)"
                   r"|(?:どこ|どちら) に (?:\S+ ){0,2}?(?:書く|乗る|記載|掲載)")),
    ("why", words(r"何故|どう 為る て(?! (?:下さる|行く|居る|来る|欲しい|貰う|頂く|ます))|何 で(?! (?:有る|御座る|も))|理由|原因|要因|(?:訳|背景|経緯) (?:は|を|が|に は)|事情 (?:は|を|が|に は|から|で)"  # 背景には何が, どういう事情から
                  # 何のため(に): for what purpose, which the row's ため clause says
                  r"|何 の 為(?! の)"
                  # …の目的は？, 目的って何ですか: what it is for, asked last
                  r"|目的 (?:は|って)(?= (?:何 (?:だ |です )?(?:か |の )?)?(?:\? |。 )?$)"
                  # 何がネック, 何が壁になってる: what stands in the way is why it did not go
                  r"|何 が " + OBSTACLE +
                  # どういう問題があるから, 何があったから, 何をしたから: because of what (から after a
                  # predicate, not 何から)
                  r"|(?:どういう|どんな|どのような|どういった|何|如何 言う) (?:\S+ ){1,4}?(?:有る|だ|成る|起きる|起こる|為る|遣る) (?:た )?から")),
    # 何部 is a department before a particle (何部が担当) or the copula (…は何部ですか), a count of
    # copies before a verb (何部作った; for the copula, see ``copies_asked``).
    ("who", words(r"(?:どの|どこ の|どちら の|何) (?:課|部署|部局|部(?= (?:が|の|で|は|に|も|って|\?|です) )|担当 課)|誰"
                  r"|(?:担当|所管) (?:課 |部署 |部局 )?(?:は|を|に つく て) (?:どこ|どちら|誰|何|教える|\?)"
                  # …の担当課は: the question ends at は, its question word left unsaid
                  r"|(?:担当|所管) (?:課 |部署 |部局 )?(?:は|って)(?= $)"
                  r"|(?:担当|所管|課|部署) (?:\S+ ){0,6}?(?:どこ|どちら|誰)(?! まで)"
                  r"|(?:どこ|どちら) が (?:担当|所管|実施|行う|\S+ 為る)"  # どこが運営している
                  # のはどこの施設 asks which facility: a noun after どこの other than a department's.
                  r"|の は (?:どこ|どちら)(?! まで| の (?!課|部署|部局|担当|所管))")),
    ("when", words(r"いつ|いつ頃|何時|何 (?:年度|年|月|日)|時期|日程|(?<![0-9] )年度 は")),  # 令和2年度は…ましたか: a year given
    # 取組が〓になっているのはいくつ, 〓になってる件数は: what rows have become (に成る) is how
    # they are counted.
    ("count", words(COUNTED + r" (?:" + BETWEEN_COUNTED + r" ){0,8}"
                    # 事業で何件の採用: what 何件 counts is named after it, not the rows
                    r"(?:(?:何 件|幾つ|何 項目|何 個)(?! の (?!" + ROW + r"))|何 " + ROW + r"|(?:どれ|どの) (?:くらい|程)(?= 有る))"
                    r"|(?:何 件|幾つ|何 個) (?:の )?" + ROW +
                    r"|" + COUNTED + r" (?:(?:の|に 成る|て|てる|居る) ){0,3}(?:数|件数|総数) (?:は|を|が|に つく)")),
]
# A grade's scale in brackets after its name (取組区分（あ～お）, 進捗区分(A〜E)); Sudachi may read
# the kana codes with a small っ (あっ).
SCALE_IN_BRACKETS = r"\( \S+ (?:〜|~|-|から) \S+ \) "
# 評価いくつ, 区分はいくつ ask a grade the way a score is asked, unless a grade is named (Eになっている評価は
# いくつ: its rows are counted) or the evaluations are said to be there (いくつある); so does 何ランク
# (no counter of a quantity) or どのランク.
GRADE_AS_SCORE = words(r"(?:評価|進捗|ランク|区分) (?:は |って |が )?幾つ(?! (?:有る|在る))"
                       r"|(?:何|どの|どんな) (?:ランク|判定|グレード|評価|区分)(?! (?:別|毎|ごと|の " + ROW + "))")
# A quantity asked for, and the counters that answer it (何人 → 人 or 名 …).
# A counted noun and 数 asks how many of it: 施設数, or 施設の数 when it is what is asked (施設の数は,
# not 施設の数を適正にする取組).
# (…の参加者数を教えてください: a request for it, in any of its polite forms)
ASKED_AFTER = r"(?= (?:は|って|が|を 教える(?: て(?: (?:下さる|呉れる|貰える|欲しい|頂く|頂ける))?)?)? ?(?:\?|。|$))"
# Words that say a row mentions something (に触れている, について書かれた, が載っている), as a lemma stream.
MENTIONED = r"(?:に 触れる|に 言及|に つく て (?:書く|記載|触れる)|(?:が|を) (?:書く|記載|載る|扱う))"
NUMBER_PATTERNS = [
    (words(r"何 (?:人|名)|人数|(?<=\S )者 数" + ASKED_AFTER), "人"),  # 来場者数は: people, counted in 人 or 名
    (words(r"(?:どの|どれ) (?:くらい|程度|位|ぐらい) の 人 (?:が|は|を)"), "人"),  # どれくらいの人が来場した
    (words(r"何 件|件数"), "件"),
    (words(r"何 箇所|箇所 数|箇所 の 数" + ASKED_AFTER), "か所"),
    (words(r"何 回|回数"), "回"),
    # …の予算はどれくらい, どのくらいの給与: an amount of money asked by a word of money
    (words(r"幾ら|何 円|金額|費用|予算 額|(?:予算|経費|給与|給料|賃金|料金|事業 費) (?:は |って |が )?(?:どの|どれ) "
           r"(?:くらい|程度|位|ぐらい)|(?:どの|どれ) (?:くらい|程度|位|ぐらい) の (?:予算|経費|給与|給料|賃金|料金)"), "円"),
    # 率を上げるため asks no rate; 女性委員の割合や…に触れている施策 lists it among a topic's words, and
    # so does …の割合に触れている (について書かれている) 施策: a topic the rows mention; …の割合について、
    # 次はどうするつもり (a clause after it) names the theme of another question
    (words(r"何 (?:%|パーセント|割)|割合(?! (?:や|など|等) )(?! " + MENTIONED + r")(?! に つく て 、)|率 (?:は|が|って|、)"), "%"),
    (words(r"何 校|学校 数|学校 の 数" + ASKED_AFTER), "校"),
    (words(r"何 団体|団体 数|団体 の 数" + ASKED_AFTER), "団体"),
    (words(r"何 施設|施設 数|施設 の 数" + ASKED_AFTER), "施設"),
    (words(r"何 台|台数"), "台"),
    (words(r"何 (?:km|キロ|メートル)|延長|距離|長い さ|長さ|全長"), "km"),
    (words(r"何 (?:ha|ヘクタール)|面積"), "ha"),
    (words(r"何 種類"), "種類"),
    (words(r"何 世帯|世帯 数|世帯 の 数" + ASKED_AFTER), "世帯"),
    (words(r"何 倍"), "倍"),
    (words(MINUTES_ASKED + r"|何 分(?= (?:まで|くらい|ぐらい|程度|位|間))"), "分"),
    # どのくらいの期間, 何年間, 何か月: a length of time, written as one (6年間, 3か月)
    (words(r"(?:どの|どれ) (?:くらい|程度|位|ぐらい) の 期間|期間 (?:は |って |が )?(?:どの|どれ) (?:くらい|程度|位|ぐらい)"
           r"|何 (?:年間|箇月)"), "期間"),
    # 生産量はどのくらい: an amount, in weight or volume, not a count of kinds (4種類の…)
    (words(r"(?<=\S )量(?= (?:は|って|が) (?:どの|どれ) (?:くらい|程度|位))|(?<=\S )量" + ASKED_AFTER), "量"),
    # Any other noun and の数 asked (システムの数は), or a compound ending in 数 (来場者数は, 観客動員数は):
    # counted in whatever the row writes (4つのシステム).
    (words(r"(?:どの|どれ) (?:くらい|程度|だけ)|幾つ|(?<=\S )(?:の )?数" + ASKED_AFTER), ""),
]
def quantity_noun_spans(s: Stream, unit: str) -> tuple[tuple[int, int], ...]:
    """Where the noun that names the quantity asked is (距離, 長さ: Sudachi's 長い さ, 人数): what is
    asked, no topic word. 何 and 幾ら are question words, read as such elsewhere."""
    for pattern, counter in NUMBER_PATTERNS:
        m = pattern.search(s.joined) if counter == unit else None
        if m and not s.written(m).startswith(("何", "幾")):
            return tuple(s.word_spans(m))
    return ()


# Any other counter after 何 (何地区, 何店舗): the quantity asked for is counted in it; not these.
NOT_COUNTERS = frozenset("年 月 日 時 者 故 課 章 等".split())
# 「どんな感じ」「どういう感じ」: how things stand, asked casually.
HOW_IT_FEELS = r"(?:どんな|どう 言う|どの よう だ) 感じ"
# How far something has come is a status question even when it asks どのくらい.
# (評価どれくらい, どれくらいうまくいってる: how well it goes, said the everyday way.)
HOW_FAR = words(r"(?:どの|どれ) (?:くらい|程度|だけ) (?:\S+ ){0,2}?(?:進む|進める|達成|進捗|旨い|上手い)"
                r"|(?:評価|進捗|進み 具合) (?:は |が |って )?(?:どの|どれ) (?:くらい|程度)")


def scale_asked(names: str, codes: str, asking: str) -> str:
    """A question asking which grade of a scale (``names``, its ``codes``) a row has: the name, a
    particle and ``asking``, the scale between (評価はA〜Eのどれ, 進捗区分でいうとどれ, 取組区分（あ～お）
    はどれ), the particle left out in speech (…って、進捗区分どれになってます), or the scale after a
    comma (評価ランク、A～Eのどれ: the scale itself says a grade is asked, whatever joins it)."""
    scale = rf"{codes} (?:〜|~|-|から) {codes} (?:まで )?の "
    return (rf"(?:{names}) (?:{SCALE_IN_BRACKETS})?(?:(?:は|って|が|で 言う と) )?(?:{scale})?(?:{asking})"
            rf"|(?:{names}) (?:、 )?{scale}(?:どれ|何|どこ)")


LATER_PATTERNS = [
    # 進み具合の区分はどれ, 評価はどれ: which grade, not which rows (see ``scale_asked``).
    ("status", words(scale_asked("区分|評価|進捗|ランク", "[a-e]", "どれ|何|どう|如何")
                     # 区分なに？: the particle left out, 何 ending the question
                     + r"|(?:区分|評価|ランク) 何(?= (?:\?|です|だ|か|。) | ?$)")),
    # 方向性はア〜オのどれ: which direction, not which rows.
    ("future", words(scale_asked("方向 性|方向性|方針", "[ア-オ]", "どれ|何"))),
    # どれくらい asks how far; 取り組みを全部 asks for every row (全部で何件 is counted before).
    ("list", words(r"どれ(?! (?:くらい|程|程度|だけ))|一覧|挙げる|列挙|" + ROW + r" (?:を |は )?(?:全部|全て)(?! で)")),
    ("future", words(r"今後|方針|此れ から|此の 先|先行き|予定|方向 性|方向性|見通し|将来|次期|積もり|見込み|計画 は"
                     r"|考え (?:は|です|だ|か|\?)|(?:行う|進める|取り組む|為る|続ける) て 行く|次 に"
                     r"|(?:どの よう に|どう) (?:取り組む|進める(?! て 行く))")),
    ("status", STATUS := words(r"状況|状態|現状|具合|進捗|どう 成る|どこ まで|(?:どの|どんな) 段階|達成|評価|進む|旨い|成果|効果|どう だ た"
                     r"|どう です た|結果|実績 は|課題|遅れる|順調|どう です か|如何|" + HOW_IT_FEELS)),
    # どんなのがある: の stands for the rows (どんなことやってる asks what is done: the rows too).
    # どのような支援が行われているのか: kinds of support are the rows that give them.
    ("list", words(r"(?:どの|どのような|どんな|どういう) (?:" + ROW + r"|支援|支援 策|対策|サービス)"
                   r"|何 が 有る|" + ROW + r" (?:は|って) 何"
                   r"|(?:どんな|どういう|どのような) の (?:が|は) 有る"
                   r"|(?:どんな|どういう|どのような) こと (?:を |に )?(?:遣る|為る|行う|取る 組む|取り組む|実施)"
                   # 市は何をしてきたの, 何に取り組んでいるの: what has been, or is being, done is the
                   # rows that do it (何をしましたか asks one thing done: a fact).
                   r"|何 (?:を|に) (?:遣る|為る|行う|取る 組む|取り組む|実施) (?:て|で) (?:来る|居る)"
                   r"|何 (?:を|に) (?:遣る|為る|行う|取る 組む|取り組む|実施) てる")),
    # …の名前は？: the name asked for, as 何という名前 asks it.
    ("fact", words(r"何 (?:だ|です|でしょう|か|\?|と 言う|を|が|に)|(?:どのような|どんな|どういう|どの よう だ) \S+"
                   r"|(?:名前|名称) (?:は|って|を)(?= (?:\?|教える) )")),
    ("list", words(r"教える|有る (?:ます )?(?:か|の|\?)|知る たい|下さる")),
]


# Kinds whose cue words are blanked before the topic is read (their patterns hold no topic words).
BLANKED = frozenset({"why", "when", "future", "status", "fact"})


@dataclass(frozen=True)
class Aggregate:
    """What an aggregate question ranks: rows per ``group`` (a facet), most or fewest first,
    by count or by ``rate`` (the share of the group's rows)."""

    group: str
    fewest: bool = False
    rate: bool = False


@dataclass(frozen=True)
class Kind:
    """The kind asked, the words that said so (and where, when they are no topic words), for a
    number its counter, for a yes/no question its predicate (the dictionary form asked about)."""

    kind: str
    cue: str = ""
    unit: str | None = None
    aggregate: Aggregate | None = None
    spans: tuple[tuple[int, int], ...] = ()
    predicate: str = ""


def read_aggregate(s: Stream) -> Kind | None:
    """最も多い課, 一番多いのは第何章, 所管課ごとに: rows per group, ranked. The ranking words and
    the group asked for (どの所管課, 第何章) are no topic words."""
    ranked = AGGREGATE.search(s.joined) or PER_GROUP.search(s.joined)
    if not ranked:
        return None
    groups = [(m, name) for name, pattern in GROUP_WORDS.items() for m in pattern.finditer(s.joined)]
    groups += [(m, "progress") for m in WHICH_GRADE.finditer(s.joined)]
    if not groups and WHICH_ASKED.search(s.joined):
        groups = next(([(m, facet)] for facet, pattern in NAMED_FACETS if (m := pattern.search(s.joined))), [])
    if not groups:
        return None
    # The group nearest the ranking word: 取組が一番多い課, 一番多いのはどの所管課.
    m, group = min(groups, key=lambda g: abs(g[0].start() - ranked.start()))
    aggregate = Aggregate(group, fewest=bool(FEWEST.search(s.joined)), rate=bool(RATE.search(s.joined)))
    # The ranking words (一番, 多い, 割合) and the group asked for (どの所管課, 第何章) go, each
    # time it is named (章別で…最も多い章はどこ).
    spans = [s.span(ranked)] + [s.span(g) for g, name in groups if name == group]
    spans += [s.span(w) for w in RANKING_WORDS.finditer(s.joined)]
    return Kind("aggregate", s.written(ranked), aggregate=aggregate, spans=tuple(spans))


# Predicates about progress, and the progress grades for which a yes/no question about them is
# answered はい (the legend: A 目標に達成, B 順調に進んでおり, C ある程度進んでいる, D 部分的に
# 着手, E 着手していない): such a question is decided by the rows' grades, not by a sentence.
EVALUATIVE = {"遅れる": "DE", "進む": "ABC", "進める": "ABC", "順調": "AB", "達成": "A", "旨い": "ABC",
              "着手": "ABCD", "停滞": "DE"}

# What follows a yes/no question's predicate: auxiliaries, て, いる, ある (導入されていますか).
# Nouns of a case that happened (実現した事例はありますか asks whether it ever did).
EXAMPLE_NOUNS = frozenset({"事例", "例", "ケース", "前例", "実例"})
# All of them (全部に有るの asks whether it is everywhere).
ALL_OF = frozenset({"全部", "全て", "総て", "凡て", "すべて", "ぜんぶ"})
# せる: 減ら|せ|た is 減らせた, the verb 減る made to act; だけ: 続けるだけ？ asks whether it goes on.
AFTER_PREDICATE = re.compile(r"(?: (?:です|ます|だ|た|でしょう|ん|の|て|で|居る|有る|ない|れる|られる|せる|させる|為る|成る|済み|てる"
                             r"|でる|ちゃう|だけ))+ $")


# A verbal noun, a particle, then する: リニューアル|は|し|た.
DONE_AFTER_PARTICLE = re.compile(r" (?:は|を|も) 為る(?: (?:です|ます|た|ない|ん|の|て|居る|てる))* $")


# Words that ask whether something still holds (今もありますか, 今も委託していますか).
# いま: Sudachi keeps the kana; 今からでも: Sudachi reads でも as だ も.
STILL = words(r"(?:今|いま|現在) (?:で |から )?も|(?:今|いま) (?:から )?(?:でも|だ も)|未だ|依然"
              r"|(?:今|いま) から(?= \S+ 出来る )")  # いまから申請できますか: whether it still can be
NOW = words(r"今|いま|現在|目下")


def asks_still(text: str) -> bool:
    """Whether the question asks if something still holds (今も, 現在も, まだ)."""
    return bool(STILL.search(stream(text).joined))


def yes_no_predicate(s: Stream) -> str:
    """The predicate a yes/no question asks about (導入されましたか → 導入), or "" when the
    question is not one. A question whether the rows' evaluation (評価) says something asks
    about what it says: 目標を達成できたという評価ですか → 達成, 順調に進んでるって評価になってる
    → 順調 (of the evaluative words in it, the one fewest grades answer)."""
    predicate = _yes_no_predicate(s)
    if predicate == "評価":
        said = [w.lemma for w in s.words if w.lemma in EVALUATIVE]
        return min(said, key=lambda lemma: len(EVALUATIVE[lemma]), default=predicate)
    return predicate


def _yes_no_predicate(s: Stream) -> str:
    """The last predicate of a question with no question word that ends in a predicate and か."""
    if QUESTION_WORDS.search(s.joined):
        return ""
    sentences = re.split(r"(?<= [。?]) (?=\S)", s.joined)
    # The sentence that asks: the last one that ends with a question mark, when a remark follows
    # it (…なくなったんでしょうか？保育所の方は足りないって聞きますが。).
    asking = [part for part in sentences if part.rstrip().endswith("?")]
    # …ちゃんとやれてるの？進み具合を教えて: a request after it asks too, and it asks last.
    remark = not sentences[-1].rstrip().endswith("?") and not REQUEST.search(sentences[-1])
    last = " " + (asking[-1] if asking and remark else sentences[-1]).strip() + " "
    last = TRUE_THAT.sub("", last)  # 値下げされたって本当ですか asks whether it was 値下げ
    last = SAID_SO.sub("", last)  # 目標は達成できたと言えますか asks whether it was 達成
    last = STATED_SO.sub("", last)  # 見直しも検討するとしていますか asks whether it is 検討
    last = EVER_DONE.sub(r" \1 ", last)  # 開催されたことがありますか asks whether it was 開催
    if not YES_NO_END.search(last) or REQUEST.search(last):
        return ""
    core = AFTER_PREDICATE.sub(" ", YES_NO_END.sub(" ", last)).split()
    if len(core) > 1 and core[-1] in LIGHT_GOING and core[-2] in adjectives(s):  # うまく|いってる → 旨い
        return core[-2]
    if len(core) > 1 and core[-1] in ("様", "よう") and (last.find(" 成る ") > 0 or last.find(" 為る ") > 0):
        # 払えるようになったの, 見られるようにしたの: よう(だ) only says "come to" or "make it
        # so"; the verb before it is asked
        verbs = [w for w in core[:-1] if w not in VOICE]
        return verbs[-1] if verbs else ""
    if len(core) > 1 and core[-1] in ("に", "と") and last.find(" 成る ") > 0:  # 対象になっていますか → 対象
        return core[-2]
    if len(core) > 1 and DONE_AFTER_PARTICLE.search(YES_NO_END.sub(" ", last)):  # リニューアルはした → リニューアル
        return core[-2]
    if core and core[-1] in ("も", "でも") and STILL.search(last) and " 有る " in last:
        return "有る"  # 今もありますか: whether it still exists, yes or no
    if len(core) > 1 and core[-1] in ("は", "が", "って") and core[-2] in PLAN_NOUNS and " 有る " in last:
        return core[-2]  # 開く予定はあるんですか: whether it is planned
    if len(core) > 1 and core[-1] == "出来る" and nouns(s, core[-2]):
        return core[-2]  # 達成できたの, 設置できたのでしょうか: the noun done is asked
    if len(core) > 2 and core[-1] == "出来る" and core[-2] in ("は", "も") and nouns(s, core[-3]) \
            and action_noun(core[-3]) and core[-3] not in PLAN_NOUNS:
        # 開発はできたのでしょうか asks 開発できた; 駐車場はできた asks that it was made, and so does
        # 長寿命化計画はできた (a plan is made, as a thing is)
        return core[-3]
    ongoing = core[-3:-2] in (["居る"], ["てる"]) and core[-2] not in FORMAL_NOUNS
    if len(core) > 3 and core[-1] in ("は", "が", "って") and (core[-3] in ("た", "だ") or ongoing) \
            and " 有る " in last \
            and (core[-2] in EXAMPLE_NOUNS or nouns(s, core[-2]) and not re.fullmatch(ROW, core[-2])):
        # 実現した事例ってありますか, 成約した物件ってあるの, 活動を休んでいる団体はあるんですか:
        # whether it happened or happens, the verb before the noun (…した取組はありますか asks for
        # the rows, 始めようとしていることってありますか what is being done)
        done = [w for w in core[:-2] if w not in ("た", "だ", "為る", "て", "で", "居る", "てる")]
        if done:
            return done[-1]
    if len(core) > 1 and core[-1] == "に" and core[-2] in ALL_OF and " 有る " in last:
        return "有る"  # 9つの地区全部にあるの: whether it is in all of them, yes or no
    if len(core) > 3 and core[-1] in LIGHT_DOING and core[-3:-1] == ["為る", "て"] and nouns(s, core[-4]):
        return core[-4]  # 連携してやってますか: the act is 連携, やる only says it is done
    if len(core) > 2 and core[-1] in BENEFACTIVE and core[-2] == "て":
        # 貸してもらえますか: 貸す is asked (もらう only says for whom); 挙げてもらえますか (Sudachi's
        # 上げる) asks for the rows, no yes or no.
        return "" if REQUEST.search(f" {core[-3]} ") or core[-3] == "上げる" else core[-3]
    if not core or core[-1] in ("は", "が", "も", "を", "に", "と", "って"):
        return ""  # 空き家対策は？, 取組はありますか, 取組ってある？: a topic, or existence, not a predicate
    if re.fullmatch(ROW, core[-1]) and " 有る " in last:
        return ""  # …にふれてる施策ある？: whether rows are there, the particle left out in speech
    if any(pattern.search(f" {core[-1]} ") for pattern, _ in NUMBER_PATTERNS):
        return ""  # 依頼文の件数ですか: a quantity asked for
    return core[-1]


# Verbs that after a verbal noun and して only say it is done (連携してやってる, 協力して行っている;
# Sudachi reads the kana of いく and the kanji 行 of 行って as 行く).
LIGHT_DOING = frozenset({"遣る", "行う", "行く"})
# Verbs of receiving or giving after て: for whom the verb before them is done.
BENEFACTIVE = frozenset({"貰う", "頂く", "呉れる"})
# Endings of voice after a verb (見られる, 使わせる): the verb before them is asked.
VOICE = frozenset({"れる", "られる", "せる", "させる"})
# …たことがありますか: whether it was ever done.
EVER_DONE = re.compile(r" (た|だ) (?:こと|事) (?:が|は|も) 有る ")
# …って本当ですか, …というのは本当か: whether what comes before is so (本当 asks, it names nothing).
IS_IT_TRUE = r"本当(?= (?:です |だ |な の |の )?(?:か|\?|。)(?: |$))"
TRUE_THAT = re.compile(r" (?:って|の は) " + IS_IT_TRUE)
# …と言えますか, …と言えるのか: whether what comes before may be said, which is what is asked.
SAID_SO = re.compile(r" (?:と|って) 言う(?= (?:ます |の |ん |です |でしょう )*(?:か|\?)(?: |$))")
# …検討するとしていますか: whether the rows state that intent; the verb before とする is asked
# (a noun before it, 目標としていますか, is no verb: no plain form ends it).
STATED_SO = re.compile(r"(?<=[うくぐすつぬぶむる]) と 為る(?= (?:て |居る |てる |ます |の |ん |です |でしょう )*(?:か|\?)(?: |$))")


# Verbs that after an adjective in its adverb form only say "it goes" (うまくいく: Sudachi
# normalises the kana いく of いってる to 言う).
LIGHT_GOING = frozenset({"行く", "言う"})


def nouns(s: Stream, lemma: str) -> bool:
    """Whether ``lemma`` is a noun in the question (達成 of 達成できた)."""
    return any(w.lemma == lemma and w.pos == "名詞" for w in s.words)


def adjectives(s: Stream) -> set[str]:
    return {w.lemma for w in s.words if w.pos == "形容詞"}


# Words for a time to come (今後も続けるの？): no topic words in a question about what is planned.
FUTURE_TIME = words(r"今後|此れ から|此の 先|将来|先行き|次期")
# After a predicate, what makes it past or a present state (終わった, 進んでいる, 導入済み): a fact.
# ちゃう alone is not past (やめちゃうの？ asks what will be done; やめちゃったの has た).
DONE_OR_STATE = frozenset({"た", "居る", "てる", "でる", "済み", "有る"})  # 有る: 置いてあるの (a state)


# Nouns of a direction: a yes/no question ending in one (縮小の方針なのか) asks the direction the
# rows are given, as one ending in a verb of action does (縮小していくの). 予定ですか asks whether
# a sentence says it is planned: a yes/no question.
PLANS = frozenset({"方針", "方向", "方向性"})
# Verbs whose plain non-past says how things are, not what will be done (補助金は出ますか).
STATE_VERBS = frozenset({"成る", "有る", "居る", "出来る", "出る"})
# The potential of a verb of receiving (もらえ, いただけ: Sudachi gives them 貰う, 頂く; before
# んですか or の its plain form is one word, もらえる).
RECEIVED = re.compile(r"(?:もら|貰|いただ|頂)(?:え|け)る?")


# The e-row kana a godan verb's ending takes in its potential form (使う → 使える, 読む → 読める).
POTENTIAL_ENDINGS = dict(zip("うくぐすつぬぶむる", "えけげせてねべめれ"))


def potential(surface: str) -> bool:
    """Whether a verb is the potential form of a godan verb (使える, 申し込める), which Sudachi
    reads as a word of its own normalized to the verb it is formed from."""
    token = next(iter(analyse(surface)), None)
    if token is None or token.pos[0] != "動詞":
        return False
    verb, form = token.normalized, token.dictionary
    return verb != form and verb[-1:] in POTENTIAL_ENDINGS and form == verb[:-1] + POTENTIAL_ENDINGS[verb[-1]] + "る"


def intends(s: Stream, predicate: str) -> bool:
    """Whether a yes/no question asks what will be done: its predicate is a verb of action in
    the plain non-past (続けるの？ やめるの？ 拡大していくんですか), neither past nor a state
    (終わったの？ 進んでいますか, 対象になりますか, 補助金は出ますか: whether it is given). A noun
    predicate (実施する予定ですか) asks whether a sentence says so: a yes/no question."""
    at = max((i for i, w in enumerate(s.words) if w.lemma == predicate), default=None)
    if at is None:
        return False
    after = s.words[at + 1:]
    if any(w.lemma in DONE_OR_STATE for w in after) or predicate in STATE_VERBS:
        return False
    if (after[:1] and after[0].lemma in ("れる", "られる") or potential(s.text[s.words[at].start:s.words[at].end])) \
            and not FUTURE_TIME.search(s.joined):
        # 図書館でも見られますか, Wi-Fi使えるの: whether one can, a state (今後も続けられますか: what will be done)
        return False
    received = after[1:2] if after[:1] and after[0].lemma == "て" else []
    offered = received and (RECEIVED.fullmatch(s.text[received[0].start:received[0].end]) or received[0].lemma == "呉れる")
    if offered and not FUTURE_TIME.search(s.joined):
        return False  # 貸してもらえますか, 貸してくれる？: whether the city offers it, a state, as 見られますか is
    verb = s.words[at].pos == "動詞" or (after[:1] and after[0].lemma == "為る")
    # 中止になるんですか, 打ち切りになるの: an act that will come about (対象になりますか: a state)
    comes_about = [w.lemma for w in after[:2]] == ["に", "成る"] and action_noun(predicate)
    return bool(verb or comes_about) and s.words[at].pos != "形容詞"


def number_unit(s: Stream) -> tuple[str, str] | None:
    """``(unit, cue)`` of a number question, or None."""
    for pattern, unit in NUMBER_PATTERNS:
        m = pattern.search(s.joined)
        if m:
            return unit, s.written(m)
    for word, after in zip(s.words, s.words[1:]):
        if word.lemma == "何" and after.pos in ("名詞", "接尾辞") and after.lemma not in NOT_COUNTERS \
                and len(after.lemma) <= (5 if KATAKANA_ONLY.fullmatch(after.lemma) else 3):  # a loanword is longer: 何カップル
            return after.lemma, s.text[word.start:after.end]
    return None


# The words of asking, wherever they stand: no topic words, whatever the kind. Question words
# and the verbs of asking (どこ, 何, 教えて) are framing for the search already; these are the
# nouns a question asks with (担当課, 時期, 件数, 状況, 方針, 理由).
ASKING = words(r"(?:計画|予定|目標) 通り"  # 計画どおり進んでいる: how it goes, which the grades say
               r"|(?:どの|どこ の|どちら の|何) (?:課|部署|部局|部)|(?:どの|どれ) (?:程度|くらい|位|ぐらい)|(?:担当|所管) (?:課|部署|部局)|部署|部局"
               r"|(?:担当|所管)(?= (?:は|を|が|の|為る|し|て|居る|です|だ|な))"
               r"|時期|日程|何 (?:年度|年|月|日|時)|年度 は"
               r"|件数|人数|回数|総数|(?:(?<= の )|(?<= 施策 )|(?<= 事業 )|(?<= 取り組み ))数(?= (?:は|が|って|を|に つく) )"  # 施策の数は, 施策数について
               r"|何 (?:件|人|名|回|箇所|個|項目|校|団体|施設|台|世帯|倍|種類|%|パーセント|割"
               r"|km|キロ|メートル|m|ha|ヘクタール)"
               r"|" + HOW_IT_FEELS + r"|状況|(?:進む )?具合|進捗|実績|成果|結果|課題|評価|様子|現状"
               r"|方針|予定|見通し|見込み|将来|積もり|考え|方向 性|方向性|方向|計画 は|(?<= 今後 の )展開"  # 縮小していく方向の事業
               r"|理由|原因|要因|(?:訳|背景|経緯)(?= (?:は|を|が|に は))|事情(?= (?:は|を|が|に は|から|で))"
               r"|(?<=何 が )" + OBSTACLE +
               r"|一覧|名前|名称|内容|中身|詳細|概要|内訳|全部|合計|全体|幾つ|幾ら|割合|比率"
               # 連絡網をつなぐ話、まとまった？: the matter asked about (…の話が出てくる: see ``analyse``)
               r"|話(?= (?:は|が|って|、|の|も|を|です|だ|\?) )(?! (?:が|は) (?:出る|載る|登場))"
               r"|何[一-龯ぁ-ゖ]+"  # 何語, 何色: one word Sudachi knows, which asks what kind
               # 具体的にお示しください, 具体的に何をしてきたの, 具体的な数字: how much detail is
               # wanted; the documents use it only as such a modifier (具体的な取組), never as a topic.
               r"|具体 的"
               # The facets' names end in 区分 (進捗区分, 取組区分; 評価区分 says either): asked for.
               r"|区分"
               r"|[0-9]+ (?:年間|か月|箇月|ヶ月)"  # 5年間で: how long, not what
               # How rows are counted (行単位で, 所管課ごとの行で数えて): no topic.
               r"|(?:行|課|件) (?:単位|毎)|(?:単位|毎) の (?:行|評価(?= で 数える ))|数える"
               r"|(?:今|現在) (?:で )?も|今 でも"  # 今も委託していますか: when, not what
               r"|(?:(?<=って )|(?<=の は ))" + IS_IT_TRUE)


def asking_spans(text: str) -> list[tuple[int, int]]:
    """Where the words of asking are in ``text``."""
    s = stream(text)
    # Verbs stay in the query (they rank), except inside a word of asking: 進み|具合. A word of
    # asking in the middle of a compound is part of a name (人事|評価|制度; not 評価|対象, 取組|評価).
    return [span for m in ASKING.finditer(s.joined) if not s.words[s.last_word(m)].inner
            for span in s.word_spans(m, verbs=len(m.group(0).split()) > 1)]


# A question that offers another answer after the first (…拡充していくの？それとも今のまま？).
OR_ELSE = re.compile(r"(?<=[?？])\s*(?:それとも|或いは|あるいは|若しくは|もしくは)[^?？。]*[?？。]?\s*$")
# A question asked only if the first is answered yes (改訂されましたか？改訂したならいつ？).
IF_SO = re.compile(r"(?<=[?？])\s*[^?？。、]{0,12}?(?:なら|たら|れば|のであれば)[、,]?[^?？。]*[?？。]?\s*$")


def predicate_span(text: str) -> tuple[int, int] | None:
    """Where a yes/no question's predicate is (導入 in 導入されましたか): its last occurrence
    before any question that follows it (…ますか？やってるなら何回？)."""
    following = OR_ELSE.search(text) or IF_SO.search(text)
    s = stream(text[:following.start()] if following else text)
    predicate = yes_no_predicate(s)
    found = [i for i, w in enumerate(s.words) if w.lemma == predicate]
    if not found:
        return None
    end = found[-1]
    while end + 1 < len(s.words) and s.words[end + 1].pos == "接尾辞":  # 購入済み
        end += 1
    return s.words[found[-1]].start, s.words[end].end


def asks_status(text: str) -> bool:
    """Whether the question also asks how far things have come (進捗状況と今後の方針)."""
    return bool(STATUS.search(stream(text).joined))


WHERE = words(r"どこ|何処")


def asks_where(text: str) -> bool:
    """Whether the question asks where (どこの地区に, どこがありますか)."""
    return bool(WHERE.search(stream(text).joined))


GRADE_GIVEN_WORDS = 6  # words from a filter to the grade it gives (〓 に 成る て 居る 評価)


def grade_given_before(joined: str, at: int) -> bool:
    """Whether a filter (its placeholder 〓) stands a few words before a grade asked as a score:
    Eになっている評価はいくつ counts the rows so graded; 第6章の「…」、…の取組は進捗いくつ names
    the chapter of the one row whose grade is asked."""
    before = joined[:at]
    return "〓" in before and len(before[before.rindex("〓"):].split()) <= GRADE_GIVEN_WORDS


def read_kind(text: str) -> Kind:
    """The kind of question ``text`` (with its filters already blanked out) asks; of a question
    that offers alternatives, the kind of the first (the others are its other answers), as of one
    that asks more only if the first is answered yes."""
    alternative = OR_ELSE.search(text) or IF_SO.search(text)
    if alternative:
        first = read_kind(text[:alternative.start()])
        return dataclasses.replace(first, spans=first.spans + ((alternative.start(), alternative.end()),))
    s = stream(text)
    aggregate = read_aggregate(s)
    if aggregate:
        return aggregate
    score = GRADE_AS_SCORE.search(s.joined)
    if score and not grade_given_before(s.joined, score.start()):
        return Kind("status", s.written(score), spans=cue_spans(s, score, "status"))
    for kind, pattern in KIND_PATTERNS:
        m = pattern.search(s.joined)
        if m and not (kind == "who" and copies_asked(s, m)):
            # the cue as shown: without the blanked filter it may start with (〓になっているのはいくつ)
            return Kind(kind, s.written(m).lstrip("〓"), spans=cue_spans(s, m, kind))
    predicate = yes_no_predicate(s)
    if predicate and predicate not in EVALUATIVE and (intends(s, predicate) or predicate in PLANS) \
            and not STILL.search(s.joined) and not NOW.search(s.joined):  # 今歩けるの asks how things are now
        # 今後は続けるんですか、やめるんですか: the direction the rows are given answers it.
        cues = [m for m in FUTURE_TIME.finditer(s.joined)]
        return Kind("future", predicate, spans=tuple(span for m in cues for span in s.word_spans(m)),
                    predicate=predicate)
    if predicate:
        return Kind("yesno", predicate, predicate=predicate)
    if not HOW_FAR.search(s.joined):
        number = number_unit(s)
        if number:
            return Kind("number", number[1], unit=number[0], spans=quantity_noun_spans(s, number[0]))
    for kind, pattern in LATER_PATTERNS:
        m = pattern.search(s.joined)
        if m:
            return Kind(kind, s.written(m), spans=cue_spans(s, m, kind))
    return Kind("")


def copies_asked(s: Stream, m: re.Match) -> bool:
    """Whether 何部です asks how many copies: of a thing a clause before says was made or handed
    out (中学3年生に配った啓発冊子は何部でしたか), not which bureau does a work (空き家対策は何部ですか)."""
    if not s.joined[m.start():m.end()].endswith("部") or not s.joined.startswith(" です ", m.end()):
        return False
    return any(w.pos == "動詞" for w in s.words[:s.last_word(m)])


def cue_spans(s: Stream, m: re.Match, kind: str) -> tuple[tuple[int, int], ...]:
    """The words of a cue that are not topic words: all of them, except the noun a fact
    question asks about (どのような手法: 手法 stays a topic word)."""
    if kind not in BLANKED:
        return ()
    if kind == "fact" and m.group(0).startswith(("どのような", "どんな", "どういう", "どの よう")):
        start = s.span(m)[0]
        return ((start, s.words[next(i for i, o in enumerate(s.offsets) if o >= m.start())].end),)
    # Every cue of the kind: 今後どう進めていくつもり blanks 今後 and つもり. A status question asks
    # about a topic's rows as a whole: its verbs (進んでいますか, うまくいってる) neither select
    # nor rank them (a row that says 順調に進んでいる is no more about the topic than the others).
    patterns = [m.re] + ([STATUS] if kind == "status" and m.re is not STATUS else [])
    return tuple(span for pattern in patterns for cue in pattern.finditer(s.joined)
                 for span in s.word_spans(cue, verbs=kind == "status"))


# After the first of two quantities asked: 何件で、そのうち…何件ですか.
# Or after a verb in its て form: 何件送って、そのうち何件が解消したの.
NEXT_QUESTION = re.compile(r"^(?:[一-龯]{0,2}[ぁ-ゖ]{0,3}?[てで](?=、))?(?:です|でした)?(?:か)?(?:で|と|、|,|。|\?|？)+")


def two_quantities(text: str) -> tuple[str, str] | None:
    """A question that asks two quantities in a row, as two questions, else None:
    「依頼文は何件で、そのうち解消したのは何件ですか」 → 「依頼文は何件ですか」, 「そのうち解消したのは何件ですか」."""
    s = stream(text)
    cues = sorted((m for pattern, _ in NUMBER_PATTERNS for m in pattern.finditer(s.joined)), key=lambda m: m.start())
    if not cues:
        return None
    end = s.span(cues[0])[1]
    after = NEXT_QUESTION.match(text[end:])
    second = next((m for m in cues if s.span(m)[0] >= end + after.end()), None) if after else None
    if second is not None and after.group(0) in ("、", ",", "と"):
        # Two quantities of one predicate (何件、総額いくら交付されたの): each asked with it, and
        # with what is said before the first (農業機械の購入補助は、…に).
        start, (later, later_end) = s.span(cues[0])[0], s.span(second)
        return text[:end] + text[later_end:], text[:start] + text[later:]
    if second is not None:
        return text[:end] + "ですか", text[end + after.end():]
    # Or two sentences, each asking one (…何件扱ったんですか？ついでに…の件数も教えてください).
    sentences = [part for part in SENTENCE_END.split(text) if part.strip()]
    if len(sentences) != 2 or not number_unit(stream(sentences[0])):
        return None
    if number_unit(stream(sentences[1])):
        return sentences[0], sentences[1]
    # Or the second only names what else is counted (…登録件数は何件ですか。あと成約は？): it
    # asks as the first does.
    also = ALSO_THIS.match(sentences[1])
    return (sentences[0], also.group("topic") + "は" + sentences[0][s.span(cues[0])[0]:]) if also else None


def time_then_quantity(text: str) -> tuple[str, str] | None:
    """A question that asks when, then how many after a comma, as two questions, else None:
    「いつから始まって、何人受けたの」 → 「いつから始まって」, 「何人受けたの」."""
    comma = re.search(r"[、,]", text)
    if comma is None:
        return None
    first, second = text[:comma.start()], text[comma.end():]
    if not WHEN_ASKED.search(first) or not number_unit(stream(second)):
        return None
    return first, second


# A question that names only another thing (あと成約は？, それと補助件数も？).
ALSO_THIS = re.compile(r"^\s*(?:あと|それと|それから|また|ついでに|じゃあ)[、,]?\s*(?P<topic>[^、。?？\s]{1,20}?)(?:は|って|も)\s*[?？]\s*$")


SENTENCE_END = re.compile(r"(?<=[?？。])")
