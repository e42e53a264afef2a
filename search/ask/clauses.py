"""Clauses of a sentence that answer why and yes/no questions, read from Sudachi's words.

A cause is marked by ため after a past, negative or adjective (難しいため, 回答であったため;
after a plain verb, 向上させるため, it is a purpose), ので, ことから, により, によるもの, 影響, に伴い, 理由,
〜たことで, 〜た結果, or a subject's adjective in its continuative form before a comma (要望も
多く、). A clause is negative when a negation (ない, ず, ません, 未) follows its predicate before
the clause ends.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis import morphemes, normalize, sub_morphemes

from ..understanding.tokens import hiragana, verb_of_stem


@dataclass(frozen=True)
class Token:
    lemma: str
    pos: str
    surface: str
    start: int
    end: int
    parts: tuple[str, ...] = ()  # the dictionary forms of a compound's parts (支給対象: 支給, 対象)
    groups: tuple[int, ...] = ()  # its Sudachi synonym groups (完了 shares one with 終わる)

    def says(self, lemma: str) -> bool:
        """Whether the word is ``lemma``, has it as a part, shares a Sudachi synonym group with it
        (終わりましたか is said by 完了し, 配ったか by 配布), is the kanji a verb is written with
        (増えたの is said by 10倍増), is the noun made of its stem (見直されたか is said by 見直し), or
        says it with respect (見られる by ご覧いただき)."""
        return self.lemma == lemma or lemma in self.parts or bool(set(self.groups) & set(groups_of(lemma))) \
            or (self.pos == "名詞" and verb_of_stem(self.lemma) == lemma) \
            or (len(self.lemma) == 1 and VERB_OF_KANJI.fullmatch(lemma) is not None and lemma[0] == self.lemma) \
            or lemma in RESPECTFUL.get(self.lemma, ())


# Respectful and humble words and the plain verbs they say (多くの方にご覧いただきました: 見た), as
# the city writes of its residents; Sudachi's synonym groups do not join them, so they are listed.
RESPECTFUL = {"御覧": ("見る",), "拝見": ("見る",), "拝聴": ("聞く",), "召し上がる": ("食べる",),
              "仰る": ("言う",), "申す": ("言う",), "伺う": ("聞く", "訪ねる", "訪問")}


# A verb written with one kanji and kana (増える, 減る, 延びる).
VERB_OF_KANJI = re.compile(r"[一-龯][ぁ-ゖ]+")


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(normalize(m.normalized_form()), m.part_of_speech()[0], m.surface(),
                       o + m.begin(), o + m.end(), tuple(normalize(p.normalized_form()) for p in sub_morphemes(m)),
                       tuple(m.synonym_group_ids()))
                 for o, m in morphemes(text))


@lru_cache(maxsize=1024)
def groups_of(lemma: str) -> tuple[int, ...]:
    """The synonym groups of a word given in dictionary form (one word: a phrase has none)."""
    words = [m for _, m in morphemes(lemma)]
    if len(words) != 1:
        return ()
    groups = tuple(words[0].synonym_group_ids())
    if groups or lemma == (kana := hiragana(words[0].reading_form())):
        return groups
    # Sudachi gives some words their groups only as written in kana (繋がる: none; つながる: 接続's)
    written = [m for _, m in morphemes(kana)]
    return tuple(written[0].synonym_group_ids()) if len(written) == 1 and written[0].normalized_form() == lemma else ()


@dataclass(frozen=True)
class Cause:
    """A causal clause of a sentence: where it ends (after its marker) and how sure it is."""

    start: int
    end: int
    strength: float


# Sentences that open with these give the consequence of the sentence before them.
CONSEQUENCE = re.compile(r"^(?:その結果|この結果|そのため|このため|これにより|これらにより|それにより|結果として|よって)")
# Sentences that open with these can turn what the sentence before them said.
CONTRAST = re.compile(r"^(?:しかし|しかしながら|ただし|但し|一方|ところが|なお|もっとも|とはいえ|だが|でも)")
PAST_OR_NEGATIVE = frozenset({"た", "ない", "だ", "ず", "ぬ", "です"})
# Verbs of state: ため after them gives a cause (状況であるため, 対応できないため).
STATIVE = frozenset({"有る", "居る", "出来る", "無い"})
# What completes a cause after its marker: 影響|により, 影響|で, 影響|を|受け.
CAUSE_TAIL = re.compile(r"^(?:により|によって|で|を受けて|を受け|のため|もあり|があり)")
LEADING_CONNECTIVE = re.compile(r"^(?:しかし|しかしながら|ただし|また|なお|一方|さらに|そのうえ)、?")


# The ends of the names of bodies that act (社会福祉協議会, 国, 事業者): により after one says who
# did something. A small table: no dictionary marks a noun as an organisation.
AGENTS = ("協議会", "委員会", "協会", "団体", "法人", "組合", "事業者", "事業所", "企業", "課", "市", "県", "国",
          "センター")


# Words of a change, by its direction. No general resource pairs opposites (Sudachi's synonym
# groups join 増える and 増加, never 増える and 減少), so the two lists are written here.
RISING = ("増える", "増加", "増す", "上昇", "上がる", "伸びる", "拡大", "高まる", "向上", "上回る")
FALLING = ("減る", "減少", "減らす", "低下", "下がる", "縮小", "下落", "落ちる", "下回る", "削減")
# Verbs that say what came of the clause before them (…を実施し、…の増加につなげる).
LED_TO = frozenset({"繋げる", "繋がる", "結び付ける", "結び付く"})


def _led_to(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the sentence goes on after word ``i`` to report a change it led to (…の増加につなげる
    ことができました), not what it is to lead to (…につなげていきます) nor an end it served
    (保存活用につなげました)."""
    rest = list(itertools.takewhile(lambda t: t.lemma != "。", toks[i + 2:]))
    led = next((k for k in range(2, len(rest)) if rest[k].lemma in LED_TO and rest[k - 1].lemma == "に"
                and any(rest[k - 2].says(w) for w in RISING + FALLING)), None)
    return led is not None and any(t.lemma == "た" and t.pos == "助動詞" for t in rest[led:])


