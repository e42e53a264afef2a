"""Filters written into the text: departments, grades, legend labels, everyday grade words and
chapters. What is read as a filter is never matched as text.

- Departments by name (都市計画課), by the end of a name (観光課 → 商工観光課) or by a distinctive
  part (地域振興 → 地域振興課) that the documents do not use as a word; a name that is also a
  word of the text (図書館) only as the subject of work (図書館の取組, 図書館が担当).
- Grades by code with any particle around it (進捗D, D評価, 進捗区分もD, 方向性がウ, 取組区分が「い」),
  by the legend's wording (「ある程度進んでいる」 is C, 「検討等は進めているものの未実施」 is お), and
  by the everyday words of data/grade_words.tsv (遅れている → D・E, 廃止になった → エ).
- Chapters by number (第4章, 4章) or by title (ささえあいのまちづくり).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz.distance import OSA

from index.analysis import hiragana_only, morphemes, normalize, normalized_words_text, sub_morphemes
from index.grades import FACET_NAMES_JA, GRADES

from .model import FilterReading, Mention
from .tokens import ASKED_ROWS, FORMAL_NOUNS, NEGATING_PREFIXES, PARTICLE_VERBS, ROW_NOUNS, analyse, hiragana, reading

# Words for "a grade" of any kind: which kind is said by the code's alphabet.
GENERIC_GRADE_WORDS = ("評価", "区分", "ランク", "判定", "グレード")
# After a code, what says it is the grade of the rows asked for (Dの取組, Eとなっている).
ROWS_CALLED = ("の取組", "の取り組み", "の施策", "のもの", "の事業", "となって", "とされ", "になって", "と評価",
               "の評価")
SEPARATORS = r"(?:\s*(?:とか|か|または|又は|もしくは|・|、|,|と|や|及び|および|/)\s*)"
BETWEEN = r"[\sぁ-ゖ「『\"'=:、]{0,8}?"
# Effort codes are hiragana themselves: between the name and the code only a particle (取組区分が
# 「え」), or 取組はどれでしょう would read as う.
BETWEEN_KANA = r"[\s「『\"'=:、]*(?:[ぁ-ゖ]{1,2}[\s「『\"'=:、]*)?"
# An effort code (hiragana) ends before a particle, a copula (取組区分がえなのは, えだった) or a mark.
CODE_BOUNDARY = {"progress": r"(?![A-Za-z0-9])", "effort": r"(?=[のはがでとやをにもか、。」』\"'\s()（）?？]|な[のん]|だ|$)",
                 "direction": r"(?![ァ-ヺー])"}
# A grade code in brackets after the words that describe it (遅れている（D）), for the codes of
# ``code_class``; after a legend label's words, also after their inflection (達成してる（A）).
BRACKETED_CODE = r"\s*[(（]\s*(?P<code>{code_class})\s*[)）]"
CODE_CLASS = {"progress": "[A-Ea-e]", "effort": "[あいうえお]", "direction": "[アイウエオ]"}
CODE_GLOSS = re.compile(r"[ぁ-ゖ]{0,6}" + BRACKETED_CODE.format(code_class="|".join(CODE_CLASS.values())))
# What a department name is followed by when it is the subject of the work, not a word (the verbs
# also in kana: が|かかわっている).
DEPARTMENT_CUE = re.compile(r"^(?:(?:の(?:取組|取り組み|事業|施策|担当|所管|管轄|受け持ち)"
                          # 博物館だけが所管, 博物館が単独で所管: its rows alone (see ask.question.ALONE)
                          r"|(?:だけ|のみ)?[がで](?:単独で|だけで|のみで)?"
                          r"(?:担当|所管|管轄|実施|関わ|かかわ|関与|携わ|たずさわ|受け持)"
                          r"|所管|担当|管轄)(?:課|部署|部局)?"
                          # …が所管課に入っている施策: one of its departments
                          r"(?:に(?:入っ|含まれ)て(?:い)?る)?)")
# Words for a department, then its name in brackets (まちの計画を担当している課（都市計画課）).
DEPARTMENT_GLOSSED = re.compile(r"[^\s\0、。「」()（）]{1,20}(?:課|部署|部局|担当)[(（]\s*$")
SECTION_NAME = re.compile(r"([一-龥ァ-ヺー]{2,12})課(?![題程税長])")
GENERIC_SECTIONS = frozenset({"担当", "所管", "関係各", "関係", "主管", "担当部", "関係部"})
KANJI_NUMBERS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
                 "九": "9", "十": "10"}
QUOTED = re.compile(r"[「『\"“]([^」』\"”]{1,80})[」』\"”]")
# Words that follow a legend phrase when it describes the rows asked for.
# Or quoted by と/って before them: 「…進んでいる、という評価の取組」, 「…とされた事業」.
# Or only its inflection before the end of the text or a space (農業 順調に取り組めた), but not
# a question's (いつ終了しましたか asks about the rows, it does not describe them).
ROW_AFTER = re.compile(r"^(?:[^、。？?\s]{0,10}?|[ぁ-ゖ]{0,12})(?:取組|取り組み|もの|施策|事業)|^[ぁ-ゖ]{0,6}(?<!か)(?:\s|$)"
                       r"|^[ぁ-ゖ]{0,6}[、,]?\s*(?:と|って)[ぁ-ゖ]{0,6}(?:評価[ぁ-ゖ]{0,4})?[^、。？?\s]{0,6}?"
                       r"(?:取組|取り組み|もの|施策|事業|の(?:は|が))"
                       r"|^[ぁ-ゖ]{0,8}?の(?:は|が)"  # 目標を達成できたのはどれ: の stands for the rows
                       # ある程度進んでる、っていう評価がいちばん多い: the words are the grade's (not in
                       # …達成したという評価ですか, which asks it)
                       r"|^[ぁ-ゖ]{0,6}[、,]?\s*(?:という|っていう|って言う)\s*(?:評価|区分|ランク)(?:[がのをに]|で(?!す))")
# A clause quoted by という before the rows (達成にはまだ遠いけど一部は手をつけた、という進捗
# 評価の施策, …ってのは何件: の stands for them): all of it up to という describes their grade,
# in the asker's words. Not before a question's end (…を達成したという評価ですか asks what the
# evaluation says).
QUOTED_CLAUSE = re.compile(r"(?P<clause>[^。？?\0「」]{0,20}?)[、,]?\s*(?:という|っていう|って言う|とされ|みたいな|って)"
                           r"(?:[^、。？?\s]{0,8}?(?:取組|取り組み|もの|施策|事業)|(?:(?:なって|されて)(?:い)?る)?の(?:は|が|って)?)")
# A run of the question's words may skip this many of a label's words (期限内に完了・終了した:
# 期限内に事業が完了・終了したもの without 事業), or half as many as it has (順調に進んでて達成が
# 近い: B without 計画目標).
MAX_LABEL_GAPS = 1
INFLECTION_TO_END = re.compile(r"[ぁ-ゖ]{1,6}(?=\s|$)")
VERB_STEM = re.compile(r"^.*[一-龯々](?=[ぁ-ゖ]*[うくぐすつぬぶむる]$)")  # up to a verb's last kanji
LEGEND_SKIP = frozenset({"物", "為る", "居る", "成る", "有る", "おる", "事", "取り組み", "もの"})


def grade_names() -> dict[str, tuple[str, ...]]:
    """Words that name each grade kind: the legend's heading and its own distinctive nouns
    (進捗区分 → 進捗, 今後の方向性 → 方向性), each also in hiragana; a noun shared by two headings
    (区分) names none."""
    nouns = {kind: [normalize(m.surface()) for _, m in morphemes(FACET_NAMES_JA[kind])
                    if m.part_of_speech()[0] == "名詞" and m.part_of_speech()[2] != "副詞可能"]
             for kind in GRADES}
    shared = {n for kind in nouns for n in nouns[kind] if sum(n in other for other in nouns.values()) > 1}
    names = {}
    for kind in GRADES:
        own = [n for n in nouns[kind] if n not in shared]
        # 取組 and 取り組み are one word; both spellings are typed, and 進捗状況 for 進捗.
        spellings = {m for n in own for m in (n, n.replace("組", "り組み"), n + "状況") if m}
        # Each as read (しんちょく for 進捗): the dictionary's reading, since kana is typed for kanji.
        spellings |= set(name_readings(spellings))
        names[kind] = tuple(sorted({normalize(FACET_NAMES_JA[kind]), *spellings}, key=len, reverse=True))
    return names


def name_readings(names) -> dict[str, str]:
    """Each name in hiragana, as its dictionary reading, to the name (しんちょく → 進捗)."""
    return {hiragana(reading(analyse(n))): n for n in names}


GRADE_NAMES = grade_names()
# The names typed in hiragana, to the kanji (ほうこうせい → 方向性): Sudachi cuts them apart (しん|ちょく).
KANA_GRADE_NAMES = name_readings(n for names in GRADE_NAMES.values() for n in names if not hiragana_only(n))


# A code may be quoted on its own inside a list (取組区分が「え」か「お」).
QUOTE_START, QUOTE_END = r"[「『\"']?", r"[」』\"']?"


def _code_pattern(kind: str, named: bool) -> re.Pattern:
    code = CODE_CLASS[kind]
    # Each code may be quoted: 「え」か「お」.
    codes = f"(?P<codes>{code}(?:{QUOTE_END}{SEPARATORS}{QUOTE_START}{code})*){CODE_BOUNDARY[kind]}"
    if named:
        names = "|".join(map(re.escape, GRADE_NAMES[kind] + GENERIC_GRADE_WORDS))
        return re.compile(f"(?:{names}){BETWEEN_KANA if kind == 'effort' else BETWEEN}{codes}")
    before = r"(?<![A-Za-z0-9ァ-ヺー])" if kind != "effort" else r"(?<![ぁ-ゖ])"
    # D評価, Dランク; or a code as what rows are: Dの取組, Eとなっている事業.
    after = "|".join(GENERIC_GRADE_WORDS + ROWS_CALLED)
    return re.compile(f"{before}{codes}\\s*(?:{after})")


CODE_PATTERNS = [(kind, _code_pattern(kind, named)) for kind in GRADES for named in (True, False)]
GRADE_WORD_AFTER = re.compile(rf"\s*(?:{'|'.join(GENERIC_GRADE_WORDS)})")
# A progress code typed as a word of its own (危機管理課 D): the documents never use a lone A–E.
LONE_CODE = re.compile(r"(?:(?<=\s)|^)(?P<codes>[A-Ea-e](?:[・、,/][A-Ea-e])*)(?=\s|$)"
                       # or a capital after kana or a comma (防災のA, 取組のうちEは, いちばんAが, 章別で、Eが)
                       # before a particle (Aの子育て) or a copula (Aなのに, Aだけど), never 型 or 地区
                       r"|(?:(?<=[\sぁ-ゖ、。,])|^)(?P<capital>[A-E](?:" + SEPARATORS + "[A-E])*)"
                       # or a gloss in brackets (いちばん下のE（手をつけてない）)
                       r"(?=[のはがでもとを(（]|\s|$|以上|以下|未満|より[上下]|な(?:のに|ので|んだ)|だ(?:けど|が|から))"
                       # or several in brackets of their own (進み具合がよくない（DとかE）施策)
                       r"|(?<=[(（])(?P<listed>[A-E](?:" + SEPARATORS + "[A-E])+)(?=[)）])")
# A progress code and an effort code typed as a pair, as the table gives a row's two grades (Aと「あ」,
# A・あ), before the word that makes them its grades (と評価された, の取組).
PAIRED_CODES = re.compile(r"(?<![A-Za-z0-9ァ-ヺー])(?P<progress>[A-E])" + SEPARATORS + QUOTE_START
                          + r"(?P<effort>[あいうえお])" + QUOTE_END
                          + r"(?=\s*(?:" + "|".join(GENERIC_GRADE_WORDS + ROWS_CALLED) + "))")
# A capital alone in brackets, as a label is written (えーひょうか（A）のもの), once the wording and
# grade words that a bracketed code may follow (遅れている（D）) have been read with theirs.
BRACKETED_CAPITAL = re.compile(BRACKETED_CODE.format(code_class="[A-E]"))
# A code compared (B以上, C以下, C未満): the grades on that side of it, best first as the legend lists them.
COMPARED = re.compile(r"\s*(?P<side>以上|以下|未満|より上|より下)")


class Blanker:
    """The text with the spans already read replaced by blanks, so that they are read once."""

    def __init__(self, text: str, protected: list[tuple[int, int]], searching: bool = False,
                 count_rows: Callable[[str], int] | None = None):
        self.original = text
        self.text = text
        self.protected = protected
        self.read: list[Mention] = []  # the mentions read so far
        self.searching = searching  # see read_filters
        self.count_rows = count_rows  # text -> rows that contain it, when the caller can count
        self.framing: list[tuple[int, int]] = []  # spans read as no condition (see FilterReading)

    def free(self, start: int, end: int) -> bool:
        inside = any(a < end and start < b for a, b in self.protected)
        return not inside and not self.text[start:end].isspace() and "\0" not in self.text[start:end]

    def take(self, start: int, end: int) -> None:
        self.text = self.text[:start] + "\0" * (end - start) + self.text[end:]

    def frame(self, start: int, end: int) -> None:
        """Take a span that frames the request: read, but no filter and no topic."""
        self.take(start, end)
        self.framing.append((start, end))

    def rest(self) -> str:
        return self.text.replace("\0", " ")


def read_filters(text: str, corpus, searching: bool = False,
                 count_rows: Callable[[str], int] | None = None) -> FilterReading:
    """Every filter the text names; ``rest`` is the text with their mentions blanked.

    ``text`` should be NFKC-normalized. Quoted spans and words after ``-`` are left as written:
    quoting a word is how a user says "this is text, not a filter". ``searching``: the text is
    a search, not a question read by ``search.ask`` (which keeps grade words it asks about as
    words itself): a grade word asked when (いつ頃完成しますか) is the event, no filter.
    ``count_rows`` (text -> rows that contain it): a grade word the rows write after the same
    noun (発達に遅れ) is their word, no filter.
    """
    # A quoted grade code (取組区分が「え」) is still a code: quotes only make words text.
    protected = [(m.start(), m.end()) for m in QUOTED.finditer(text) if not _quoted_code(m.group(1))]
    protected += [(m.start(), m.end()) for m in re.finditer(r"(?:(?<=\s)|^)-\S+", text)]
    blanker = Blanker(text, protected, searching, count_rows)
    mentions: list[Mention] = []
    # Chapter titles before everyday grade words: 緑豊かな of a title is no grade (豊か, 充実).
    for reader in (_grade_ranges, _grade_codes, _legend_labels, _chapters, _grade_words, _bracketed_codes,
                   _departments, _documents):
        mentions += reader(blanker, corpus)
        blanker.read = mentions
    mentions = sorted(mentions, key=lambda m: m.start)
    return FilterReading(text, blanker.rest(), filters_of(mentions), mentions, blanker.framing)


def filters_of(mentions) -> dict[str, list[str]]:
    """``facet -> values`` of the mentions, in their order, each value once."""
    filters: dict[str, list[str]] = {}
    for mention in mentions:
        values = filters.setdefault(mention.facet, [])
        if mention.value not in values:
            values.append(mention.value)
    return filters


# A gloss in brackets right after a code says what the code means in the writer's words
# (お（検討はしてるけどまだ実施していない）): it is part of the code's mention, not a topic,
# also after the quote that closes a quoted code (「お」（検討は進めてるけど未実施）).
GLOSS = re.compile(r"\s*[(（][^()（）]{1,40}[)）]")
# The bracket that closes one opened before a mention (目標達成（A評価）, …課（都市計画課）).
BRACKET_CLOSED = re.compile(r"\s*[)）]")
QUOTE_CLOSE = re.compile(r"[」』\"”]")


def _quoted_code(quoted: str) -> bool:
    """Whether a quoted phrase names a grade by its code: 「A」, 「A（目標達成）」, 「目標達成（A）」."""
    quoted = quoted.strip()
    return any(re.fullmatch(CODE_CLASS[kind] + f"(?:{GLOSS.pattern})?", quoted) for kind in GRADES) \
        or bool(re.search(BRACKETED_CODE.format(code_class="[A-E]") + r"$", quoted))


def _kana_codes_are_words(text: str, m: re.Match) -> bool:
    """Whether the effort codes (hiragana) a pattern read end where a word ends as Sudachi cuts
    the text: 評価はいかが holds no code い, since い begins the word いかが (取組評価がいの取組
    does: Sudachi reads がい, but it ends with the code), and what the word holds before the code
    is a particle at most (評価はどうですか holds no code う: ど is none)."""
    tokens = {t.end: t for t in analyse(text)}
    first = m.start("codes")
    for i, c in enumerate(m.group("codes")):
        token = tokens.get(first + i + 1)
        if re.fullmatch(CODE_CLASS["effort"], c) and (
                token is None or text[token.start:first + i] not in ("", *CODE_PARTICLES)):
            return False
    return True


# Particles Sudachi may read with a hiragana code as one word (取組評価が|い → がい).
CODE_PARTICLES = ("は", "が", "も", "を", "の", "と", "で", "に", "って")


def described_words(reading: FilterReading, corpus) -> frozenset[str]:
    """The content words of the legend labels of the grades read from the text, and the words
    that name a grade (進捗に遅れ: 進捗 says which grade 遅れ is, it is not a topic)."""
    words = set()
    for mention in reading.mentions:
        label = corpus.labels.get(mention.facet, {}).get(mention.value)
        if label:
            words |= _legend_words(label) | set(GRADE_NAMES[mention.facet]) | set(GENERIC_GRADE_WORDS)
        if mention.facet == "direction":
            words |= PLANNED  # 廃止・休止する予定の事業: the direction is what is planned
    return frozenset(words)


def scale_words(corpus, facet: str) -> frozenset[str]:
    """The content words of every legend label of ``facet``: what its grades are measured by
    (計画, 目標 of 計画目標の達成が近い)."""
    return frozenset(w for label in corpus.labels.get(facet, {}).values() for w in _legend_words(label))


# A row's direction (今後の方向性) is its plan: these words beside one say only that.
PLANNED = frozenset({"予定", "見込み", "方針"})


def _mention(blanker: Blanker, facet: str, value: str, start: int, end: int, how: str,
             worded: bool = False) -> Mention:
    return Mention(facet, value, blanker.original[start:end], start, end, how, worded)


def _grade_codes(blanker: Blanker, corpus) -> list[Mention]:
    found = []
    for m in PAIRED_CODES.finditer(blanker.text):
        if blanker.free(m.start(), m.end()):
            found += [_mention(blanker, kind, m.group(kind), m.start(kind), m.end(kind), "code")
                      for kind in ("progress", "effort")]
            blanker.take(m.start(), m.end())
    for kind, pattern in [*CODE_PATTERNS, ("progress", LONE_CODE)]:
        for m in pattern.finditer(blanker.text):
            if not blanker.free(m.start(), m.end()):
                continue
            if kind == "effort" and not _kana_codes_are_words(blanker.text.replace("\0", " "), m):
                continue
            read = m.groupdict()  # LONE_CODE holds its codes in one of three groups
            codes = re.findall(CODE_CLASS[kind], read.get("codes") or read.get("capital") or read.get("listed"))
            codes = [code.upper() if kind == "progress" else code for code in dict.fromkeys(codes)]
            end = m.end()
            named_after = GRADE_WORD_AFTER.match(blanker.text, end)  # 進捗がA|ランク: the code's word too
            end = named_after.end() if named_after else end
            closed = QUOTE_CLOSE.match(blanker.text, end)
            if closed and GLOSS.match(blanker.text, closed.end()):
                end = closed.end()
            gloss = GLOSS.match(blanker.text, end)
            end = gloss.end() if gloss and blanker.free(end, gloss.end()) else end
            scale = SCALE_BY_EXAMPLE.match(blanker.text, end) if len(codes) > 1 else None
            if scale:  # 評価はAとかBとかでいうと何: the codes stand for their scale, no condition
                blanker.frame(m.start("codes"), scale.end())
                continue
            compared = COMPARED.match(blanker.text, end) if len(codes) == 1 else None
            if compared:
                codes, end = _compared(kind, codes[0], compared.group("side")), compared.end()
            start, end = _glossed_before(blanker, corpus, kind, codes, m.start(), end)
            found += [_mention(blanker, kind, code, start, end, "code") for code in codes]
            blanker.take(start, end)
    return found


# After codes given as examples, the words that make them the scale an answer is put in
# (評価はAとかBとかでいうと何, あ・い・うのなかでどれ).
SCALE_BY_EXAMPLE = re.compile(r"\s*(?:とか|など|なんか)?\s*(?:で(?:言う|いう|言え|いえ|表す|あらわす|表せ)(?:と|ば|なら|たら)"
                              r"|の(?:中|なか|うち)で)")
# Words, then a code in brackets that says what they mean (目標達成（A評価）), or after の (目標達成のA).
GLOSS_BEFORE = re.compile(r"(?P<gloss>[^\s\0、。「」()（）]{2,20})[(（]\s*$")
WORDING_OF = re.compile(r"(?P<gloss>[^\s\0、。「」()（）]{2,20})の\s*$")
# A code glossed by its place on the scale (最低ランクのE, 最高評価のA); the legend lists the best first.
SCALE_END = re.compile(r"(?P<end>最低|最高|最悪|最良|最下位|最上位|(?:一番|いちばん|1番)(?:下|上|低い|高い|悪い|良い|いい))"
                       r"の?(?:ランク|評価|段階|区分)?[(（の]?\s*$")
BEST = re.compile(r"最高|最良|最上位|上|高い|良い|いい")


def _glossed_before(blanker: Blanker, corpus, kind: str, codes: list[str], start: int, end: int) -> tuple[int, int]:
    """The span of a code with the words before it that its label says in other words, in
    brackets after them or after の (目標達成（A評価）, 目標達成のA: 目標に達成しているもの); the
    code's own span otherwise."""
    before = blanker.text[:start]
    closed = BRACKET_CLOSED.match(blanker.text, end)
    place = SCALE_END.search(before)
    if len(codes) == 1 and place and blanker.free(place.start(), start) \
            and list(GRADES[kind])[0 if BEST.search(place.group("end")) else -1] == codes[0]:
        return place.start(), closed.end() if closed else end  # 最低ランクのE: its place on the scale
    gloss = GLOSS_BEFORE.search(before) if closed else WORDING_OF.search(before)
    if len(codes) != 1 or not gloss or not blanker.free(gloss.start(), start):
        return start, end
    wording = find_legend_wording(gloss.group("gloss"), {kind: corpus.labels.get(kind, {})}, described=True)
    if not wording or wording[1] != codes[0]:
        return start, end
    return gloss.start() + wording[2], closed.end() if closed else end


