"""What was typed, word by word: Sudachi's analysis, and which words only frame the request.

A query or question mixes the topic (空き家, 子育て支援) with words that only frame the request:
particles and auxiliaries (の, について, です), question words (どこ, 何, どう, なぜ), formal nouns
(こと, うち, ところ, ため), light verbs (する, なる, いる, いく) and the verbs of asking (教えて
ください, 知りたい). They are recognised by their grammar, Sudachi's part of speech, not by a
list of strings: a word the documents never use then cannot veto a search.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis import morphemes, normalize, sub_morphemes

# Parts of speech that never carry a topic.
FRAMING_POS = frozenset({"助詞", "助動詞", "補助記号", "空白", "接続詞", "感動詞", "連体詞", "副詞", "代名詞",
                         "記号"})
# Verbs and adjectives that lean on another word (する, なる, いる, いく, ない, ほしい).
DEPENDENT = "非自立可能"
# Nouns that work as adverbs (うち, ところ, ため, 今後, 一番): formal nouns and time words.
ADVERBIAL = "副詞可能"
# After a verb, these make it a request or a wish (教えてください, 知りたい): the verb asks.
REQUEST_AFTER = frozenset({"たい", "下さる", "くださる", "欲しい", "ほしい", "頂く", "いただく", "貰う", "もらう",
                           "願う"})
# Verbs that, after に or を, make a compound particle (について, に関して, に対する, によって,
# を通じて, に向けた): grammar, like the particle itself, not a topic.
PARTICLE_VERBS = frozenset({"つく", "付く", "関する", "対する", "よる", "因る", "依る", "とる", "取る", "おける",
                            "於く", "係る", "関わる", "向ける", "通じる", "めぐる", "巡る", "わたる", "渡る",
                            "当たる", "あたる", "基づく", "基く", "従う", "沿う", "伴う", "応じる"})
# (にあたる施策: the rows that fall under a grade; に基づいて, に沿って, に伴い: Japanese's compound
# case particles, each a verb after に)
# Auxiliaries of making or letting (聞か|せる): the verb they follow is still the one requested.
CAUSATIVES = frozenset({"せる", "させる"})
# Determiners of manner (どんな, どういう, こんな): a noun they govern, used as an adverb
# (どういうふうに, どんな感じで, どういう形で), asks "in what way" and names no topic.
MANNER_DETERMINERS = frozenset({"どんな", "どういう", "どのような", "どの", "どういった", "こんな", "そんな"})
ADVERBIAL_AFTER = frozenset({"に", "で"})
# Nouns that after another noun only say "in the area of" it (防災関係で, 防災の分野で, 子育て系の,
# 福祉関連の, DXの視点で): Sudachi's dictionary does not mark them, so this small table does. Only at
# the end of a noun phrase, before a particle: 関係機関 and 関連する are words of the text.
SCOPE_NOUNS = frozenset({"関係", "関連", "分野", "部分", "系", "方面", "面", "領域", "部門", "方", "ほう",
                         "視点", "観点",
                         "とこ"})  # とこ: ところ said casually (…の充実のとこ), a common noun to Sudachi
SCOPE_BEFORE = frozenset({"で", "の", "は", "が", "を", "に", "では", "って", "も", "、"})
# After と, these quote (という評価, といった事業), after で they frame (表の行でいうと): grammar, like the particle.
QUOTING_VERBS = frozenset({"いう", "言う", "云う"})
# After と or って, these report what the asker heard or thinks (…があると聞きました, 遅れている
# と思うのですが): the asker's framing, like a quoting verb.
REPORTING_VERBS = frozenset({"聞く", "きく", "思う", "伺う", "聞き及ぶ"})
# Nouns that between と and に only say "together with" (市民団体と一緒に, 市と共に): Sudachi reads
# them as common nouns (一緒 even shares a synonym group with 同一), so this small table marks them.
COMPANY_NOUNS = frozenset({"一緒", "共", "共々"})
# Nouns before の that point at another party (よその市, 相手の市, 先方の意向): like ほか, which
# Sudachi reads as an adverbial noun and so frames already, they name no topic; Sudachi reads
# these as common nouns, so this small table marks them (by normalized form: よそ is 余所).
PARTY_NOUNS = frozenset({"余所", "相手", "先方"})
# Adverbial nouns (副詞可能 to Sudachi, so framing) that name when a service is held, not when
# the asker speaks (労働相談って夜もやってるの: 夜, which shares a synonym group with the rows'
# 夜間): words of the topic. A small table, since Sudachi marks 今 and 夜 alike.
SERVICE_TIMES = frozenset({"夜", "夜中", "真夜中", "晩", "朝", "昼", "昼間", "夕方", "深夜", "早朝", "休日", "平日", "週末",
                           "土日", "土曜", "日曜"})
# Nouns after a word that only stress it (取り組み自体, 市民自身): common nouns to Sudachi.
STRESSING_NOUNS = frozenset({"自体", "自身"})
KANA = re.compile(r"^[ぁ-ゖァ-ヺー]+$")
HIRAGANA_RUN = re.compile(r"[ぁ-ゖー]{3,}")


@dataclass(frozen=True)
class Token:
    """One Sudachi word of what was typed, with its offsets in the typed text."""

    surface: str
    start: int
    end: int
    pos: tuple[str, ...]
    normalized: str
    dictionary: str
    reading: str
    groups: tuple[int, ...]
    framing: bool = False
    # Normalized forms of its shorter (split-A) parts that carry meaning (検討中 → 検討).
    parts: tuple[str, ...] = ()
    oov: bool = False  # not in Sudachi's dictionary (ワークショプ: a typo, or a new word)

    @property
    def is_noun_piece(self) -> bool:
        """Part of a compound noun: a noun (not a number), an adjectival noun, a prefix or a suffix."""
        return (self.pos[0] == "名詞" and self.pos[1] != "数詞" and not adverbial(self.pos, self.surface)) or \
            self.pos[0] in ("形状詞", "接頭辞", "接尾辞")

    @property
    def is_predicate(self) -> bool:
        return self.pos[0] in ("動詞", "形容詞")


# A number in kanji before a counter (月一回, 二十件): the documents write counts in digits.
KANJI_COUNT = re.compile(r"(?<![〇一二三四五六七八九十])(?P<number>[一二三四五六七八九十]{1,3})"
                         r"(?=(?P<counter>回|件|人|名|か所|箇所|ヶ所|年|か月|ヶ月|日|地区|校|台|世帯|倍|割|施設|団体|店舗|人分))")
KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def arabic_counts(text: str) -> str:
    """``text`` with counts in kanji written in digits, as the documents write them (月一回 → 月1回,
    二十件 → 20件); kanji numbers in words (一部, 一層, 第一線), and a count that begins a word of
    the dictionary (一人暮らし, 一人親), stay."""
    if not KANJI_COUNT.search(text):
        return text
    inside = [(offset + m.begin(), offset + m.end()) for offset, m in morphemes(text)]

    def digits(m: re.Match) -> str:
        counter_end = m.end("counter")
        in_word = any(start <= m.start() and end > counter_end for start, end in inside)
        return m.group(0) if in_word else str(_kanji_number(m.group("number")))
    return KANJI_COUNT.sub(digits, text)


def _kanji_number(kanji: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" not in kanji:
        return int("".join(str(KANJI_DIGITS[c]) for c in kanji))
    tens, _, ones = kanji.partition("十")
    return KANJI_DIGITS.get(tens, 1) * 10 + (KANJI_DIGITS[ones] if ones else 0)


def katakana(text: str) -> str:
    """Hiragana as katakana: the form Sudachi gives readings in."""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


def hiragana(text: str) -> str:
    """Katakana as hiragana (ボウサイ → ぼうさい); the long-vowel mark stays."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def adverbial(pos: tuple[str, ...], surface: str) -> bool:
    """An adverbial noun (副詞可能 to Sudachi) that says when the asker speaks (今, 毎年), not when
    a service is held (``SERVICE_TIMES``)."""
    return pos[2] == ADVERBIAL and surface not in SERVICE_TIMES