def _marker(toks: tuple[Token, ...], i: int) -> tuple[int, float] | None:
    """``(index of the marker's last word, strength)`` when word ``i`` starts a causal marker."""
    t = toks[i]
    before = toks[i - 1] if i else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if t.lemma == "為" and before is not None:  # ため
        if before.pos == "形容詞" or (before.pos == "助動詞" and before.lemma in PAST_OR_NEGATIVE) \
                or before.lemma in STATIVE:
            return i, 1.0
        if before.pos == "助詞" and before.lemma == "の":
            return i, 0.6  # コロナ禍のため (a cause), 充実のため (a purpose)
        return i, 0.3  # 向上させるため: a purpose
    if t.lemma == "影響":
        return i, 1.0
    if t.lemma == "目的" and before is not None and before.surface == "を":
        return _stated_purpose(toks, i)
    if t.lemma == "理由":
        return i, 0.9
    if t.lemma == "に" and t.pos == "助詞" and after is not None and (
            (after.lemma == "よる" and after.surface in ("より", "よっ")) or after.surface == "伴い"):
        if i + 2 < len(toks) and toks[i + 2].pos in ("形容詞", "副詞"):
            return None  # 市民により広く: より compares
        if before is not None and after.surface != "伴い" and before.surface.endswith(AGENTS):
            return None  # 社会福祉協議会により…実施した: who did it, not why
        if before is not None and before.lemma == "こと" and i >= 2 and toks[i - 2].pos == "動詞" \
                and after.surface != "伴い":
            return i + 1, 0.4  # 分析することにより…できました: the means of its own sentence's outcome
        return i + 1, 0.8  # により, によって, に伴い (による before a noun says how, not why)
    if t.lemma == "に" and t.pos == "助詞" and after is not None and after.surface == "よる" and \
            i + 2 < len(toks) and toks[i + 2].lemma in ("物", "もの", "。", "、", "です", "だ"):
        return i + 1, 0.8  # 原因の多くは、施設の老朽化によるもので
    if t.lemma == "こと" and after is not None and after.lemma == "から":
        return i + 1, 1.0
    if t.lemma == "こと" and before is not None and before.lemma == "た" and after is not None \
            and after.surface == "で" and i + 2 < len(toks) and toks[i + 2].lemma == "、":
        return i + 1, 0.7  # 仕組みを構築したことで、…推進を図ることができました: what brought it about
    if t.lemma == "の" and t.pos == "助詞" and after is not None and after.lemma == "だ" \
            and after.surface == "で" and i + 2 < len(toks) and toks[i + 2].lemma == "、":
        return i + 1, 0.9  # 少ないので、
    if t.lemma == "、" and before is not None and before.pos == "動詞" and _led_to(toks, i):
        return i, 0.6  # …入替を実施し、…増加につなげることができました: what brought it about
    if t.surface == "から" and t.pos == "助詞" and _cause_from(toks, i):
        return i, 0.5  # 他市の予算状況から: what it comes from, read as a cause when nothing says more
    if t.surface == "よう" and t.pos == "形状詞" and before is not None and before.pos in ("動詞", "接尾辞", "助動詞") \
            and before.lemma not in ("た", "だ") and after is not None:
        # 研修に参加できるよう、…配信にする; 利用しやすいように、: the end the act serves, a purpose
        if after.lemma == "、":
            return i, 0.45
        if after.surface == "に" and i + 2 < len(toks) and toks[i + 2].lemma == "、":
            return i + 1, 0.45
    if t.lemma == "結果" and before is not None and before.lemma == "た":
        return i, 0.8
    if t.lemma == "受ける" and before is not None and before.lemma == "を" and after is not None \
            and after.lemma == "て":
        return i + 1, 0.6
    if t.lemma == "有る" and before is not None and before.surface == "も" and after is not None \
            and after.lemma in ("、", "て"):
        return i, 0.7  # 活動制限などもあり、…減少した: a cause among others
    if t.pos == "形容詞" and t.surface.endswith("く") and after is not None and after.lemma == "、" \
            and before is not None and before.surface in ("が", "も", "は"):
        # 要望も多く、…検討を進めました: a state of its subject, then the act it led to (広く、効果的に
        # with no subject says how the act is done)
        return i, 0.6
    if t.lemma in ("有る", "おる") and before is not None and before.surface in ("で", "て") and after is not None \
            and after.lemma == "、" and _shortfall_stated(toks, i):
        return i, 0.6  # 予算確保が困難であり、新たな整備は難しい: a shortfall stated before one that follows
    if t.lemma in HEEDED and before is not None and before.surface in ("に", "を"):
        return _heeded(toks, i)
    return None