# A range of codes (B〜D, BからD, あ～う): every grade from one to the other, as the legend lists them.
RANGES = {kind: re.compile(rf"{before}(?P<a>{CODE_CLASS[kind]})\s*(?:〜|~|から)\s*(?P<b>{CODE_CLASS[kind]})"
                           rf"(?:まで)?{CODE_BOUNDARY[kind]}")
          for kind, before in (("progress", r"(?<![A-Za-z0-9])"), ("effort", r"(?:(?<![ぁ-ゖ])|(?<=[がはもを]))"),
                               ("direction", r"(?<![ァ-ヺ])"))}


def _grade_ranges(blanker: Blanker, corpus) -> list[Mention]:
    """Codes in a range; a range of every grade (A〜Eの評価) names the facet, not a condition."""
    found = []
    for kind, pattern in RANGES.items():
        for m in pattern.finditer(blanker.text):
            order = list(GRADES[kind])
            a, b = (m.group(g).upper() if kind == "progress" else m.group(g) for g in ("a", "b"))
            if not blanker.free(m.start(), m.end()) or order.index(a) >= order.index(b):
                continue
            codes = order[order.index(a):order.index(b) + 1]
            if len(codes) < len(order):
                found += [_mention(blanker, kind, code, m.start(), m.end(), "code") for code in codes]
            blanker.take(m.start(), m.end())
    return found