def _framing_by_pos(pos: tuple[str, ...], surface: str) -> bool:
    if pos[0] in FRAMING_POS:
        return True
    if pos[0] in ("動詞", "形容詞") and pos[1] == DEPENDENT:
        return True
    if pos[1] == "助動詞語幹":  # よう in どのように, そう in そうです
        return True
    return pos[0] == "名詞" and adverbial(pos, surface)


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Token, ...]:
    """The words of ``text`` (split mode C), each marked framing or not by its grammar.

    >>> [t.surface for t in analyse("自治会について教えてください") if not t.framing]
    ['自治会']
    """
    raw = [(offset + m.begin(), offset + m.end(), m) for offset, m in morphemes(text)]
    tokens = []
    for start, end, m in raw:
        pos = tuple(m.part_of_speech())
        subs = sub_morphemes(m)
        parts = _meaningful_parts(subs)
        tokens.append(Token(m.surface(), start, end, pos, normalize(m.normalized_form()),
                            m.dictionary_form(), katakana(m.surface()) if KANA.match(m.surface()) else m.reading_form(),
                            tuple(m.synonym_group_ids()), _framing_by_pos(pos, m.surface()) or _way_of_doing(subs), parts,
                            m.is_oov()))
    return tuple(_mark_requests(tokens))