# Nouns and verbs of heeding (…ことに注意の上、…とする; …を踏まえ、…を見直す): what is heeded is
# why the act after it is done so; weak as a purpose is, a stronger cause comes first.
HEEDED = frozenset({"注意", "留意", "考慮", "配慮", "勘案", "踏まえる"})
HEEDING_TAILS = (("の", "上"), ("し", "て"), ("し",), ("て",), ())


def _heeded(toks: tuple[Token, ...], i: int) -> tuple[int, float] | None:
    """``(index of the marker's last word, strength)`` when the word of heeding at ``i`` ends its
    clause (注意の上、, 踏まえ、, 配慮して、)."""
    rest = [t.surface for t in toks[i + 1:i + 4]]
    for tail in HEEDING_TAILS:
        if rest[:len(tail) + 1] == [*tail, "、"]:
            return i + len(tail), 0.45
    return None


def _stated_purpose(toks: tuple[Token, ...], i: int) -> tuple[int, float] | None:
    """``…ことを目的として、`` or ``…を目的に``: the purpose the sentence states for its act (人材育成
    …に活用することを目的として、人事評価を実施しました); ``…を目的とした事業``
    states the purpose of the noun after it. Weak as purposes are (a why question takes a cause
    first), unless the question asks what for (何のため)."""
    rest = [t.surface for t in toks[i + 1:i + 4]]
    if rest[:1] == ["に"]:
        return i + 1, 0.45
    if rest[:3] in (["と", "し", "て"], ["と", "し", "、"]):
        return i + (3 if rest[2] == "て" else 2), 0.45
    if rest[:3] == ["と", "し", "た"]:
        return i + 3, 0.3
    return None