def _compared(kind: str, code: str, side: str) -> list[str]:
    """The grades of ``kind`` on ``side`` of ``code`` (B以上: A, B); the legend lists the best first."""
    order = list(GRADES[kind])
    at = order.index(code)
    if side == "以上":
        return order[:at + 1]
    if side == "以下":
        return order[at:]
    return order[:at] if side == "より上" else order[at + 1:]  # より下, 未満


# After a quote, what says it is a grade's wording (「…」という評価, 「…」ランク, 「…」のもの).
# After a predicate, a word that makes it a time (終わった後は, 完了次第).
TIME_AFTER = re.compile(r"\s*(?:後|あと|のち|以降|以後|次第)")
# Before a predicate, a question of when (いつ頃完成しますか): the event is asked about.
WHEN_ASKED = re.compile(r"いつ|何年|何月")
QUESTION_END = re.compile(r"(?:か|の|\?)\s*$")  # …ですか, …の, …？ (typed text is NFKC: ？ is ?)
QUOTED_EVALUATION = re.compile(r"(?:けど|けれど(?:も)?|が|、)[^。？?\0「」]{0,20}?[、,]?\s*"
                               r"(?:という|っていう|って言う|とされ(?:る|た|ている)?|みたいな)(?=\s*(?:評価|ランク|区分|判定))")
# After a quoted label, the verb that gave it (と位置付けられた, に分類されている).
DESIGNATED = re.compile(r"\s*(?:と|に)(?:位置付け|位置づけ|分類|評価|判定|格付け|区分け?)(?:られ|され)?(?:た|て(?:い)?る)?")
GRADE_AFTER_QUOTE = re.compile(r"\s*(?:という|って|との|と)?\s*(?:評価|区分|ランク|判定|の?もの|の?取組|の?施策)")


def _legend_labels(blanker: Blanker, corpus) -> list[Mention]:
    """A legend label quoted or written whole, or two or more of its words in a row."""
    found = []
    labels = corpus.labels
    for m in QUOTED.finditer(blanker.original):
        hit = match_label(m.group(1), labels, bool(EFFORT_NAMED.search(blanker.original)))
        if not hit and GRADE_AFTER_QUOTE.match(blanker.original, m.end()):
            # 「達成にはまだ遠いけど一部は手をつけている」という評価: a label in the asker's words
            wording = find_legend_wording(m.group(1), labels, described=True)
            hit = wording[:2] if wording else None
        if hit and "\0" not in blanker.text[m.start():m.end()]:
            # 「…」ランク, 「…」と位置付けられた: the grade's word, or the verb that grades, too
            named_after = GRADE_WORD_AFTER.match(blanker.text, m.end()) or DESIGNATED.match(blanker.text, m.end())
            end = named_after.end() if named_after else m.end()
            # 「徐々に縮小させていくべき」（ウ）: the label's own code after it is part of the mention
            code = re.match(BRACKETED_CODE.format(code_class=CODE_CLASS[hit[0]]), blanker.text[end:])
            if code and code.group("code").upper() == hit[1].upper():
                end += code.end()
            found.append(_mention(blanker, hit[0], hit[1], m.start(), end, "label"))
            blanker.take(m.start(), end)
    for kind, codes in labels.items():
        for code, label in codes.items():
            target = normalize(label)
            position = normalize(blanker.text).find(target) if len(target) >= 6 else -1
            if position >= 0 and blanker.free(position, position + len(target)):
                found.append(_mention(blanker, kind, code, position, position + len(target), "label"))
                blanker.take(position, position + len(target))
    wording = find_legend_wording(blanker.text, labels)
    if wording and blanker.free(wording[2], wording[3]):
        kind, code, start, end = wording
        # 目標達成（A）: with its code after them, the words name the grade.
        glossed = CODE_GLOSS.search(blanker.text[start:end]) is not None
        found.append(_mention(blanker, kind, code, start, end, "label", worded=not glossed))
        blanker.take(start, end)
    return found


def _legend_words(text: str) -> set[str]:
    return {w for w, _, _ in _content_words(text)}


# Sudachi reads さらに as a conjunction at the start of a label, an adverb inside a sentence.
ADVERB_POS = ("副詞", "接続詞")