# Prefixes that negate the word they stand before: without them the part says the opposite.
NEGATING_PREFIXES = frozenset({"不", "未", "非", "無"})


def _meaningful_parts(subs) -> tuple[str, ...]:
    """The normalized forms of a compound's parts that carry meaning (検討中 → 検討): affixes go,
    but a negating prefix stays with its word (不登校児童 → 不登校, 児童; 登校 alone is its opposite)."""
    parts, negated = [], ""
    for p in subs:
        kind, form = p.part_of_speech()[0], normalize(p.normalized_form())
        if kind == "接頭辞" and form in NEGATING_PREFIXES:
            negated = form
        elif kind not in ("接尾辞", "接頭辞"):
            parts.append(negated + form)
            negated = ""
    return tuple(parts)


def particle_verb(token) -> bool:
    """Whether a verb is one of ``PARTICLE_VERBS``, by its dictionary or its normalized form
    (Sudachi gives 通じ the dictionary form 通ずる, normalized 通じる)."""
    return bool(PARTICLE_VERBS & {token.dictionary, token.normalized})


def _mark_requests(tokens: list[Token]) -> list[Token]:
    """A verb followed by a request or a wish (教えて|ください, 知り|たい) frames the request, and
    so does a verb in its て form that ends a sentence (教えて, 教えてよ: a request too), the verb
    of a compound particle (に|つい|て, と|いう) and a noun a determiner of manner governs as an adverb
    (どういう|ふう|に, どんな|感じ|で)."""
    marked = list(tokens)
    for i, token in enumerate(tokens):
        if _going_on(tokens, i) or _went(tokens, i):
            marked[i] = token = dataclasses.replace(token, pos=AUXILIARY_VERB, framing=True)
        if token.surface == "おけ" and i and tokens[i - 1].surface == "に" and tokens[i + 1:i + 2] \
                and tokens[i + 1].surface == "る":
            marked[i] = _framed(token)  # に|おけ|る: Sudachi reads the kana おける as 置く
        if _manner_noun(tokens, i) or _scope_noun(tokens, i) or _target_noun(tokens, i) \
                or _company_noun(tokens, i) or _stressing_noun(tokens, i) or _relation_verb(tokens, i) \
                or _how_often(tokens, i) or _indefinite_noun(tokens, i) or _party_noun(tokens, i) \
                or _vague_count(tokens, i) \
                or token.surface in MANNER_DETERMINERS or _thing_asked(tokens, i) or _word_named(tokens, i) \
                or _word_appears(tokens, i) or _text_says(tokens, i) or _the_one_of(tokens, i) \
                or _truth_asked(tokens, i) or _applies_asked(tokens, i):
            # どんな is a determiner even where Sudachi reads a 形状詞 (どんな、を): it asks, it names nothing
            marked[i] = _framed(token)
        if token.pos[0] != "動詞" or token.framing:
            continue
        if i and (tokens[i - 1].surface in ("に", "を") and particle_verb(token)
                  or tokens[i - 1].surface in ("と", "って", "どう", "こう", "そう", "で") and token.dictionary in QUOTING_VERBS
                  or tokens[i - 1].surface in ("と", "って") and token.dictionary in REPORTING_VERBS) \
                or token.dictionary in REPORTING_VERBS and _concedes(tokens[i + 1:]):
            marked[i] = _framed(token)
            continue
        # お聞か|せ|ください: a causative between the verb and the request asks too
        following = [t.dictionary for t in tokens[i + 1:i + 5] if t.dictionary not in CAUSATIVES][:3]
        if any(word in REQUEST_AFTER for word in following[:1]) or (following[:1] == ["て"] and (
                any(w in REQUEST_AFTER for w in following[1:]) or _ends_sentence(tokens[i + 2:]))):
            marked[i] = _framed(token)
    for i, token in enumerate(marked[:-1]):
        if token.pos[0] == "接頭辞" and marked[i + 1].framing:  # 毎|年度 too
            marked[i] = _framed(token)  # お|示し|ください: the honorific of a word of asking asks too
        elif token.pos[0] == "接頭辞" and marked[i + 1].pos[0] in ("動詞", "形容詞"):
            marked[i] = _framed(token)  # お|休み|している: the honorific of a predicate names nothing
    for i, token in enumerate(marked):
        if _asked_how(marked, i):  # どう|お|考え|ですか, どのように|展開|していく: the asker's question
            marked[i] = _framed(token)
            if i and marked[i - 1].pos[0] == "接頭辞":
                marked[i - 1] = _framed(marked[i - 1])
    return marked