def _shortfall_stated(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the clause that ends at word ``i`` (…であり, …しており) holds a word of shortfall, and
    the rest of the sentence says things went badly: the first is then why the second."""
    start = max((k + 1 for k in range(i) if toks[k].lemma == "、"), default=0)
    return any(t.lemma in SHORTFALL_WORDS for t in toks[start:i]) \
        and went_badly("".join(t.surface for t in toks[i + 1:]))


def _cause_from(toks: tuple[Token, ...], i: int) -> bool:
    """Whether から after a noun gives a cause (他市の予算状況から, 防犯の観点から): the noun is a
    common noun modified by の, not a time or counter (令和3年度から), and what follows is no
    source of something (市民からの提案) nor the other end of a range (幼少期から高齢者まで)."""
    first = i - 1
    while first > 0 and toks[first - 1].pos == "名詞":  # 予算|状況から
        first -= 1
    if first < 1 or first == i or toks[first - 1].surface != "の":
        return False
    noun = morphemes_pos(toks[i - 1].surface)
    if noun[:2] != ("名詞", "普通名詞") or noun[2] in ("副詞可能", "助数詞可能"):
        return False
    rest = toks[i + 1:]
    if rest and rest[0].surface == "の":
        return False
    clause = [t.surface for t in rest[:next((k for k, t in enumerate(rest) if t.surface in ("、", "。")), len(rest))]]
    return "まで" not in clause


@lru_cache(maxsize=4096)
def morphemes_pos(word: str) -> tuple[str, ...]:
    """The part of speech Sudachi gives a word read alone (状況: 名詞, 普通名詞, 一般)."""
    found = [m for _, m in morphemes(word)]
    return tuple(found[0].part_of_speech()) if len(found) == 1 else ()


# A concessive clause ends here (中止とした事業もありましたが、…支援を行いました): what follows
# is what the sentence asserts.
CONCESSIVE = re.compile(r"(?<=[たるいすだ])が、|ものの、|けれども?、"
                        # or a clause joined before it (…に取り組むとともに、…に対応するため): another act
                        r"|とともに、|と共に、")


def causes(text: str) -> list[Cause]:
    """The causal clauses of a sentence: from the clause start (the sentence start, or the end of
    a concessive clause: …したが、 / ものの、) to the end of its marker."""
    toks = tokens(text)
    found = []
    for i in range(len(toks)):
        marked = _marker(toks, i)
        if marked is None:
            continue
        last, strength = marked
        start = max((m.end() for m in CONCESSIVE.finditer(text, 0, toks[i].start)), default=0)
        start += LEADING_CONNECTIVE.match(text[start:]).end() if LEADING_CONNECTIVE.match(text[start:]) else 0
        end = toks[last].end
        tail = CAUSE_TAIL.match(text[end:])
        found.append(Cause(start, end + (tail.end() if tail else 0), strength))
    return found


NEGATIONS = frozenset({"ない", "ず", "ぬ", "ん"})
# Words that say something did not happen or stopped (中止, 休止; 停止, 中断, 閉鎖, 通行止め: it no
# longer runs; 凍結: talks frozen). No synonym group joins them (中止 and 中断 have none).
NEGATIVE_WORDS = frozenset({"未", "未実施", "中止", "見送る", "見送り", "休止", "廃止", "延期", "無い",
                            "停止", "中断", "閉鎖", "通行止め", "凍結"})


SENTENCE_ENDS = frozenset({"。", "？", "?", "！", "!"})


def negated_after(text: str, position: int) -> bool:
    """Whether the clause that goes on at ``position`` is negative: a negation before the next
    comma that starts another clause (し、 て、) or the end of the sentence. The word at
    ``position`` is the one asked about: a word of stopping there (中止 of 中止になったの) is what
    is said, no negation of it, wherever the clause says it again."""
    toks = [t for t in tokens(text) if t.start >= position]
    asked = toks[0].lemma if toks and toks[0].start == position else None
    for i, t in enumerate(toks):
        if t.surface in SENTENCE_ENDS:
            return False
        if t.lemma in ("、", "。") and i and toks[i - 1].lemma in ("為る", "て", "た", "ます", "で", "だ"):
            return False
        if (t.pos == "助動詞" and t.lemma in NEGATIONS) or (t.lemma in NEGATIVE_WORDS and t.lemma != asked):
            return True
    return False


def done_after(text: str, position: int) -> bool:
    """Whether the word at ``position`` is reported done: a past auxiliary (た) follows it before
    the clause ends (…「入間ドック」を実施したが、…見込みがたいことは課題である)."""
    for t in (t for t in tokens(text) if t.start > position):
        if t.surface in SENTENCE_ENDS or t.lemma in ("、", "。") or t.pos not in ("助動詞", "助詞", "動詞", "接尾辞"):
            return False
        if t.pos == "助動詞" and t.lemma == "た":
            return True
    return False


def negative(text: str) -> bool:
    """Whether a sentence says something was not done (行っていません, 実施できませんでした), in its
    main clause: after a concessive one (…もありましたが、…を行いました) if it has one."""
    turns = list(CONCESSIVE.finditer(text))
    main = text[turns[-1].end():] if turns else text
    return any((t.pos == "助動詞" and t.lemma in NEGATIONS) or t.lemma in NEGATIVE_WORDS for t in tokens(main))


# Words that say an outcome fell short (限りがある, 困難, 難しい, 不足): no dictionary marks them, so a
# small table; negations say it too (see ``negative``).
SHORTFALL_WORDS = frozenset({"限り", "限界", "困難", "難しい", "不足", "低下", "減少", "遅れ", "遅れる", "厳しい", "難航"})


def went_badly(text: str) -> bool:
    """Whether a clause says things went badly: a negation, or a word of shortfall (限り as a
    noun of its own, 限りがある; 可能な限り and できる限り say "as far as possible")."""
    toks = tokens(text)
    return negative(text) or any(t.lemma in SHORTFALL_WORDS and not (t.lemma == "限り" and i and toks[i - 1].pos != "助詞")
                                 for i, t in enumerate(toks))


# Verbs that make the noun before them (減少|に|努める, 削減|を|目指す) an aim, not what happened.
AIM_VERBS = frozenset({"努める", "目指す", "図る", "取り組む", "向ける", "期す"})


def aimed_at(text: str, position: int) -> bool:
    """Whether the word at ``position`` is what was aimed at (交通事故の減少に努めました: an effort
    toward 減少, which says nothing of whether it came): the word, a suffix (減量化), に or を, then
    a verb of aiming."""
    toks = [t for t in tokens(text) if t.start >= position][1:]
    while toks and toks[0].pos == "接尾辞":
        toks = toks[1:]
    return len(toks) >= 2 and toks[0].lemma in ("に", "を") and toks[1].lemma in AIM_VERBS


# Auxiliaries and verbs that make a sentence's ending a state or ongoing (しています, しております).
ONGOING = frozenset({"いる", "居る", "おる", "有る", "ある"})
# Nouns of a plan (予定はあるんですか asks whether one is there), and the words that name one in a sentence.
PLAN_NOUNS = frozenset({"予定", "計画", "見込み"})
PLAN_WORDS = PLAN_NOUNS | {"見込む"}


def ending(text: str, last: int) -> list[Token]:
    """The last ``last`` verbs and auxiliaries of ``text``: how it ends (実施|し|まし|た)."""
    return [t for t in tokens(text) if t.pos in ("動詞", "助動詞")][-last:]


def plans(text: str) -> bool:
    """Whether a sentence says what is planned, not what happened or goes on: its ending is neither
    past nor negative nor a state (令和4年度に実施を予定しています; 全小中学校で発足します;
    6地区になります), or it names a plan (予定, 見込み) before a non-past ending."""
    end = ending(text, 3)
    if not end or any(t.lemma == "た" or t.lemma in NEGATIONS for t in end):
        return False
    named = any(t.lemma in PLAN_WORDS for t in tokens(text))
    return named or not any(t.lemma in ONGOING for t in end)


def asks_past(question: str) -> bool:
    """Whether a question asks what happened: its ending is past (実施されたのか, 立ち上がったの？,
    発足したんですか), or it asks whether it is done already (策定済みですか: the suffix 済み)."""
    return any(t.lemma == "た" for t in ending(question, 3)) \
        or any(t.pos == "接尾辞" and t.lemma == "済み" for t in tokens(question)[-4:])


def reports(text: str) -> bool:
    """Whether a sentence reports what happened: its last verb or auxiliary is past (増加しました)
    or negative (実施していません); a statement (…点が課題である) or an aim (…を図ります) does not."""
    end = ending(text, 1)
    return bool(end) and (end[0].lemma == "た" or end[0].lemma in NEGATIONS)


def lemma_positions(text: str, lemma: str) -> list[int]:
    """Where words of ``text`` have the dictionary form ``lemma`` (導入 in 導入しました)."""
    return [t.start for t in tokens(text) if t.says(lemma)]