def _content_words(text: str, adverbs: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    """The words a legend label is compared by; a compound by its parts (目標達成: 目標, 達成, as
    the label writes 目標に達成). A predicate negated is its word with 未 (実施できてない: 未実施, as
    the label of お writes it; 着手していない: 未着手). Adverbs count only as a label writes them
    (さらに of ア's さらに充実: 今後さらに充実 is ア; もう of 目標をもう達成 says nothing)."""
    tokens = analyse(text)
    words = []
    for i, t in enumerate(tokens):
        if t.pos[0] in ADVERB_POS and SAME_ADVERB.get(t.normalized) in adverbs:
            words.append((SAME_ADVERB[t.normalized], t.start, t.end))  # もっと充実: さらに充実
            continue
        if t.pos[0] not in ("名詞", "形状詞", "形容詞", "動詞") and not (t.pos[0] in ADVERB_POS and t.normalized in adverbs):
            continue
        negated = (t.pos[0] == "動詞" or t.pos[2] == "サ変可能") and _negation_end(tokens, i) is not None
        if negated and t.normalized in REACHING and words and _reached(text, words[-1][2], t):
            word, start, _ = words.pop()  # 実施に至っていない: 未実施, as the label of お writes it
            words.append(("未" + word if not word.startswith("未") else word, start, t.end))
            continue
        if negated and t.normalized in DOING_VERBS:  # まだやれてない: 未実施, as the label of お writes it
            words.append(("未実施", t.start, t.end))
            continue
        # A compound verb is one word (取り組む: 取る and 組む say nothing apart)
        for word in (t.parts if len(t.parts) > 1 and t.pos[0] != "動詞" else (t.normalized,)):
            if word not in LEGEND_SKIP:
                words.append(("未" + word if negated and not word.startswith("未") else word, t.start, t.end))
    return words


# Everyday adverbs for the one a label writes (ア: さらに充実): no synonym group pairs them.
SAME_ADVERB = {"もっと": "更に", "一層": "更に", "より一層": "更に"}
# Everyday verbs of doing (やる, する, 行う); negated, what the legend writes 未実施.
DOING_VERBS = frozenset({"遣る", "為る", "行う"})
# Verbs that say a noun before に was reached (実施に至る); negated, the noun is not done.
REACHING = frozenset({"至る", "到る"})


def _reached(text: str, end: int, token) -> bool:
    """Whether only に (には, まで) stands between a word ending at ``end`` and ``token``."""
    return text[end:token.start] in ("に", "には", "まで", "までは")


def match_label(phrase: str, labels, effort_named: bool = False) -> tuple[str, str] | None:
    """``(kind, code)`` of the legend label a quoted phrase names, or None: the label that contains
    it, else the one whose words cover the phrase's words with the fewest words of its own. A
    phrase both a progress and an effort label contain (「ある程度進んでいる」: C and い) is the
    progress grade, what an evaluation (評価) is, unless the text names the effort grade."""
    folded = re.sub(r"[\s、。,]", "", normalize(phrase))
    if len(folded) < 3:
        return None
    best, best_score, words, contained = None, 0.0, _legend_words(phrase), {}
    for kind, codes in labels.items():
        for code, label in codes.items():
            target = re.sub(r"[\s、。,]", "", normalize(label))
            if folded == target or (len(folded) >= 4 and folded in target) or target in folded:
                score = 2.0 + len(folded) / max(len(target), 1)
                contained.setdefault(kind, (kind, code))
            else:
                label_words = _legend_words(label)
                if not words or not words <= label_words:
                    continue
                score = len(words) / len(words | label_words)
                if score < 0.3:
                    continue
            if score > best_score:
                best, best_score = (kind, code), score
    if best and best[0] == "effort" and "progress" in contained and not effort_named:
        return contained["progress"]
    return best


# Words that name the effort grade itself (取組評価で「…」とされた), not the rows (取組は).
EFFORT_NAMED = re.compile(r"(?:取組|取り組み)(?:区分|評価|の評価)")


def find_legend_wording(text: str, labels, described: bool = False) -> tuple[str, str, int, int] | None:
    """Two or more of a label's words in a row, describing the rows asked for (目標を達成した取組
    → A; うまく進められていない → え): the label that shares the longest run of words (in its
    order, skipping at most one of its words), then the one that skips fewest, then a progress
    label before an effort one unless the effort grade is named (ある程度進んでる: C, not い), then
    the one it covers best, if only one does. ``described``: the text is known to describe a grade
    (quoted before という評価), so nothing need follow the run."""
    adverbs = frozenset(t.normalized for codes in labels.values() for label in codes.values()
                        for t in analyse(label) if t.pos[0] in ADVERB_POS)
    words = [(_stem(word), start, end) for word, start, end in _content_words(text, adverbs)]
    sequences = {(kind, code): [_stem(w) for w, _, _ in _content_words(label, adverbs)]
                 for kind, codes in labels.items() for code, label in codes.items()}
    suffixes = {t.start: t.end for t in analyse(text) if t.pos[0] == "接尾辞"}
    longest = max((len(seq) for seq in sequences.values()), default=0)
    effort_named = bool(EFFORT_NAMED.search(text))
    best, best_score, tied = None, (0, 0, False, 0.0), False
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + longest) + 1):
            run = [w for w, _, _ in words[i:j]]
            end = words[j - 1][2]
            while end in suffixes:  # a suffix is part of its word (目標達成|済み)
                end = suffixes[end]
            # 計画達成にはまだ遠い（D）: the writer names the label's code after it; that says
            # the words describe a grade, wherever they stand.
            gloss = CODE_GLOSS.match(text, end)
            if gloss:
                end = gloss.end()
            aside = None if gloss else GLOSS.match(text, end)
            if aside and ROW_AFTER.match(text[aside.end():]):
                end = aside.end()  # 目標達成済み（いちばん良い評価）のもの: the aside glosses the words
            clause = None if gloss or ROW_AFTER.match(text[end:]) else QUOTED_CLAUSE.match(text, end)
            if "\0" in text[words[i][1]:end] or not (described or gloss or clause or ROW_AFTER.match(text[end:])):
                continue
            for key, sequence in sequences.items():
                if gloss and key[1].upper() != gloss.group("code").upper():
                    continue
                n = len(run)
                gaps = in_order(run, sequence)
                if n / len(sequence) < 0.3 or gaps is None or gaps > max(MAX_LABEL_GAPS, n // 2):
                    continue
                # Words both a progress and an effort label hold in a row (ある程度進んでる: C, い)
                # are the progress grade, what an evaluation is, unless the effort grade is named.
                named = key[0] == ("effort" if effort_named else "progress")
                score = (n, -gaps, named, round(n / len(sequence), 6))
                if score > best_score:
                    inflection = INFLECTION_TO_END.match(text[end:])  # 進ん|でいない: the whole predicate
                    stop = clause.end("clause") if clause else end + (inflection.end() if inflection else 0)
                    best, best_score, tied = (*key, words[i][1], stop), score, False
                elif score == best_score and best and key != tuple(best[:2]):
                    tied = True
    return None if tied else best


def _stem(word: str) -> str:
    """A verb by its kanji (進む and 進める, 取り組む and 取り組める: the label's verb in another
    voice is the same wording); any other word as it is."""
    stem = VERB_STEM.match(word)
    return stem.group(0) if stem else word


def in_order(run: list[str], sequence: list[str]) -> int | None:
    """How many of the label's words ``run`` skips when its words are found in the label in
    order (期限内|完了|終了 in 期限内|事業|完了|終了 skips one), or None when they are not."""
    best = None
    for start in (k for k, word in enumerate(sequence) if word == run[0]):
        position, skipped = start, 0
        for word in run[1:]:
            following = sequence.index(word, position + 1) if word in sequence[position + 1:] else None
            if following is None:
                break
            skipped, position = skipped + following - position - 1, following
        else:
            best = skipped if best is None else min(best, skipped)
    return best


def _grade_words(blanker: Blanker, corpus) -> list[Mention]:
    """The everyday words of data/grade_words.tsv, or a word of the same Sudachi synonym group
    (遅延 shares 遅れ's), used as the table says (alone, as a predicate, or negated: 未着手)."""
    table, groups = grade_word_table(tuple(corpus.grade_words))
    phrases = phrase_table(tuple(corpus.grade_words))
    tokens = analyse(blanker.text)
    legend = "".join(label for labels in corpus.labels.values() for label in labels.values())
    found = []
    for first, token in enumerate(tokens):
        entry, last = None, first  # the word's last token: an idiom's (手|を|つける) is its last word's
        # An idiom that starts with a word comes before the word (達成|に|は|程遠い: D, not 達成: A).
        for words, phrase_entry in phrases:
            if not entry and _forms(tokens[first:first + len(words)]) == words and not _glued(blanker, tokens, first, legend):
                entry, last = phrase_entry, first + len(words) - 1
        entry = entry or table.get(token.normalized) or table.get(token.dictionary) or \
            next((groups[g] for g in token.groups if g in groups), None) or table.get(adjective_of(token))
        if not entry or not blanker.free(token.start, tokens[last].end):
            continue
        kind, codes, use = entry
        start, end = token.start, _predicate_end(tokens, last)
        asked_when = blanker.searching and WHEN_ASKED.search(blanker.text[max(0, start - 12):start])
        if TIME_AFTER.match(blanker.text, end) or asked_when:
            continue  # 整備が終わった後は, いつ頃完成しますか: when, not how far it came
        if use == "predicate" and _modifies_a_thing(blanker, tokens, first, end):
            continue  # 廃止された施設, 休止している団体: what happened to that thing, not a grade
        if _wished(tokens, last, end):
            continue  # ネットで済ませられるようにしてほしい: what the asker wants, not how a row was graded
        asked_after = _asked_after(tokens, end)
        if _asked_of(tokens, first) or asked_after:
            # 消費者教育、これからは何に力を入れていくの, 今後力を入れていくことは何: what the row will do
            blanker.frame(start, asked_after or end)  # is asked; the grade word is no condition and no topic
            continue
        if _rows_write(blanker, tokens, first) or _in_compound_written(blanker, tokens, first, last):
            continue  # 発達が遅れている, はったつのおくれ: the rows' 発達に遅れ, a topic, not a grade
        if use == "any" and kind == "progress":  # 計画どおりに進んでいる: 進む only says it again
            going = next((k for k in range(last + 1, min(last + 3, len(tokens))) if tokens[k].dictionary in GOING),
                         None)
            if going is not None and all(t.pos[0] == "助詞" for t in tokens[last + 1:going]):
                end = _predicate_end(tokens, going)
        if use == "negated":
            negated_by_prefix = first > 0 and tokens[first - 1].surface in NEGATING_PREFIXES
            end = tokens[last].end if negated_by_prefix else _negation_end(tokens, last)
            if end is None:
                continue
            start = tokens[first - 1].start if negated_by_prefix else start
        elif use == "named" or (use == "predicate" and end == tokens[last].end
                                and not _typed_alone(blanker.text, start, end) and not _names_rows(tokens, last)):
            named_by = _facet_named_before(blanker.text[:start], kind)
            named_after = FACET_NAMED_AFTER[kind].match(blanker.text, end) if kind in FACET_NAMED_AFTER else None
            if named_by is None and named_after is None:
                continue
            if named_by is not None:
                start = named_by  # 方向性が縮小, 評価が低い: the facet's name says the word is its grade
            elif not named_after.group("joined"):
                end = named_after.end()  # 縮小の方向: so does the name after it (縮小や廃止の方向: after the last)
            else:
                blanker.frame(end, named_after.end("joined"))  # the や of 縮小や廃止 joins two grades
        # The rest of a clause quoted as the evaluation is more of the same wording (達成には
        # ほど遠いけど一部は手をつけている、っていう評価: D's label in two halves).
        quoted = QUOTED_EVALUATION.match(blanker.text, end)
        if quoted and blanker.free(end, quoted.end()):
            end = quoted.end()
        # A code in brackets after the word says which of its grades is meant: 遅れている（D）.
        # Then it is named as plainly as a code is (a question about one thing keeps a word's
        # mention as its predicate: 達成してる（A） is no predicate).
        named = re.match(BRACKETED_CODE.format(code_class=CODE_CLASS[kind]), blanker.text[end:])
        how = "word"
        if named and named.group("code").upper() in codes:
            codes, end, how = (named.group("code").upper(),), end + named.end(), "code"
        elif blanker.searching and _asks_whether(blanker.text, tokens, last):
            # 職員の数は計画どおり減らせたんですか: whether the topic went so is asked, which its rows'
            # grades answer either way; as a filter it would hide the rows that say no
            blanker.frame(start, end)
            continue
        for code in codes:
            found.append(_mention(blanker, kind, code, start, end, how))
        blanker.take(start, end)
    return found


def _modifies_a_thing(blanker: Blanker, tokens, first: int, end: int) -> bool:
    """Whether the inflected predicate of the grade word at ``first``, ending at ``end``, modifies
    a noun the rows write it with (廃止された施設はいくつ: 530 writes 2施設を廃止; 休止している団体:
    248 writes 活動を休止している団体): it tells what happened to that thing, not how the rows are
    graded (廃止された事業 asks for the rows so graded; やめた理由 asks why they were)."""
    last = next((t for t in tokens if t.end == end), None)
    head = next((t for t in tokens if t.start == end), None)
    if blanker.count_rows is None or last is None or head is None or last.pos[0] not in ("動詞", "助動詞") \
            or head.pos[0] != "名詞" or head.surface in ASKED_ROWS | FORMAL_NOUNS:
        return False
    word = tokens[first].normalized
    return any(blanker.count_rows(head.surface + particle + word) for particle in ("を", "が", "の")) \
        or bool(blanker.count_rows(blanker.text[tokens[first].start:head.end]))


def _names_rows(tokens, last: int) -> bool:
    """Whether the predicate ending at word ``last`` says which rows a noun of rows after it names
    (力を入れる取組: the rows directed so), as a code before it would (アの取組)."""
    return last + 1 < len(tokens) and tokens[last + 1].surface in ROW_NOUNS


def _asks_whether(text: str, tokens, last: int) -> bool:
    """Whether the grade word ending at word ``last`` is the predicate of a yes/no question that
    ends the text (順調ですか, 計画どおり減らせたんですか: at most one verb after it, then only
    auxiliaries and particles), not a word of what is asked for (遅れているものはどれですか,
    完成はいつの予定)."""
    after = tokens[last + 1:]
    verbs = [t for t in after if t.pos[0] == "動詞" and t.pos[1] != "非自立可能"]
    others = [t for t in after if t.pos[0] not in ("動詞", "助動詞", "助詞", "補助記号")]
    return bool(after) and len(verbs) <= 1 and not others and bool(QUESTION_END.search(text))


def _glued(blanker: Blanker, tokens, i: int, legend: str) -> bool:
    """Whether the noun an idiom starts with ends a compound the rows write (定員管理|計画|どおり:
    as the staffing plan says, not as planned) that is not the legend's own wording (計画|達成には
    ほど遠い); 長年|手つかず is no such compound."""
    if i == 0 or tokens[i].pos[0] != "名詞" or tokens[i - 1].pos[0] != "名詞" or tokens[i - 1].end != tokens[i].start:
        return False
    compound = tokens[i - 1].surface + tokens[i].surface
    return compound not in legend and blanker.count_rows is not None and blanker.count_rows(compound) > 0


# Pronouns that ask what (何に, どこを): a grade word they are the argument of asks its content.
ASKING_PRONOUNS = frozenset({"何", "どこ", "何処"})


# Words that ask which kind (どんな人を対象に力を入れる): the clause they are in asks what is done.
ASKING_KIND = frozenset({"どんな", "どのような", "どういう", "どういった"})


def _asked_of(tokens, i: int) -> bool:
    """Whether the grade word at ``i`` has a pronoun asking what as its argument (何に力を入れる),
    or a word asking which kind earlier in its clause (どんな人を対象に力を入れる): the question
    asks what the row will do, so the word is no condition on the rows. A phrase asking which rows
    (どの取組に力を入れる) stays a condition."""
    if i >= 2 and tokens[i - 1].pos[0] == "助詞" and tokens[i - 2].pos[0] == "代名詞" \
            and tokens[i - 2].normalized in ASKING_PRONOUNS:
        return True
    clause = itertools.takewhile(lambda t: t.pos[0] != "補助記号", reversed(tokens[:i]))
    return any(t.surface in ASKING_KIND for t in clause)


def _asked_after(tokens, end: int) -> int:
    """Where the formal noun ends that makes the predicate of a grade word ending at ``end`` what a
    question word after it asks about (力を入れていくことは何ですか: what the row will do), or 0."""
    after = [t for t in tokens if t.start >= end][:3]
    asked = len(after) == 3 and after[0].surface in FORMAL_NOUNS and after[1].surface in ("は", "って") \
        and after[2].pos[0] == "代名詞" and after[2].normalized in ASKING_PRONOUNS
    return after[0].end if asked else 0


def _rows_write(blanker: Blanker, tokens, i: int) -> bool:
    """Whether the rows write the grade word at ``i`` after the noun before it (発達に遅れ), with
    any particle: then it says what they are about."""
    if blanker.count_rows is None or i < 2 or tokens[i - 1].pos[0] != "助詞" or tokens[i - 2].pos[0] != "名詞":
        return False
    noun, word = tokens[i - 2].normalized, tokens[i].normalized
    stems = {word, word[:-1]} if word.endswith("る") else {word}  # 遅れる: the rows' 遅れ
    return any(blanker.count_rows(noun + particle + stem) for particle in ("に", "の", "が") for stem in stems)


COMPOUND_POS = ("名詞", "接頭辞", "接尾辞")


def _in_compound_written(blanker: Blanker, tokens, first: int, last: int) -> bool:
    """Whether the grade word (words ``first`` to ``last``) is inside a compound the rows write
    whole (未着手 of 長期未着手地区): a name of theirs, not a grade."""
    if blanker.count_rows is None:
        return False
    start, end = first, last
    while start > 0 and tokens[start - 1].pos[0] in COMPOUND_POS:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].pos[0] in COMPOUND_POS:
        end += 1
    if (start, end) == (first, last):
        return False
    return bool(blanker.count_rows(blanker.text[tokens[start].start:tokens[end].end]))