# Nouns and verbs of thinking, asked after how (どうお考えですか, どのように思いますか).
VIEW_WORDS = frozenset({"考え", "考える", "思う", "思い", "所見", "見解"})
# Verbs of carrying on with something, whose manner is asked of a topic (どのように展開していく
# のか): a small table, since which verbs say only "go on with it" no dictionary marks; a verb
# with content of its own (どう反映しているか) stays a word.
CARRYING_ON = frozenset({"展開", "進める", "取り組む", "取組む", "対応", "推進", "実施", "行う"})


def _asked_how(tokens, i: int) -> bool:
    """Whether token ``i`` asks the city's view after a word of how (どう, どのように), an
    honorific prefix between (どう|お|考え), or is a verb of carrying on whose manner is asked
    (どのように|展開|していくのか): what is asked of the topic, not the topic."""
    token = tokens[i]
    if token.dictionary not in VIEW_WORDS | CARRYING_ON or not i:
        return False
    b = i - 2 if tokens[i - 1].pos[0] == "接頭辞" else i - 1
    if b < 0:
        return False
    return tokens[b].surface == "どう" or tokens[b].surface == "に" and b > 0 and tokens[b - 1].surface in ("よう", "様")


# What may stand between a verb of reporting and が (聞い|て|い|ます|が, 聞き|まし|た|が).
REPORT_ENDINGS = frozenset({"ます", "まし", "た", "て", "で", "い", "いる", "おり"})


def _concedes(rest) -> bool:
    """Auxiliaries, then が or けど before a comma (聞き|まし|た|が|、): the verb before them
    ends a clause the asker concedes, a report of what was heard or thought."""
    for i, token in enumerate(rest):
        if token.surface in ("が", "けど", "けれど", "けれども"):
            return i + 1 < len(rest) and rest[i + 1].surface in ("、", ",")
        if token.surface not in REPORT_ENDINGS:
            return False
    return False


def _ends_sentence(rest) -> bool:
    """Nothing but sentence-final particles and punctuation up to the end of a sentence."""
    for token in rest:
        if token.pos[0] in ("補助記号", "空白"):
            return True
        if token.pos[:2] != ("助詞", "終助詞"):
            return False
    return True


def _manner_noun(tokens, i: int) -> bool:
    """ふう in どういうふうに, 感じ in どんな感じで: a noun that says "in what way"."""
    if tokens[i].pos[0] != "名詞" or not 0 < i < len(tokens) - 1 or tokens[i + 1].surface not in ADVERBIAL_AFTER:
        return False
    # Sudachi sometimes cuts the determiner in two (どう|いう|ふう|に).
    before = [tokens[i - 1].surface, "".join(t.surface for t in tokens[max(0, i - 2):i])]
    return any(b in MANNER_DETERMINERS for b in before)


# Nouns that name a word of the text, and the verbs that say a word is in it (言葉が出てくる).
WORD_NOUNS = frozenset({"言葉", "単語", "語句", "文言", "用語", "キーワード", "ワード"})
APPEARING = frozenset({"出る", "使う", "含む", "載る", "入る", "書く", "出す", "登場"})