def _typed_alone(text: str, start: int, end: int) -> bool:
    """A word typed on its own beside others (文化イベント 縮小): like a search filter, not a word of
    a sentence (縮小した行事)."""
    before, after = text[:start], text[end:]
    return (not before or before[-1].isspace()) and (not after or after[0].isspace()) and len(text.split()) > 1


def named_grade(written: str, facet: str) -> bool:
    """Whether a grade word's mention opens with the facet's name (評価が低い, 進捗が遅い): the
    grade itself is what is said, not an event in a sentence (休止した)."""
    return written.startswith(GRADE_NAMES.get(facet, ()) + GENERIC_GRADE_WORDS)


def adjective_of(token) -> str:
    """The adjective a word in 〜め says (低め, 高め: the suffix め on an adjective's stem, which
    Sudachi reads as one 形状詞): its normalized form, or ""."""
    if token.pos[0] != "形状詞" or len(token.surface) < 2 or not token.surface.endswith("め"):
        return ""
    read = analyse(token.surface[:-1] + "い")
    return read[0].normalized if len(read) == 1 and read[0].pos[0] == "形容詞" else ""


# The name of each facet (or a word for any grade) ending a text, with its particle (方向性が, 評価の).
FACET_NAMED = {kind: re.compile(rf"(?:{'|'.join(map(re.escape, GRADE_NAMES[kind] + GENERIC_GRADE_WORDS))})"
                                r"[はがもをの:=、\s]{0,2}$") for kind in GRADES}


def without_suffix(name: str) -> str:
    """A name without the suffix that ends it (方向 of 方向性), or the name."""
    words = [m for _, m in morphemes(name)]
    parts = list(sub_morphemes(words[-1])) if words else []
    if len(parts) > 1 and parts[-1].part_of_speech()[0] == "接尾辞":
        return name[:len(name) - len(parts[-1].surface())]
    return name


def _named_after(kind: str) -> re.Pattern:
    """The facet's name after a word through の, with or without its suffix (縮小の方向, 廃止の方向性),
    also after the last of several words (縮小や廃止の方向)."""
    names = {n for name in GRADE_NAMES[kind] for n in (name, without_suffix(name))}
    return re.compile(rf"(?:(?P<joined>や|と|・|、|か|または|もしくは)[^\s、。？?]{{1,8}}?)?の"
                      rf"(?:{'|'.join(map(re.escape, sorted(names, key=len, reverse=True)))})")


# Only the direction is named after its words (縮小の方向); 目標達成の進捗状況 asks how far the
# achieving came, not for the rows graded A.
FACET_NAMED_AFTER = {"direction": _named_after("direction")}


def _facet_named_before(before: str, kind: str) -> int | None:
    """Where the name of the facet ``kind`` (or a word for any grade) begins when it ends
    ``before`` (方向性が, 進捗は, 評価の)."""
    named = FACET_NAMED[kind].search(before)
    return named.start() if named else None


@lru_cache(maxsize=8)
def phrase_table(rows: tuple) -> tuple[tuple[tuple[str, ...], tuple], ...]:
    """The grade words that are idioms of several words (手をつける: 着手), as the dictionary forms
    of their words, longest first; also without the particles speech drops (力入れていく, 達成に遠い)."""
    found = []
    for word, kind, codes, use in rows:
        words = _forms(analyse(word))
        spoken = tuple(w for w in words if w not in DROPPED_PARTICLES)
        for form in dict.fromkeys((words, spoken)):
            if len(form) > 1:
                found.append((form, (kind, codes, use)))
    return tuple(sorted(found, key=lambda p: -len(p[0])))


# 手つけてない, 力入れていく: the object's particle, left out in speech; 達成に遠い: the contrastive は
# after a case particle, which adds emphasis, not meaning
DROPPED_PARTICLES = ("を", "が", "は")


def _forms(tokens) -> tuple[str, ...]:
    """The words of an idiom as compared: dictionary forms, a verb by its kanji (思うように進む
    and 思うように進められない say the same, as the label of え writes 進められていない)."""
    return tuple(_stem(t.dictionary) if t.pos[0] == "動詞" else t.dictionary for t in tokens)


def grade_word_table(rows: tuple) -> tuple[dict, dict]:
    """``(by word, by synonym group)`` of the grade words: ``(kind, codes, use)``."""
    table = {word: (kind, codes, use) for word, kind, codes, use in rows}
    groups = {}
    for word, entry in table.items():
        words = analyse(word)
        for group in words[0].groups if len(words) == 1 else ():  # an idiom's words alone say nothing
            groups.setdefault(group, entry)
    return table, groups


# Verbs that after a word for how far a measure has come say only that it goes (順調に進んでいる).
GOING = frozenset({"進む", "進める", "推移"})
# What makes a noun before it a predicate: 休止中, 達成済み, 廃止予定, 拡充の方針 is not one.
PREDICATE_NOUNS = frozenset({"中", "済み", "済", "予定", "見込み"})


def _predicate_end(tokens, i: int) -> int:
    """Where the predicate that starts at word ``i`` ends: its particles, auxiliaries and
    dependent verbs (廃止|に|なっ|た, 遅れ|て|いる, 休止|中); the word's own end when none follow."""
    end = tokens[i].end
    for k, token in enumerate(tokens[i + 1:], i + 1):
        if token.surface == "に" and k + 1 < len(tokens) and tokens[k + 1].dictionary in PARTICLE_VERBS:
            break  # 拡大について, 廃止に向けて: what is spoken of, or aimed at, not a predicate
        if _formal_predicate(tokens, k):  # やめる|こと|に|なっ|た: the formal noun joins the predicate
            end = token.end
            continue
        if token.pos[0] in ("助動詞",) or (token.pos[0] in ("動詞", "形容詞") and token.pos[1] == "非自立可能") \
                or (token.surface in PREDICATE_NOUNS and end == tokens[i].end) \
                or (token.pos[0] == "助詞" and token.surface in ("に", "て", "で", "と", "し")) \
                or (token.pos[0] == "動詞" and token.dictionary in ("する", "なる", "れる", "られる")):
            end = token.end
            continue
        break
    return end


# After a predicate, what makes it the asker's wish or aim (済ませられるように, 廃止してほしい).
WISH_WORDS = frozenset({"ほしい", "欲しい", "たい", "よう"})


def _wished(tokens, i: int, end: int) -> bool:
    """Whether the predicate at word ``i``, ending at ``end``, is wanted rather than stated:
    ほしい or たい in it, or ように after it."""
    inside = [t for t in tokens[i + 1:] if t.end <= end]
    after = tokens[i + 1 + len(inside):i + 2 + len(inside)]
    return any(t.dictionary in WISH_WORDS for t in [*inside, *after])


def _formal_predicate(tokens, k: int) -> bool:
    """Whether word ``k`` is the formal noun of 〜ことになる・〜ことにする (廃止することになった)."""
    return tokens[k].surface == "こと" and k + 2 < len(tokens) and tokens[k + 1].surface == "に" \
        and tokens[k + 2].dictionary in ("なる", "する")


def _negation_end(tokens, i: int) -> int | None:
    """The end of a negated predicate at word ``i`` (進ん|で|い|ない), or None without a negation."""
    end = _predicate_end(tokens, i)
    inside = [t for t in tokens[i + 1:] if t.end <= end]
    return end if any(t.dictionary in ("ない", "ず", "ぬ", "無い") for t in inside) else None


COMPOUND_GOES_ON = re.compile(r"[一-龯々ァ-ヺー]")


def name_part(department: str) -> str:
    """A department's name without the word for a section (区画整理課 → 区画整理)."""
    return re.sub(r"(?:課|室|局)$", "", department)


@dataclass(frozen=True)
class DepartmentNames:
    """What the department readers compare a text with, worked out once per list of names
    (Sudachi reads every name for its spellings: too slow to repeat for each question)."""

    names: tuple[str, ...]
    folded: dict[str, str]  # name -> normalized
    stems: tuple[tuple[str, str], ...]  # (name, distinctive stem without 課/室/局)
    spellings: dict[str, tuple[str, str]]  # normalized words -> (name, "name" or "part of name")
    sounds: dict[str, tuple[str, str]]  # reading in katakana -> the same, for readings of one name
    chain: re.Pattern  # other names joined by 及び・と・や… (図書館及び博物館)

    @classmethod
    @lru_cache(maxsize=8)
    def of(cls, names: tuple[str, ...]) -> DepartmentNames:
        folded = {name: normalize(name) for name in names}
        stems = []
        for name in names:
            stem = normalize(name_part(name))
            if stem != folded[name] and len(stem) >= 3 and sum(f.startswith(stem) for f in folded.values()) == 1:
                stems.append((name, stem))
        spellings: dict[str, tuple[str, str]] = {}
        for name in names:
            spellings.setdefault(normalized_words_text(name), (name, "name"))
            stem = name_part(name)
            if stem != name and len(stem) >= 3:
                spellings.setdefault(normalized_words_text(stem), (name, "part of name"))
        sounds: dict[str, list[tuple[str, str]]] = {}
        for spelling, hit in spellings.items():
            sounds.setdefault(_sounds(spelling), []).append(hit)
        chain = re.compile(r"(?:\s*(?:及び|および|と|や|、|・)\s*(?:" + "|".join(map(re.escape, names)) + r"))+")
        return cls(names, folded, tuple(stems), spellings,
                   {sound: hits[0] for sound, hits in sounds.items() if len({h[0] for h in hits}) == 1}, chain)


def names_section(name: str) -> bool:
    """Whether a department's name is a section's (…課, …室, …局), never a word of the rows."""
    return name.endswith(("課", "室", "局"))