# Verbs that say the text speaks of what is before に (新規就農者の支援に触れている施策).
# (ふれる in kana: Sudachi keeps it, it may also write 振れる; after に it is 触れる)
MENTIONING = frozenset({"触れる", "ふれる", "言及"})


# Nouns that say the text speaks of something (…に関係する記載がある施策, 記述のある, 記載されている).
TEXT_NOUNS = frozenset({"記載", "記述", "言及"})


def _truth_asked(tokens, i: int) -> bool:
    """本当 (ほんと) as the predicate that ends a question after what the asker heard (…見直したって
    聞いたけど本当ですか, 建てるって本当？): whether that is so; it names nothing."""
    return tokens[i].normalized == "本当" and i > 0 and tokens[i - 1].framing \
        and all(t.framing for t in tokens[i + 1:])


def _text_says(tokens, i: int) -> bool:
    """記載 in アウトレットに関係する記載がある施策: that the text speaks of it names nothing; so
    does 記述 before のある and 記載 made a verb (記載されている)."""
    if tokens[i].surface not in TEXT_NOUNS or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1:i + 3]
    return after[0].dictionary == "する" or len(after) == 2 and after[0].surface in ("が", "の", "は") \
        and after[1].dictionary in ("ある", "有る")


def _word_named(tokens, i: int) -> bool:
    """言葉 in 「入間ドック」って言葉, 入間ドックという単語, との文言: the quoted word is the topic;
    the noun that says it is a word names nothing. So does 話 in 「ていーワゴン」の話が出てくる, or
    after what it tells (アウトレットと連携する話が出てくる)."""
    if i == 0:
        return False
    before = tokens[i - 1]
    if tokens[i].surface == "話":
        told = before.surface == "の" or before.pos[0] in ("動詞", "助動詞")
        return told and _word_appears(tokens, i + 2, named=True)
    if tokens[i].surface not in WORD_NOUNS:
        return False
    return before.surface == "って" or before.dictionary in ("言う", "いう") or \
        before.surface == "の" and i > 1 and tokens[i - 2].surface == "と"


def _word_appears(tokens, i: int, named: bool = False) -> bool:
    """出る in 言葉が出てくる, 使う in 単語が使われている: that a named word is in the text (``named``:
    the noun before it is known to name one); 触れる in …に触れている: that the text speaks of it."""
    if i >= len(tokens) or i < 1:
        return False
    if tokens[i].dictionary in MENTIONING:  # also after a compound particle: について触れている
        # (the noun before に may stand apart: 防災 OR 防犯 に触れている)
        return tokens[i - 1].surface == "に" or i > 2 and tokens[i - 1].surface == "て" \
            and tokens[i - 2].dictionary in PARTICLE_VERBS and tokens[i - 3].surface == "に"
    return tokens[i].dictionary in APPEARING and tokens[i - 1].surface in ("が", "は", "の") \
        and (i >= 2 and (named or _word_named(tokens, i - 2)) or _said_of_rows(tokens, i))


def _said_of_rows(tokens, i: int) -> bool:
    """出る in 防衛省との協議が出てくる施策: the verb, with its endings, says of the rows after it
    (or the blank a question leaves for them) that the text holds the words before it."""
    k = i + 1
    while k < len(tokens) and (tokens[k].pos[0] == "助動詞" or tokens[k].surface == "て"
                               or tokens[k].pos[:2] == ("動詞", "非自立可能")):
        k += 1
    return k < len(tokens) and (tokens[k].surface in ROW_NOUNS or tokens[k].surface == "、")


def _thing_asked(tokens, i: int) -> bool:
    """こと in どんなことに取り組んでいますか: the formal noun a determiner asks about names nothing,
    nor does こと after a clause or の (借りることはできますか, 空き家バンクのこと)."""
    return tokens[i].surface in ("こと", "事", "もの", "物") and i > 0 and tokens[i - 1].surface in MANNER_DETERMINERS \
        or formal_koto(tokens, i)


def formal_koto(tokens, i: int) -> bool:
    """Whether こと (or 件, "the matter") at ``i`` is the formal noun, which Sudachi reads as a
    common one: after a word that ends a clause or a noun phrase before a noun (使う|こと,
    空き家バンクの|こと, 新しく建てる|件; after a number 件 counts)."""
    return tokens[i].surface in ("こと", "事", "件") and i > 0 and (
        tokens[i - 1].surface == "の" or tokens[i - 1].pos[0] in ("動詞", "助動詞", "形容詞"))