def _departments(blanker: Blanker, corpus) -> list[Mention]:
    table = DepartmentNames.of(tuple(d["name"] for d in corpus.departments))
    vocabulary = corpus.vocabulary
    found = []
    folded = normalize(blanker.text)
    for name in sorted(table.names, key=len, reverse=True):
        key = table.folded[name]
        is_section = names_section(name)
        for m in re.finditer(re.escape(key), folded):
            if not blanker.free(m.start(), m.end()):
                continue
            cue = DEPARTMENT_CUE.match(blanker.text[m.end():])
            # A name that is also a word of the text (図書館) is a filter only as the subject of
            # work, itself or with other names before the work (図書館及び博物館の取組).
            if not is_section and vocabulary.rows(key) and not cue and not _named_with_others(
                    blanker.original[m.end():], table):
                continue
            start, end = m.start(), m.end() + (cue.end() if cue else 0)
            glossed = DEPARTMENT_GLOSSED.search(blanker.text[:start])
            closed = BRACKET_CLOSED.match(blanker.text, end)
            if glossed and closed and blanker.free(glossed.start(), start):
                # まちの計画を担当している課（都市計画課）: the words before say which, in other words
                start, end = glossed.start(), closed.end()
            found.append(_mention(blanker, "department", name, start, end, "name"))
            blanker.take(start, end)
    graded = any(m.facet in GRADES for m in blanker.read)
    # A part of a name that begins a section's or item's title written whole (高齢者支援の推進, the
    # title of 第4節) names that part of the plan, not the department.
    folded = normalize(blanker.text)
    titles = plan_titles(corpus)
    titled = {i for i in range(len(folded) - 1) if begins_plan_title(folded, i, titles)}
    # Other spellings first: スポーツ推進化 sounds like スポーツ推進課 whole, before its part.
    found += _department_spellings(blanker, table, vocabulary, graded, titled)
    found += _department_parts(blanker, table, vocabulary, graded, titled)
    return found


def plan_titles(corpus) -> dict[str, tuple[str, ...]]:
    """The section and item titles of the corpus without their numbers, normalized, by their
    first two characters; kept with the generation's results (read once, as SQLite's distinct
    values: a few hundred at any size)."""
    def read():
        with corpus.database() as connection:
            written = connection.execute("select distinct section, item from evaluations").fetchall()
        titles = {normalize(ITEM_NUMBER.sub("", title)) for row in written for title in row if title}
        by_start: dict[str, list[str]] = {}
        for title in sorted(t for t in titles if len(t) >= 4):
            by_start.setdefault(title[:2], []).append(title)
        return {start: tuple(found) for start, found in by_start.items()}
    return corpus.results.get_or_make(("plan titles",), read, len)


def begins_plan_title(folded: str, start: int, titles: dict[str, tuple[str, ...]]) -> bool:
    """Whether a section's or item's title (of ``plan_titles``), written whole, begins at ``start``
    of ``folded`` (normalized text)."""
    return any(folded.startswith(title, start) for title in titles.get(folded[start:start + 2], ()))


# The number a section or item title starts with (第5項, 第2節).
ITEM_NUMBER = re.compile(r"^第[0-9０-９一二三四五六七八九十]+[項節]\s*")


def _named_with_others(text: str, table: DepartmentNames) -> bool:
    """Whether ``text`` goes on with other department names and then the work (及び博物館の取組)."""
    chain = table.chain.match(text)
    return bool(chain and DEPARTMENT_CUE.match(text[chain.end():]))


def _department_parts(blanker: Blanker, table: DepartmentNames, vocabulary, graded: bool = False,
                      titled: set[int] = frozenset()) -> list[Mention]:
    """The end of a name (観光課 → 商工観光課; 上下水道の経営課 → 上下水道経営課) and a distinctive
    part of one (地域振興 → 地域振興課) that the text never uses as a word, or that 課 or 担当課
    follows (スポーツ推進の担当課 → スポーツ推進課), or beside a grade (学校教育 順調: the grades
    of a unit of the city)."""
    folded = table.folded
    found = []
    for m in SECTION_NAME.finditer(blanker.text):
        if not blanker.free(m.start(), m.end()) or m.group(1) in GENERIC_SECTIONS:
            continue
        written = normalize(m.group(0))
        endings = [d for d in table.names if folded[d].endswith(written)]
        if not endings:  # 人時課: one kanji converted wrong, in a name of three or more characters
            endings = [d for d in table.names if len(written) >= 3 and folded[d].endswith("課")
                       and OSA.distance(folded[d], written, score_cutoff=1) <= 1]
            if len(endings) != 1:
                continue
            found.append(_mention(blanker, "department", endings[0], m.start(), m.end(), "near spelling"))
            blanker.take(m.start(), m.end())
        elif len(endings) == 1:
            start, head = m.start(), folded[endings[0]][:-len(written)]
            before = re.search(re.escape(head) + r"の?$", normalize(blanker.text[:start])) if head else None
            if before and blanker.free(before.start(), start):
                start = before.start()
            found.append(_mention(blanker, "department", endings[0], start, m.end(), "end of name"))
            blanker.take(start, m.end())
    for name, stem in table.stems:
        word = vocabulary.rows(stem) > 0
        for m in re.finditer(re.escape(stem) + r"(?P<section>の?(?:担当課|担当の課|所管課|課))?", normalize(blanker.text)):
            cue = DEPARTMENT_CUE.match(blanker.text[m.end():])
            # Inside a longer compound (学校教育内容の充実, a title) the part names no department.
            inside = not m.group("section") and COMPOUND_GOES_ON.match(normalize(blanker.text), m.end())
            if m.start() in titled and not m.group("section") and not cue:
                continue  # 高齢者支援 of 高齢者支援の推進, a title written whole
            # A part the text uses as a word (危機管理) names the department only as the subject of
            # work, or with the word for a department after it (スポーツ推進の担当課).
            if blanker.free(m.start(), m.end()) and not inside and (cue or m.group("section") or graded or not word):
                end = m.end() + (cue.end() if cue else 0)
                found.append(_mention(blanker, "department", name, m.start(), end, "part of name"))
                blanker.take(m.start(), end)
    return found


def _department_spellings(blanker: Blanker, table: DepartmentNames, vocabulary, graded: bool,
                          titled: set[int] = frozenset()) -> list[Mention]:
    """A name or distinctive part written another way, compared as Sudachi's normalized words
    (子ども支援課 and こども支援課 are both 子供支援課) or by how it sounds (じんけん推進課)."""
    keys = table.spellings
    tokens = [t for t in analyse(blanker.rest()) if t.pos[0] not in ("空白",)]
    found = []
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + 6), i, -1):
            start, end = tokens[i].start, tokens[j - 1].end
            # 子ども支援の課: the department's name with の before its 課
            words = [t for k, t in enumerate(tokens[i:j], i) if not (t.surface == "の" and k + 1 == j - 1
                                                                      and tokens[j - 1].surface == "課")]
            # Or as it sounds (じんけん推進課 is 人権推進課; a reading two names share names neither).
            spelled = keys.get("".join(normalize(t.normalized) for t in words))
            hit = spelled or table.sounds.get("".join(t.reading for t in words))
            if not hit or not blanker.free(start, end):
                continue
            name, how = hit
            if how == "part of name" and (COMPOUND_GOES_ON.match(blanker.text, end) or start in titled):
                continue  # 学校教育 of 学校教育内容の充実: a longer compound, a title
            cue = DEPARTMENT_CUE.match(blanker.text[end:])
            # Read by its sound, a name is as much a word as the name itself (としょかん: 図書館).
            is_word = vocabulary.rows(normalize(blanker.text[start:end])) > 0 or not spelled
            # A word of the text (図書館, 危機管理) names the department only as the subject of
            # work or beside a grade; a section name (…課) always does.
            is_section = how == "name" and names_section(name)
            if is_word and not (is_section or cue or graded):
                continue
            end += cue.end() if cue else 0
            found.append(_mention(blanker, "department", name, start, end, how))
            blanker.take(start, end)
            break
    return found


def _bracketed_codes(blanker: Blanker, corpus) -> list[Mention]:
    """Progress codes alone in brackets (えーひょうか（A）): a code, whatever stands before it; and a
    capital glossed in brackets with words of its label (A（目標達成）: A is 目標に達成しているもの)."""
    found = []
    for m in BRACKETED_CAPITAL.finditer(blanker.text):
        if blanker.free(m.start(), m.end()):
            found.append(_mention(blanker, "progress", m.group("code"), m.start(), m.end(), "code"))
            blanker.take(m.start(), m.end())
    labels = corpus.labels.get("progress", {})
    for m in GLOSSED_CAPITAL.finditer(blanker.text):
        label = labels.get(m.group("code"))
        if label and blanker.free(m.start(), m.end()) and _legend_words(m.group("gloss")) & _legend_words(label):
            found.append(_mention(blanker, "progress", m.group("code"), m.start(), m.end(), "code"))
            blanker.take(m.start(), m.end())
    return found


GLOSSED_CAPITAL = re.compile(r"(?<![A-Za-z0-9])(?P<code>[A-E])\s*[(（](?P<gloss>[^()（）]{2,20})[)）]")