def _scope_noun(tokens, i: int) -> bool:
    """関係 in 防災関係で, 分野 in 防災の分野で: "in the area of" the noun before it."""
    if tokens[i].surface not in SCOPE_NOUNS or not 0 < i < len(tokens) - 1 or tokens[i + 1].surface not in SCOPE_BEFORE:
        return False
    before = tokens[i - 2] if tokens[i - 1].surface == "の" and i > 1 else tokens[i - 1]
    # A question reads its filters as a blank (、): 行財政運営の指針の部分で → 、の部分で.
    return before.pos[0] == "名詞" and not before.framing or before.surface == "、" and tokens[i - 1].surface == "の"


def _target_noun(tokens, i: int) -> bool:
    """対象 of 中学3年生を対象に(した): "aimed at" the noun before it, a compound particle like
    に対して, which the rows write as often (市内中学3年生…に対して啓発冊子を配布)."""
    return tokens[i].normalized == "対象" and 0 < i < len(tokens) - 1 and tokens[i - 1].surface == "を" \
        and tokens[i + 1].surface in ("に", "と", "として")


# Verbs that make a verb of the noun they follow (位置|づける, 義務|付ける).
NOUN_TO_VERB = frozenset({"付ける", "づける"})


def made_verb(tokens, index: int) -> bool:
    """A noun a light verb makes a verb of (位置|づけられている, 義務|付ける): whatever the noun,
    the verb says how a thing is regarded, not what it is."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return tokens[index].pos[0] == "名詞" and following is not None and following.dictionary in NOUN_TO_VERB \
        and following.pos[1] == "非自立可能"


def verbal_noun(tokens, index: int) -> bool:
    """A noun used as a verb (解消|した, 反映|している, 位置|づけられている): the predicate of the
    sentence, which ranks rows but does not select them; so is each of verbal nouns listed with ・
    before the verb they share (作成・更新・配布|した)."""
    if made_verb(tokens, index):
        return True
    while tokens[index].pos[1:3] == ("普通名詞", "サ変可能") and index + 2 < len(tokens) \
            and tokens[index + 1].surface == "・":
        index += 2
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return tokens[index].pos[1:3] == ("普通名詞", "サ変可能") and following is not None \
        and following.dictionary in ("する", "できる", "出来る")


# Verbal nouns that say a row fits what is asked (どの施策が該当しますか, 当てはまる取組).
FITTING = frozenset({"該当", "合致", "当て嵌まる", "当てはまる"})
# The document's own names for its rows (the table header: 施策の方向性, 内容（取り組んでいく事業等）,
# 取組評価; the legend: …もの). Beside a topic or a filter they only say "rows" (遅れている事業,
# 子育ての取組), so they frame the request.
# やつ: もの, casually; メニュー: the services on offer (支援メニュー); 項目: an item evaluated (遅れている項目)
ROW_NOUNS = frozenset({"取組", "取り組み", "施策", "事業", "もの", "物", "やつ", "メニュー", "項目"})
# The rows as a clause names them: a row noun, or the の (ん) that stands for one (達成したのは).
ASKED_ROWS = ROW_NOUNS | {"の", "ん"}
# Nouns a clause makes a noun of: what it says, not a thing (…ていること, …したもの).
FORMAL_NOUNS = frozenset({"こと", "事", "もの", "物", "の", "ところ", "所"})


def _applies_asked(tokens, i: int) -> bool:
    """該当 in どの施策が該当しますか or 該当する取組は: that a row fits what was asked names nothing,
    when the rows are its subject or what it describes (the rows' own 該当者 stays a word)."""
    if tokens[i].normalized not in FITTING or not (verbal_noun(tokens, i) or tokens[i].pos[0] == "動詞"):
        return False
    verb = i + 1 if tokens[i].pos[0] == "名詞" else i
    after = [t for t in tokens[verb + 1:] if t.pos[0] != "助動詞"][:1]
    # the rows, which one (どれが), or the mark a question's reading leaves for a row noun (、が)
    subject = i >= 2 and tokens[i - 1].surface in ("が", "は") \
        and tokens[i - 2].surface in ASKED_ROWS | {"どれ", "何", "、"}
    return subject or bool(after) and after[0].surface in ASKED_ROWS


def _relation_verb(tokens, i: int) -> bool:
    """関係 in 跡地に関係する取り組み: a verbal noun of relation made a verb after に or と says what
    に関する says, "about" the noun before it."""
    return tokens[i].surface in SCOPE_NOUNS and i > 0 and tokens[i - 1].surface in ("に", "と") \
        and verbal_noun(tokens, i)


def _how_often(tokens, i: int) -> bool:
    """年度 in 毎年度やれたの: 毎 and a noun of time say how often, as 毎年 (an adverbial noun to
    Sudachi) does; before の they name a thing (毎年度の予算)."""
    return i > 0 and tokens[i - 1].surface == "毎" and tokens[i - 1].pos[0] == "接頭辞" \
        and tokens[i].pos[0] == "名詞" and i + 1 < len(tokens) and tokens[i + 1].surface != "の"


# What makes a numeral name no number (何十年, 数年, 幾百人): how many is asked or left open.
VAGUE_NUMERALS = ("何", "数", "幾")


def _vague_count(tokens, i: int) -> bool:
    """数 and 年 of 数年前, 10 and 年 of 何十年も手つかず (read 何10年, counts being written in digits):
    a count left vague says how long or how many, no topic the rows need write, and so does the
    counter after it."""
    def vague(k: int) -> bool:
        token = tokens[k]
        return token.pos[1] == "数詞" and (token.surface.startswith(VAGUE_NUMERALS)
                                          or k > 0 and tokens[k - 1].surface in VAGUE_NUMERALS)

    token = tokens[i]
    # 何人, 何回: Sudachi keeps some counters whole with 何; they ask how many as 何|件 does, and
    # so do いくつ and いくら (幾つ, 幾ら), one noun each
    asked = token.pos[:2] == ("名詞", "普通名詞") and len(token.surface) <= 3 \
        and (token.parts[:1] == ("何",) or len(token.normalized) == 2 and token.normalized[0] == "幾")
    return asked or vague(i) or i > 0 and vague(i - 1) and (token.pos[2] == "助数詞可能" or token.pos[0] == "接尾辞")


def _indefinite_noun(tokens, i: int) -> bool:
    """自治体 in どこかの自治体との連携: a noun an indefinite determines (どこかの, 何かの) is any
    one of its kind, no topic the rows need write."""
    return tokens[i].pos[0] == "名詞" and i >= 3 and [t.surface for t in tokens[i - 2:i]] == ["か", "の"] \
        and tokens[i - 3].pos[0] == "代名詞"


def _party_noun(tokens, i: int) -> bool:
    """相手 in 協定を結ぶ相手の市: another party, said of the noun after の."""
    return tokens[i].normalized in PARTY_NOUNS and i + 1 < len(tokens) and tokens[i + 1].surface == "の"


def _stressing_noun(tokens, i: int) -> bool:
    """自体 in 取り組み自体に: it only stresses the word before it (which a question may have
    blanked: 取り組み is no topic), and names nothing itself."""
    return tokens[i].surface in STRESSING_NOUNS and i > 0


def _company_noun(tokens, i: int) -> bool:
    """一緒 in 市民団体と一緒に: "together with" the noun before it."""
    return tokens[i].surface in COMPANY_NOUNS and 0 < i < len(tokens) - 1 \
        and tokens[i - 1].surface == "と" and tokens[i + 1].surface == "に"


def _way_of_doing(subs) -> bool:
    """やり方, 進め方: a verb and the suffix 方, "the way of doing it"."""
    return len(subs) == 2 and subs[0].part_of_speech()[0] == "動詞" and \
        subs[1].part_of_speech()[0] == "接尾辞" and subs[1].surface() == "方"


# The part of speech of a verb that helps another (して|いく, して|いる).
AUXILIARY_VERB = ("動詞", "非自立可能", "*", "*", "*", "*")


def _going_on(tokens, i: int) -> bool:
    """Whether a kana numeral after a verb's て form is the verb いく (公有地にして|いく件): Sudachi
    reads いく before a counter as 幾 (いく件: how many)."""
    token = tokens[i]
    return token.pos[1] == "数詞" and token.surface == "いく" and i > 0 and tokens[i - 1].surface in ("て", "で") \
        and tokens[i - 1].pos[0] == "助詞"


def _went(tokens, i: int) -> bool:
    """Whether kana いっ after how something went (うまく|いってる, 順調に|いってる) is いく, going:
    Sudachi reads it as いう (saying)."""
    if tokens[i].surface != "いっ" or i == 0:
        return False
    before = tokens[i - 1]
    return before.pos[0] == "形容詞" and before.surface.endswith("く") or before.surface == "に" and i > 1 \
        and tokens[i - 2].pos[0] == "形状詞"


def _the_one_of(tokens, i: int) -> bool:
    """ほう (方) after の and before a particle, a bracket or the end (商工観光課のほう, 市の方で):
    "the one of", which names nothing beside the noun before it; and 方々, the ones of (ボランティアの
    方々が: 々 repeats the kanji before it)."""
    token = tokens[i]
    if token.surface not in ("ほう", "方", "方々") or i == 0 or tokens[i - 1].surface != "の":
        return False
    return i + 1 == len(tokens) or tokens[i + 1].pos[0] in ("助詞", "補助記号", "空白")


def _framed(token: Token) -> Token:
    return dataclasses.replace(token, framing=True)


def reading(tokens) -> str:
    """The reading of a run of words in katakana (kana as typed: Sudachi misreads kana strings)."""
    return "".join(t.reading for t in tokens)


def hiragana_runs(text: str):
    """``(start, end)`` of each run of three or more hiragana: candidates for a reading match."""
    return [(m.start(), m.end()) for m in HIRAGANA_RUN.finditer(text)]


# A noun made from a verb is its stem (連用形: 作り, 見直し, 建て替え): the verb ends in the う-row
# kana of its last one (作る), or in る after it (建て替える).
TO_U_ROW = str.maketrans("いきぎしじちぢにひびぴみり", "うくぐすずつづぬふぶぷむる")
HIRAGANA_END = re.compile(r"[ぁ-ゖ]$")


def action_noun(text: str) -> bool:
    """Whether a noun names an action (誘致, 有料化, 体制づくり): its last word can be a verb,
    or 化 makes it one."""
    tokens = analyse(text)
    if not tokens:
        return False
    last = tokens[-1]
    return last.pos[2] == "サ変可能" or last.surface.endswith("化") or verb_stem(last.normalized)


# Nouns that name a quantity of what comes before them (会員数, 利用率, 予算額).
QUANTITY_NOUNS = frozenset({"数", "率", "額", "量", "費", "割合", "件数", "人数", "回数", "冊数", "者数"})


def names_a_quantity(text: str) -> bool:
    """Whether a noun is a quantity of something (会員数: 会員 + 数): its last word, or the last part
    Sudachi's finer split gives it, is a noun of quantity."""
    tokens = analyse(text)
    if not tokens:
        return False
    last = tokens[-1]
    return last.surface in QUANTITY_NOUNS or bool(last.parts) and last.parts[-1] in QUANTITY_NOUNS


# The endings of a noun that names people (障害者, 外国人): 者 and 人, which Sudachi keeps in the word.
PEOPLE_ENDINGS = ("者", "人")


def names_people(text: str) -> bool:
    """Whether a noun names people (障害者, 高齢者, 外国人) by its ending."""
    return len(text) > 1 and text.endswith(PEOPLE_ENDINGS)


def names_a_thing(text: str) -> bool:
    """Whether a word is one common noun of the dictionary that names no action (投票率, 霊園):
    a word Sudachi cuts into pieces may be mistyped (諦結, for 締結), so it says nothing of what it is."""
    tokens = analyse(text)
    return len(tokens) == 1 and tokens[0].pos[:2] == ("名詞", "普通名詞") and not action_noun(text)


@lru_cache(maxsize=4096)
def verb_of_stem(word: str) -> str:
    """The verb a noun made from a verb's stem is read as (見直し → 見直す, 建て替え → 建て替える), or ""."""
    if not HIRAGANA_END.search(word):
        return ""
    for verb in (word[:-1] + word[-1].translate(TO_U_ROW), word + "る"):
        tokens = analyse(verb)
        if verb != word and len(tokens) == 1 and tokens[0].pos[0] == "動詞":
            return tokens[0].dictionary
    return ""


def verb_stem(word: str) -> bool:
    """Whether Sudachi reads ``word`` with a verb's ending as one verb (作り → 作る)."""
    return bool(verb_of_stem(word))