def _chapters(blanker: Blanker, corpus) -> list[Mention]:
    """Chapters by number (第3章, 3章) or by the words of their title."""
    found = []
    by_key = {c["key"]: c["title"] for c in corpus.chapters}
    for m in re.finditer(r"(?:第\s*)?([0-9]+|[一二三四五六七八九十])\s*章", blanker.text):
        key = f"第{KANJI_NUMBERS.get(m.group(1), m.group(1))}章"
        if key in by_key and blanker.free(m.start(), m.end()):
            end = m.end() + (0 if _names_part_of_plan(blanker.text, m.end(), corpus)
                             else _title_after(blanker.text[m.end():], by_key[key]))
            tail = re.match(r"の?(?:取組|取り組み|施策)?", blanker.text[end:])
            field = re.match(r"の?分野", blanker.text[end:])  # 第1章の人権・コミュニティ・交流の分野
            end += field.end() if field else 0
            found.append(_mention(blanker, "chapter", by_key[key], m.start(), end, "number"))
            blanker.take(m.start(), end + (tail.end() if tail and tail.group(0) != "の" else 0))
    for key, title in by_key.items():
        for name in _chapter_names(title):
            position, end = _find_title(blanker.text, name) if len(name) >= 5 else (-1, -1)
            if position >= 0 and blanker.free(position, end):
                tail = re.match(r"(?:[(（][^)）]*[)）])?(?:の章|章)?", blanker.text[end:])
                end += tail.end() if tail else 0
                found.append(_mention(blanker, "chapter", title, position, end, "title"))
                blanker.take(position, end)
                # no break: each part of the title typed apart names it too (行財政運営の指針
                # （計画の実現に向けて）: the subtitle first, the title in brackets)
    found += _chapters_by_words(blanker, by_key)
    return found


# 「安全安心の章」「福祉の章」: words before の章 (or 章) that only one chapter's title holds; or
# before の分野 (福祉や健康の分野): a chapter's subtitle lists its fields.
NAMED_CHAPTER = re.compile(r"([^\s。,.!?！？\0]{2,24}?)の?(章|分野)")


def _chapters_by_words(blanker: Blanker, by_key: dict[str, str]) -> list[Mention]:
    """A chapter named by words of its title before 章 (安全安心の章: 第6章 安全で安心してくらせる
    まちづくり), when its title is the only one that holds them all; before 分野, two words or more
    (福祉や健康の分野: 第3章 ささえあいのまちづくり（福祉、健康）), since one (観光分野) is a topic."""
    found = []
    for m in NAMED_CHAPTER.finditer(blanker.text):
        start = m.start(1)
        tokens = [t for t in analyse(m.group(1)) if not t.framing and t.pos[0] in ("名詞", "形容詞", "形状詞", "動詞")]
        # The longest run of them, ending before 章, that one title holds (安全・安心のまちづくりの章:
        # 第6章; 子育ての取組、福祉の章: 福祉; 市の防災の章: none).
        for first in range(len(tokens)):
            words = tokens[first:]
            if not blanker.free(start + words[0].start, m.end()) or (m.group(2) == "分野" and len(words) < 2):
                continue
            titles = [title for title in by_key.values() if all(_title_holds(title, t) for t in words)]
            if len(titles) == 1:  # 学びあいの章（生涯学習・教育・スポーツ）: its subtitle restated too
                end = m.end() + _title_after(blanker.text[m.end():], titles[0])
                found.append(_mention(blanker, "chapter", titles[0], start + words[0].start, end, "title"))
                blanker.take(start + words[0].start, end)
                break
    return found


def _names_part_of_plan(text: str, end: int, corpus) -> bool:
    """Whether a section's or item's title follows a chapter's number (第5章の市民文化の振興: 第4節):
    its words name that part of the chapter, not the chapter's title again."""
    folded = normalize(text[end:]).removeprefix("の").lstrip("「『\"'")  # 第6章の「生活支援の推進」の節
    return begins_plan_title(folded, 0, plan_titles(corpus))


def _title_after(text: str, title: str) -> int:
    """How much of ``text``, after a chapter's number, restates its title: a subtitle in brackets
    (第1章（人権・コミュニティ・交流）), the title quoted (第3章「ささえあいのまちづくり」) or の and
    words of the title (第6章の安全・安心のまちづくり)."""
    bracket = re.match(r"\s*[(（][^)）]{1,40}[)）]", text)
    if bracket:
        return bracket.end()
    quote = re.match(r"\s*[「『]([^」』]{1,40})[」』]", text)
    if quote and all(_title_holds(title, t) for t in analyse(quote.group(1)) if not t.framing):
        return quote.end()
    if not text.startswith("の"):
        return 0
    end = 0
    for token in analyse(text[1:])[:12]:
        if token.pos[0] == "補助記号" or token.surface == "の":
            continue
        if token.framing or not _title_holds(title, token):
            break
        end = 1 + token.end
    return end


def _title_holds(title: str, token) -> bool:
    """Whether a chapter's title holds a word, as written or by its sound (暮らせる, くらせる)."""
    return token.surface in title or token.dictionary in title \
        or len(token.surface) >= 2 and token.reading in _sounds(title)  # one kana sound is in any title


def _find_title(text: str, name: str) -> tuple[int, int]:
    """Where ``text`` writes a title, as written or as read (安心して暮らせる for the title's
    安心してくらせる: kanji for its kana read the same); ``(-1, -1)`` if it does not."""
    position = text.find(name)
    if position >= 0:
        return position, position + len(name)
    sound = _sounds(name)
    tokens = analyse(text)
    for i, first in enumerate(tokens):
        heard = ""
        for token in tokens[i:]:
            heard += token.reading
            if not sound.startswith(heard):
                break
            if heard == sound:
                return first.start, token.end
    return -1, -1


@lru_cache(maxsize=256)
def _sounds(name: str) -> str:
    """How a name sounds, in katakana, by Sudachi's readings."""
    return "".join(t.reading for t in analyse(name))


def _chapter_names(title: str) -> list[str]:
    """What a chapter is called by: its title without its number, the subtitle in its brackets
    (計画の実現に向けて（行財政運営の指針）: 行財政運営の指針), NFKC as the text is, and the field a
    subtitle of one phrase is about (行財政運営 of 行財政運営の指針, as the others list theirs)."""
    core, _, subtitle = nfkc(re.sub(r"^第\S+章\s*", "", title)).partition("(")
    subtitle = subtitle.rstrip(")")
    field = subtitle.partition("の")[0] if "の" in subtitle and "、" not in subtitle else ""
    return [name.strip() for name in (core, subtitle, field) if name.strip()]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# What says "within a document" after its title's words (総合計画の取組評価の中で, 基本計画において,
# 計画全体について), or that its grades are asked (総合計画の評価区分: the grade the plan's evaluation gives).
DOCUMENT_SCOPE = re.compile(r"\s*(?:の\s*(?:中|なか)\s*(?:で|では|から|に)|において|における"
                            r"|全体(?:で|について|に関して|を通(?:じ|し)て|として)"
                            r"|の(?=\s*(?:評価|区分|進捗|ランク)))")
MIN_TITLE_PIECE = 4  # a shorter piece of a title (計画 of 総合計画) is a word of many rows
MIN_WHOLE_PIECE = 2  # ... unless 全体 follows it (計画全体で: the whole plan)
GRADE_NAME_WORDS = frozenset(name for names in GRADE_NAMES.values() for name in names) | frozenset(GENERIC_GRADE_WORDS)


def _documents(blanker: Blanker, corpus) -> list[Mention]:
    """A document named by the words of its title before a word of scope (総合計画の取組評価の中で,
    for 第6次入間市総合計画・前期基本計画の取組評価): the rows of that document, not a topic. The
    words, joined by の or ・, must be the title's own, one of four characters or more that is
    not a grade's name (取組評価 alone is also the effort grade's)."""
    found = []
    for scope in DOCUMENT_SCOPE.finditer(blanker.text):
        # 全体 says the whole of it: a shorter piece (計画全体で) names the document too.
        least = MIN_WHOLE_PIECE if scope.group().strip().startswith("全体") else MIN_TITLE_PIECE
        named = []  # every document whose title holds the words (copies share a title's words)
        for document in corpus.documents:
            start = _title_run(blanker.text, normalize(document["title"] or ""), scope.start(), least)
            if start is not None and blanker.free(start, scope.end()):
                named.append(_mention(blanker, "document", document["id"], start, scope.end(), "title"))
        found += named
        for mention in named:
            blanker.take(mention.start, mention.end)
    return found


def _title_run(text: str, title: str, end: int, least: int = MIN_TITLE_PIECE) -> int | None:
    """Where the run of ``title``'s words that ends at ``end`` starts; ``None`` without one."""
    start, pieces = end, []
    for piece in reversed(re.split(r"([の・])", text[:end])):
        if piece in ("の", "・"):
            start -= len(piece)
            continue
        word = re.search(r"[^\s\0、。「」()（）]+$", piece)
        held = _title_words(word.group(), title) if word else ""
        if not held:
            break
        pieces.append(held)
        start -= len(held)
        if len(held) < len(piece):
            break  # the piece holds more than the title's words: the run ends here
    if not any(_names_title(p, title, least) for p in pieces):
        return None
    return start + (1 if text[start:start + 1] in ("の", "・") else 0)


def _title_words(piece: str, title: str) -> str:
    """The end of ``piece`` made of words of ``title`` (第6次総合計画 of 第6次入間市総合計画…)."""
    held = ""
    for token in reversed(analyse(piece)):
        if token.surface not in title or token.framing and token.pos[0] != "接尾辞":
            break
        held = token.surface + held
    return held if held == piece[len(piece) - len(held):] else ""


def _names_title(piece: str, title: str, least: int = MIN_TITLE_PIECE) -> bool:
    """Whether a piece holds ``least`` characters or more of the title as written, none of them a
    grade's name (取組評価 is also the effort grade's, 進捗 the progress grade's)."""
    longest = max((piece[i:j] for i in range(len(piece)) for j in range(i + least, len(piece) + 1)
                   if piece[i:j] in title), key=len, default="")
    return bool(longest) and not any(name in longest for name in GRADE_NAME_WORDS)
