"""The words of a query, each matched as well as the corpus allows.

A word of the query that the documents contain is kept as typed: search stays exact on the
document's own words. Anything else is analysed:

1. framing words (について, どう, 教えてください …) are dropped and reported;
2. the rest is cut into units: compound nouns (空き家対策, 市民活動) and predicates (暮らす);
   a run of hiragana that reads like a corpus word becomes that word (としょかん → 図書館);
3. each unit is matched as written; failing that, by its reading (健康増新 → 健康増進), by a
   synonym group (お年寄り → 高齢者), by the nearest corpus spelling within one edit (コミニティ
   バス → コミュニティバス, 「もしかして」), or by its parts (防災無線 → 防災, 無線);
4. a word that matches nothing stays in the query as unknown: a search for something the
   documents do not mention finds nothing.

Several units make a ``soft`` node: the rows that hold most of their distinctive words.
Single words that the corpus contains are also widened by their Sudachi synonym group
(子ども → 児童), ranked below the word itself.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis import hiragana_only, normalize

from ..limits import MAX_SENTENCE_WORDS
from ..query import Leaf, Node
from .model import Dropped, Expansion
from .tokens import (ROW_NOUNS, SCOPE_NOUNS, Token, action_noun, analyse, hiragana, hiragana_runs, katakana,
                     made_verb, names_a_thing, names_people, particle_verb, reading, verbal_noun)

KANJI = re.compile(r"[一-龯々]")
# Particles that may end a run of kana after the word it spells (あきやの, じちかいについて).
PARTICLES_AFTER = re.compile(r"の|は|が|を|に|へ|と|で|も|って|について|に関する|における|への|での|との|から|まで")
KANJI_RUN = re.compile(r"[一-龯々]{4,}")  # shorter runs are one edit from too many words
# The words an input method may convert as one (学び|愛 for 学び合い): nouns, verbs and their endings.
CONVERTED_POS = frozenset({"名詞", "動詞", "接尾辞"})
MAX_WIDENED = 5
# Suffixes that name a place (案内所, 学習室, 交流館): a compound they head that the rows never write
# is a place of its own, not its parts. Sudachi marks them 接尾辞 with the others; none of its fields
# tells which of them name a place, so they are listed.
PLACE_SUFFIXES = frozenset({"所", "室", "館", "場", "園", "局", "庁", "署", "店", "院"})
CASE_PARTICLES = frozenset({"の", "を", "が", "は", "に", "で", "と", "も", "や", "へ"})
HONORIFICS = frozenset({"さん", "様", "さま", "ちゃん", "くん", "君"})
# Suffixes that leave the thing their stem names (高齢者向け, 障害者用, 市民等, 学校毎, 消防団員: its
# members), unlike those that name another (県内 is not 県, デジタル化 not デジタル): Sudachi marks
# both kinds 接尾辞, so this small table tells them apart.
LIGHT_SUFFIXES = frozenset({"向け", "用", "等", "毎", "達", "ら", "員"})
# A word in fewer rows than this is widened by its synonyms even though the rows contain it.
MIN_RARE = 10
RARE_SHARE = 0.03  # corpus words one query word may widen to (each is one more look-up)
MIN_CLIPPED = 3  # characters: a shorter noun begins too many corpus words to stand for one
MAX_CLIPPED = 2  # longer corpus words a noun typed short may stand for (each is one more look-up)
MIN_FUZZY = 3  # characters: a shorter word is one edit away from too many others
# A word the documents use in at most this share of the rows says alone what rows are about: a
# noun used as a verb (移住してくる人), a compound's rare part (ごみ of ごみ処理施設, engine.specific).
SPECIFIC_SHARE = 0.02
LONG_FUZZY = 7  # characters: from here two edits are allowed


MAX_KANA_RUN = 30  # characters of hiragana compared with readings (a longer run is cut)
MIN_SPELLED_RUN = 8  # a run this long that is all grammar to Sudachi may be words spelled in kana
MAX_QUOTED_WORD = 12  # characters: a quoted word read by its sound is one word, not a phrase
# The table's column for its departments (所管課) and its everyday names: beside a topic
# (子育て支援の担当課, 協定の担当ってどこ) they ask whose rows, they are no topic.
DEPARTMENT_NOUNS = frozenset({"所管課", "担当課", "担当部署", "所管部署", "担当部局", "担当", "所管"})


# A number and its counter (一人, 2人, 三つ).
COUNT_PART = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十]{1,3})(?:人|名|つ|個|件|回|台|本|枚)")

PLACE_KINDS = "市町村区都道府県"
DISTRICT_NOUNS = frozenset({"地区", "地域"})  # after a place's name: which part of the city
SELF_FORMS = ("本{}", "当{}", "{}当局")
KATAKANA_ONLY = re.compile(r"[ァ-ヶー]+")
MIN_KATAKANA_READ = 4  # shorter katakana reads like too many words


# The names of the Latin letters in katakana, as a word spelling them out writes them (ジェイ, ディー).
LETTER_NAMES = {"エー": "A", "エイ": "A", "ビー": "B", "シー": "C", "ディー": "D", "イー": "E", "エフ": "F",
                "ジー": "G", "エイチ": "H", "エッチ": "H", "アイ": "I", "ジェイ": "J", "ジェー": "J", "ケー": "K",
                "ケイ": "K", "エル": "L", "エム": "M", "エヌ": "N", "オー": "O", "ピー": "P", "キュー": "Q",
                "アール": "R", "エス": "S", "ティー": "T", "ユー": "U", "ブイ": "V", "ヴィー": "V",
                "ダブリュー": "W", "エックス": "X", "ワイ": "Y", "ゼット": "Z", "ゼッド": "Z"}
LETTER_NAME = re.compile("|".join(sorted(LETTER_NAMES, key=len, reverse=True)))


def spelled_out(text: str) -> str:
    """The Latin letters ``text`` spells out in katakana (ディーエックス: DX), or "" when it is no
    such spelling."""
    letters, at = [], 0
    while at < len(text):
        m = LETTER_NAME.match(text, at)
        if m is None:
            return ""
        letters.append(LETTER_NAMES[m.group(0)])
        at = m.end()
    return "".join(letters)


@lru_cache(maxsize=16)
def document_places(titles: tuple[str, ...]) -> frozenset[str]:
    """The place names the documents' titles hold (第6次入間市総合計画: 入間市): the place every
    row is about, which names no row in particular; also without the word for its kind."""
    names = {t.surface for title in titles for t in analyse(title) if t.pos[1:3] == ("固有名詞", "地名")}
    kinded = [name for name in names if len(name) > 2 and name[-1] in PLACE_KINDS]
    # and the same without the word for its kind (入間 of 入間市: 入間の図書館), and the words the
    # place's government calls itself by (本市, 当市: no dictionary marks them as the author; 市役所
    # is also a building, where a market was held)
    return frozenset(names | {name[:-1] for name in kinded}
                     | {form.format(name[-1]) for name in kinded for form in SELF_FORMS})


def _only_grammar_and_rows(tokens) -> bool:
    """Grammar around a row noun and nothing else (のもの, した取組): it says "rows", not what about."""
    grammar = [t for t in tokens if t.pos[0] in ("助詞", "助動詞", "補助記号") or t.framing]
    rows = [t for t in tokens if t.surface in ROW_NOUNS]
    # A row noun must be there: Sudachi cuts a kana word into "grammar" too (あきや → あき・や).
    return bool(grammar) and bool(rows) and all(t in grammar or t in rows for t in tokens)


@dataclass(frozen=True)
class Unit:
    """A piece of the query to match: a compound noun or a predicate, as typed."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    kind: str  # noun, predicate
    widened: tuple[Expansion, ...] = ()  # found before analysis (a kana run's reading, a kanji typo)


class LeafReader:
    """Turns the leaves of a query tree into understood leaves, collecting dropped words."""

    def __init__(self, corpus, count_rows, described: frozenset[str] = frozenset()):
        self.corpus = corpus
        self.vocabulary = corpus.vocabulary
        self.count_rows = count_rows  # text -> rows that contain it
        self.size = len(corpus.facets)
        # Words of the legend labels of the grades read from the text: 検討中で未実施 names お
        # (検討等は進めているものの、未実施), so 検討 is part of the grade, not a topic.
        self.described = described
        self.places = document_places(tuple(d["title"] for d in corpus.documents))
        # the kinds of those places (市 of 入間市), which lead compounds of theirs (市職員)
        self.place_kinds = {place[-1] for place in self.places if len(place) > 2 and place[-1] in PLACE_KINDS}
        self.dropped: list[Dropped] = []

    def tree(self, node, filtered: bool = False):
        """The understood tree; ``filtered`` when filters were read from the same text."""
        understood = self._without_row_nouns(self._tree(node, False), filtered)
        leaves = list(_leaves(understood))
        if filtered and leaves and all(leaf.text in ASPECTS and not leaf.exact for leaf in leaves):
            # 介護保険課の取組状況: how the rows the filter names stand is what is asked, no word of them
            self.dropped += [Dropped(leaf.text, "asking") for leaf in leaves]
            return None
        return understood

    def _tree(self, node, excluded: bool):
        if node is None:
            return None
        if isinstance(node, Leaf):
            if node.exact and not excluded:
                return self.quoted(node)
            return node if excluded else self.leaf(node.text)
        if node.op == "and" and not excluded:
            node = Node(node.op, quoted_alternatives(node.children))
        children = [self._tree(c, excluded or node.op == "not") for c in node.children]
        if node.op == "and" and not excluded:
            return acts_ranking(children) or _node(node.op, children)
        return _node(node.op, children)

    def quoted(self, leaf: Leaf) -> Leaf:
        """A quoted phrase is matched whole; but one the documents never use (いわゆる「ふめいすい」)
        is still read as the one corpus word it sounds or is spelled like (不明水): quotes keep
        words together, they do not ask for a spelling the documents lack."""
        if len(leaf.text) > MAX_QUOTED_WORD or self.contains(leaf.text):
            return leaf  # a long quoted phrase is a phrase, matched as written
        kept = len(self.dropped)
        understood = self.leaf(leaf.text)
        del self.dropped[kept:]
        return understood if isinstance(understood, Leaf) and understood.widened else leaf

    def _without_row_nouns(self, node, filtered: bool):
        """Drop the row nouns (事業, 取組) when a filter or another word says which rows, and the
        place the documents are about (入間市の図書館: every row is the city's)."""
        leaves = list(_leaves(node))
        if not filtered and len(leaves) < 2:
            return node

        def keep(leaf):
            # the place typed by its sound too (いるまの公園)
            place = leaf.text in self.places or bool(leaf.widened) and all(w.text in self.places for w in leaf.widened)
            if leaf.exact or not place and leaf.text not in ROW_NOUNS | DEPARTMENT_NOUNS:
                return True
            self.dropped.append(Dropped(leaf.text, "document" if place else "row noun"))
            return False
        return _filter_leaves(node, keep)

    def trimmed(self, text: str) -> tuple[str, tuple[Token, ...]]:
        """``text`` without the particles that begin or end it (の取組 is what is left of
        「子育ての取組」 once 子育て was read as something else; 自治会を → 自治会)."""
        tokens = analyse(text)
        start, end = 0, len(tokens)
        if _only_grammar_and_rows(tokens):  # のもの of 「進捗がEのもの」 once 進捗がE was read
            self.dropped += [Dropped(t.surface, "grammar") for t in tokens if t.pos[0] != "補助記号"]
            return "", ()
        # Sudachi cuts a hiragana string anywhere (あきや → あき・や): a particle is one only
        # beside a word that is not written in hiragana; so is a small kana it calls a symbol
        # (ぃ of ぜろかーぼんしてぃ, ゼロカーボンシティ typed in hiragana).
        # A noun the dictionary writes in hiragana and the rows use (ごみ of ごみの) is a word: a
        # case particle beside it is one.
        def edge(i, inside, kinds):
            symbol = tokens[i].pos[0] == "補助記号" and not hiragana_only(tokens[i].surface)
            beside = tokens[inside] if 0 <= inside < len(tokens) else None
            word = beside is not None and tokens[i].surface in CASE_PARTICLES and beside.pos[0] == "名詞" \
                and len(beside.surface) >= 2 and beside.normalized == beside.surface and self.contains(beside.surface)
            return tokens[i].pos[0] in kinds and (symbol or word or not (
                beside is not None and hiragana_only(beside.surface)))
        while start < end and edge(start, start + 1, ("助詞", "助動詞", "補助記号")):
            start += 1
        while end > start and (edge(end - 1, end - 2, ("助詞", "補助記号")) or copula_after_noun(tokens, end - 1)):
            end -= 1
        # two particles after a word not in hiragana (防衛省|と|の): both go
        if end - start > 2 and all(t.pos[0] == "助詞" for t in tokens[end - 2:end]) \
                and edge(end - 2, end - 3, ("助詞",)):
            end -= 2
        # A compound particle that ends it (情報発信|について, 自治会|に関する) goes as a particle does,
        # though a row may write the words with it (47: 情報発信について).
        tail = end - 1 if end - start > 3 and tokens[end - 1].surface == "て" else end
        if tail - start > 2 and tokens[tail - 2].surface in ("に", "を") and not hiragana_only(tokens[tail - 3].surface) \
                and particle_verb(tokens[tail - 1]):
            end = tail - 2
        # A noun that only says "in the area of" the one before it (関係 of スポーツ関係で) goes too,
        # though the rows write the pair inside a longer word (スポーツ関係者).
        if end - start > 1 and tokens[end - 1].framing and tokens[end - 1].surface in SCOPE_NOUNS:
            end -= 1
        for token in tokens[:start] + tokens[end:]:
            if token.pos[0] != "補助記号":
                self.dropped.append(Dropped(token.surface, "grammar"))
        if start == end:
            return "", ()
        if (start, end) == (0, len(tokens)):
            return text, tokens
        base = tokens[start].start
        trimmed = text[base:tokens[end - 1].end]
        # A word framed by what was trimmed stays framed (教え|て: a request, though て is gone).
        framed = {(t.start - base, t.end - base) for t in tokens[start:end] if t.framing}
        return trimmed, tuple(dataclasses.replace(t, framing=True) if (t.start, t.end) in framed else t
                              for t in analyse(trimmed))

    def has_concept(self, text: str) -> bool:
        """Whether the concept table (data/synonyms.tsv) expands ``text`` (matching.py looks the
        expansions up)."""
        return normalize(text) in self.corpus.expansions

    def rare(self, text: str) -> bool:
        """Whether the rows use a word, and in few of them (at most 2%): a noun used as a verb that
        says what is asked about (移住してくる人), not how (解消した, 実施している)."""
        return 0 < self.count_rows(text) <= SPECIFIC_SHARE * self.size

    def contains(self, text: str) -> bool:
        return self.vocabulary.rows(text.lower()) > 0 or self.count_rows(text) > 0

    def leaf(self, text: str):
        """One word of the query as typed (no blanks inside)."""
        typed = text
        text, tokens = self.trimmed(text)
        if not tokens:
            return None
        if all(t.framing or self.describes_grade(t) for t in tokens) and not self.kana_word(text) \
                and not self.kana_words(text):  # こんかつをしたい: a word Sudachi reads as grammar
            # Grammar alone (について, どうなっている), or the wording of a grade read elsewhere.
            why = "grade wording" if any(map(self.describes_grade, tokens)) else "grammar"
            self.dropped.append(Dropped(text, why))
            return None
        if (self.contains(text) or self.has_concept(text)) and not relative_clause(tokens) \
                and not case_between(tokens):
            widened = self.known_widened(tokens, text) + self.long_vowel_dropped(text)
            return Leaf(text, widened=widened[:MAX_WIDENED])
        whole = self.by_reading(analyse(text))
        if whole:  # 健康増新, がくどう保育: the whole word reads like a corpus word
            return Leaf(text, widened=whole)
        read = self.katakana_for_kanji(text)
        if read is not None:
            return read
        units = merge_concepts(text, merge_kana(self.units(text, tokens), self.by_reading), self.has_concept,
                               self.contains, lambda word: self.vocabulary.rows(word.lower()) > 0)
        units = merge_counted(text, units, self.contains)
        for unit in units[MAX_SENTENCE_WORDS:]:
            self.dropped.append(Dropped(unit.text, "too many words"))
        units = units[:MAX_SENTENCE_WORDS]
        after = typed[typed.rfind(text) + len(text):] if text else ""  # the particles trimmed off the end
        joints = [text[a.end:b.start] for a, b in zip(units, units[1:])]
        leaves = alternatives(self.attached(text, units, after), joints)
        if not leaves:
            return None
        return leaves[0] if len(leaves) == 1 else Node("soft", tuple(leaves))

    def katakana_for_kanji(self, text: str):
        """Katakana typed for words written in kanji (ボウサイムセン: 防災 and 無線), read as hiragana
        is, when every piece of it reads like a corpus word; else ``None`` (a loanword the rows do
        not use stays as typed)."""
        if len(text) < MIN_KATAKANA_READ or not KATAKANA_ONLY.fullmatch(text):
            return None
        kana = hiragana(text)
        kept = len(self.dropped)
        found = self.leaf(kana)
        leaves = list(_leaves(found)) if found is not None else []
        if leaves and "".join(leaf.text for leaf in leaves) == kana \
                and all(leaf.widened and all(w.how == "reading" for w in leaf.widened) for leaf in leaves):
            return found
        del self.dropped[kept:]
        return None

    def attached(self, text: str, units: list[Unit], after: str = "") -> list[list[Leaf]]:
        """The leaves of each unit; those of a unit that follows an unknown one through の (the
        B of AのB: 整備計画 of 道の駅の整備計画) only qualify it, like the modifiers of an
        unknown head inside one unit (市営 of 市営墓地), unless a known word is coordinated with
        the unknown one (補修 of 道路の穴ぼこやひび割れの補修). The A of AのB qualifies B when B
        is an unknown thing (若者 of 若者の投票率), as the place of AにBを does (公園 of
        公園にドッグランを作って); before an unknown action, A is what is acted
        on (ごみ処理施設 of ごみ処理施設の建て替え), which the rows must hold, and before a word
        Sudachi cuts into pieces (諦結, mistyped) nothing is known of B."""
        found, after_unknown, group_unknown, of_known = [], False, True, False
        joints = [text[a.end:b.start] for a, b in zip(units, units[1:])] + [""]
        for k, (unit, joint) in enumerate(zip(units, joints)):
            governed = units[k - 1].text if k and joints[k - 1] in CASE_JOINTS else ""
            leaves = self.resolve(unit, units, governed=governed)
            qualifies = after_unknown
            if qualifies and k and joints[k - 1] == "の" and says_which_people(found[-1], unit, leaves):
                found[-1] = [dataclasses.replace(leaf, kind="predicate") for leaf in found[-1]]
                qualifies = False
            if qualifies:
                leaves = [dataclasses.replace(leaf, of_unknown=leaf.of_unknown or "phrase") for leaf in leaves]
            elif not KATAKANA_ONLY.fullmatch(unit.text):
                # 詐欺 of 特種詐欺 (mistyped) alone still says what the rows are about; サイクル of
                # シェアサイクル does not: a loanword compound is one word, its head another one's.
                # Nor does what is done to the unknown word (同行 of ペット同行), as after の.
                leaves = [dataclasses.replace(leaf, of_unknown="")
                          if leaf.of_unknown == "modified" and not action_noun(leaf.text) else leaf
                          for leaf in leaves]
            found.append(leaves)
            # (a unit that ends in a word named by an unknown modifier, 住民投票条例, is unknown whole)
            group_unknown = group_unknown and bool(leaves) \
                and (not leaves[-1].known or leaves[-1].of_unknown == "named")
            # An unknown word that a known one qualifies (役員 of 自治会の役員の負担) is a thing of a
            # topic the documents name: what follows it is not cut off from that topic. A chain
            # goes on through what is done about the unknown thing: 呼びかけ of 献血への協力の呼びかけ
            # is about 献血 too; not through a thing (子ども of 放課後の子どもの居場所づくり).
            goes_on = qualifies and action_noun(unit.text)
            # A phrase that qualifies goes on through the words glued to it (区画 of 霊園の空き区画).
            after_unknown = (group_unknown or goes_on) and joint in NOUN_JOINTS and not of_known \
                or qualifies and not joint
            of_known = (joint == "の" and bool(leaves) and leaves[-1].known and not qualifies
                        or (of_known and group_unknown))
            group_unknown = group_unknown or joint not in COORDINATION
        for i, joint in enumerate(joints[:-1]):  # 若者 of 若者の投票率: it qualifies an unknown thing
            head = found[i + 1][-1] if found[i + 1] else None
            # ... unless that thing qualifies a known one in turn (自治会の役員の負担: the 負担 of it)
            goes_on = i + 2 < len(found) and joints[i + 1] == "の" and bool(found[i + 2]) and found[i + 2][-1].known
            # 公園 of 公園にドッグランを作って: the place an unknown thing is wanted in
            placed = joint == "に" and text[units[i + 1].end:].startswith("を")
            # (a noun for rows or departments, 担当部署, names no thing: it is dropped, not unknown)
            if (joint == "の" or placed) and head and not head.known and names_a_thing(head.text) and not goes_on \
                    and head.text not in ROW_NOUNS | DEPARTMENT_NOUNS:
                found[i] = [dataclasses.replace(leaf, of_unknown=leaf.of_unknown or "compound") for leaf in found[i]]
            elif placed and head and head.known and found[i] and not any(leaf.known for leaf in found[i]):
                # 屋根 of 屋根に太陽光パネルを付けたら: where a known thing is put, an unknown place
                # only says where; like a predicate it ranks, and it weighs nothing in what is asked
                found[i] = [dataclasses.replace(leaf, kind="predicate") for leaf in found[i]]
        return self.requested(text, units, joints, found, after)

    def requested(self, text: str, units: list[Unit], joints: list[str], found: list[list[Leaf]],
                  after: str = "") -> list[list[Leaf]]:
        """A request as a council files it, 〇〇の拡充を, 〇〇の現状と課題について: after a known topic
        and の, the nouns that end it say what is asked of the topic. An action asked for (拡充を,
        実現に向けて) only ranks its rows, like a predicate; an aspect (現状, 課題: ASPECTS) is framing."""
        last = len(units)  # the nouns end before the verbs that ask (拡充を求める)
        while last > 1 and units[last - 1].kind == "predicate":
            last -= 1
        first = next((i for i in range(last - 1, 0, -1) if joints[i - 1] == "の"), None)
        if first is None or not all(leaf.known for leaf in found[first - 1]) or not found[first - 1]:
            return found
        tail = range(first, last)
        rest = joints[last - 1] if last < len(units) else text[units[-1].end:] + after
        if any(joints[i] not in COORDINATION for i in tail[:-1]) \
                or rest.strip(" 　、。") and not all(t.framing for t in analyse(rest)):
            return found  # the tail is not the query's end (the rest is more than grammar)
        asked_for = REQUEST_END.match(rest)  # 拡充を, 実現に向けて; not 助成 alone
        if last < len(units) and not asked_for:
            return found
        for i in tail:
            if units[i].text in ASPECTS:
                self.dropped.append(Dropped(units[i].text, "asking"))
                found[i] = []
            elif len(found[i]) > 1 and found[i][-1].text in ASPECTS:
                # 見直し|状況 (a compound the rows never write): how the act on the topic goes; the
                # act only ranks the topic's rows, as an action asked for does.
                self.dropped.append(Dropped(found[i][-1].text, "asking"))
                found[i] = [dataclasses.replace(leaf, kind="predicate") if leaf.known and action_noun(leaf.text)
                            else leaf for leaf in found[i][:-1]]
            elif asked_for and len(found[i]) == 1 and found[i][0].known and action_noun(units[i].text):
                found[i] = [dataclasses.replace(found[i][0], kind="predicate")]
        return found

    def units(self, text: str, tokens: tuple[Token, ...]) -> list[Unit]:
        """The content units of ``text`` (whose words are ``tokens``); framing words go to ``dropped``."""
        mistyped = self.mistyped_kanji(text, tokens)  # runs read as one word
        whole = [w for w in self.kana_words(text) if not any(a < w[1] and w[0] < b for a, b, _ in mistyped)]
        whole += mistyped
        whole += self.misconverted(text, tokens, [(start, end) for start, end, _ in whole])
        whole += self.numbered(tokens, [(start, end) for start, end, _ in whole])
        covered = [(start, end) for start, end, _ in whole]
        units, run = [], []
        pending = {start: unit for start, _, unit in whole}

        def close():
            if run:
                units.append(Unit(text[run[0].start:run[-1].end], run[0].start, run[-1].end, tuple(run), "noun"))
                run.clear()

        for index, token in enumerate(tokens):
            if any(a <= token.start < b or a < token.end <= b for a, b in covered):
                if token.start in pending:
                    close()
                    units.append(pending.pop(token.start))
                continue
            if token.framing:
                close()
                if token.pos[0] not in ("補助記号", "空白"):
                    self.dropped.append(Dropped(token.surface, "grammar"))
            elif self.describes_grade(token):
                close()
                self.dropped.append(Dropped(token.surface, "grade wording"))
            elif token.pos[0] == "接尾辞" and token.surface in HONORIFICS and run:
                close()  # 保健師さん, 農家さん: a title of respect names the people the noun does
                self.dropped.append(Dropped(token.surface, "grammar"))
            elif not run and (adverbial_use(tokens, index) or intent_asked(tokens, index)):
                # 早めに見つけて, 気軽に相談できる: how it is done, which only ranks, as a verb does;
                # 入れ替える予定ってありますか: whether the act is planned, which the act's rows say
                units.append(Unit(token.surface, token.start, token.end, (token,), "predicate"))
            elif token.is_noun_piece and not (not run and self.used_as_verb(tokens, index)
                                              and (not self.rare(token.surface) or self.qualifies_rare(tokens, index)
                                                   or made_verb(tokens, index))
                                              and not self.describing(tokens, index)):
                if token.pos[0] == "接尾辞" and not run:
                    continue
                run.append(token)
            elif token.is_predicate or token.is_noun_piece:
                close()
                units.append(Unit(token.surface, token.start, token.end, (token,), "predicate"))
            else:
                close()
        close()
        for unit in pending.values():  # a whole run no token started at
            units.append(unit)
        return units

    def qualifies_rare(self, tokens: tuple[Token, ...], index: int) -> bool:
        """Whether a noun used as a verb describes a rare noun right after it (主催|する|スポーツ大会):
        that noun names the topic, the clause only says which (移住|して|くる|人 describes no rare
        noun: 移住 is the topic)."""
        k = index + 1
        while k < len(tokens) and (tokens[k].dictionary == "する" or tokens[k].pos[0] == "助動詞"):
            k += 1
        if k == index + 1 or k >= len(tokens) or tokens[k].pos[0] != "名詞" or tokens[k].framing:
            return False
        noun = "".join(t.surface for t in itertools.takewhile(lambda t: t.is_noun_piece, tokens[k:]))
        return self.rare(noun)

    def describing(self, tokens: tuple[Token, ...], index: int) -> bool:
        """Whether a noun used as a verb is part of a topic: a word of the rows, of the concepts or
        of their synonym groups, in a clause that describes a noun (女性が活躍|できる環境: what kind
        of 環境 is asked about; 結婚|したい人: 婚活), not a request in the asker's own words
        (改善をお願いする文書)."""
        token = tokens[index]
        return describes_noun(tokens, index + 1) and \
            (self.contains(token.surface) or self.has_concept(token.surface)
             or bool(self.synonyms((token,), token.surface)))

    def mistyped_kanji(self, text: str, tokens: tuple[Token, ...]) -> list[tuple[int, int, Unit]]:
        """Runs of kanji one edit from a corpus word, which Sudachi had to cut into more than
        nouns (市民講見人 → 市民・講・見る・人, for 市民後見人): a wrong kanji breaks the word."""
        found = []
        for run in KANJI_RUN.finditer(text):
            inside = tuple(t for t in tokens if t.start < run.end() and t.end > run.start())
            if all(t.pos[0] == "名詞" for t in inside) or self.contains(run.group()):
                continue
            if inside[0].start < run.start() or inside[-1].end > run.end():
                continue  # a word goes on in kana (外国人|向け): Sudachi read the run, it did not break it
            entries = self.vocabulary.near(run.group(), 1)
            if entries:
                widened = tuple(Expansion(e.term, "fuzzy") for e in entries)
                found.append((run.start(), run.end(), Unit(run.group(), run.start(), run.end(), inside, "noun", widened)))
        taken = [(start, end) for start, end, _ in found]
        return found + self.mistyped_in_compound(text, tokens, taken)

    def mistyped_in_compound(self, text: str, tokens: tuple[Token, ...], taken) -> list[tuple[int, int, Unit]]:
        """A compound of nouns with a kanji no row writes, which the rows write with another kanji
        in its place (万橙まつり for 万燈まつり): the wrong kanji made a word of its own, which
        matches nothing, and left the rest to match alone."""
        found = []
        for run in noun_runs(tokens):
            start, end = run[0].start, run[-1].end
            typed = text[start:end]
            # (one word of the dictionary, 子ども会, is no slip)
            if len(run) < 2 or end - start < 4 or any(a < end and start < b for a, b in taken) or self.contains(typed):
                continue
            strange = [t for t in run if KANJI.match(t.surface) and not self.contains(t.surface)
                       and (len(t.surface) > 1 or t.surface not in self.vocabulary.characters)]
            if not strange:
                continue
            entries = [e for e in self.vocabulary.near(typed, 1) if one_kanji_off(typed, e.term)
                       and any(t.start <= start + changed(typed, e.term) < t.end for t in strange)]
            if entries:
                widened = tuple(Expansion(e.term, "fuzzy") for e in entries)
                found.append((start, end, Unit(typed, start, end, tuple(run), "noun", widened)))
        return found

    def misconverted(self, text: str, tokens: tuple[Token, ...], taken) -> list[tuple[int, int, Unit]]:
        """Two or three words in a row, written with kanji, that no row writes together but that
        read as one corpus word beginning with the same character (学び愛 reads マナビアイ:
        学び合い): the input method chose the wrong kanji for part of the word."""
        found = []
        for i in range(len(tokens)):
            for j in range(i + 2, min(i + 3, len(tokens)) + 1):
                piece = tokens[i:j]
                start, end = piece[0].start, piece[-1].end
                typed = text[start:end]
                if any(t.framing or t.pos[0] not in CONVERTED_POS for t in piece) or not KANJI.search(typed) \
                        or any(a < end and start < b for a, b in taken) or self.contains(typed):
                    continue
                entries = [e for e in self.vocabulary.same_reading(reading(piece))
                           if e.term[0] == typed[0] and e.term != typed]
                if entries:
                    widened = tuple(Expansion(e.term, "reading") for e in entries[:MAX_WIDENED])
                    found.append((start, end, Unit(typed, start, end, piece, "noun", widened)))
                    taken = [*taken, (start, end)]
        return found

    def kana_word(self, text: str) -> bool:
        """A hiragana string that reads like a corpus word (あきや): Sudachi's grammar of it is noise."""
        return bool(hiragana_only(text) and self.vocabulary.same_reading(katakana(text)))

    def used_as_verb(self, tokens, index: int) -> bool:
        """A noun used as a verb (解消|した); also one the documents never use that Sudachi does not
        mark as a verbal noun (脱サラ|して農業を始めたい: what the asker did, not what is asked)."""
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return verbal_noun(tokens, index) or (following is not None and following.dictionary == "する"
                                              and tokens[index].pos[1] == "普通名詞"
                                              and not self.contains(tokens[index].surface))

    def describes_grade(self, token: Token) -> bool:
        if token.pos[0] in ("接頭辞", "接尾辞"):
            return False
        return token.normalized in self.described or bool(token.parts) and set(token.parts) <= self.described

    def numbered(self, tokens: tuple[Token, ...],
                 taken: list[tuple[int, int]]) -> list[tuple[int, int, Unit]]:
        """A noun and a number with its suffix that the rows write as one (中学3年生, 第2次): one
        word. Apart, the number would be dropped and its pieces (中学, 年生) match every grade. Not
        a date (令和3年度: the rows also write R3年度) nor a count (4地区, 三世代)."""
        found = []
        for i in range(1, len(tokens) - 1):
            number, suffix = tokens[i], tokens[i + 1]
            if number.pos[1] != "数詞" or suffix.pos[0] != "接尾辞" or suffix.surface in TIME_UNITS:
                continue
            first = i
            while first > 0 and (tokens[first - 1].is_noun_piece or tokens[first - 1].pos[0] == "接頭辞") \
                    and tokens[first - 1].end == tokens[first].start:
                first -= 1
            run = tokens[first:i + 2]
            if first == i or any(a < run[-1].end and run[0].start < b for a, b in taken) \
                    or any(c.isdigit() or c in "〇一二三四五六七八九十" for c in run[0].surface):
                continue
            text = "".join(t.surface for t in run)
            written = self.count_rows(text)
            alike = () if written else self.numbered_alike(run)
            if written or alike:
                found.append((run[0].start, run[-1].end, Unit(text, run[0].start, run[-1].end, run, "noun", alike)))
        return found

    def numbered_alike(self, tokens) -> tuple[Expansion, ...]:
        """A noun, a number and its suffix (中学3年生) with the noun swapped for a word of its
        Sudachi synonym group, where the rows write it so (中学校3年生: 39)."""
        if len(tokens) != 3 or tokens[1].pos[1] != "数詞" or tokens[2].pos[0] != "接尾辞":
            return ()
        rest = tokens[1].surface + tokens[2].surface
        alike = (e.term + rest for e in self.vocabulary.synonyms(tokens[0].groups, exclude=tokens[0].normalized))
        return tuple(Expansion(text, "synonym") for text in alike if self.count_rows(text))[:MAX_WIDENED]

    def kana_words(self, text: str) -> list[tuple[int, int, Unit]]:
        """Runs of hiragana that read like corpus words (としょかん → 図書館), longest first; a run
        that Sudachi reads as nothing but grammar (している) is left alone."""
        tokens = analyse(text)
        found = []
        for run_start, run_end in hiragana_runs(text):
            run_end = min(run_end, run_start + MAX_KANA_RUN)
            joined = self.kana_with_suffix(text, tokens, run_start, run_end) or \
                self.kanji_then_kana(text, tokens, run_start, run_end)
            if joined:
                found.append(joined)
                continue
            pieces = self.kana_pieces(text, tokens, run_start, run_end)
            spelled = self.spelled_in_kana(text, tokens, run_start, run_end)
            found += spelled if length_read(spelled) > length_read(pieces) else pieces
        return found

    def spelled_in_kana(self, text: str, tokens, run_start: int, run_end: int) -> list[tuple[int, int, Unit]]:
        """A long run of hiragana that Sudachi reads as grammar throughout (いるまたいこせっしょん:
        いる・また・いこ・せ…) but that corpus words' readings cover end to end, but for the particle
        that ends it (いるま・たいこ・せっしょん|って: 入間, 太鼓, セッション): words spelled in kana."""
        if run_end - run_start < MIN_SPELLED_RUN:
            return []
        pieces = self.kana_pieces(text, tokens, run_start, run_end, strict=False)
        if len(pieces) < 2 or pieces[0][0] != run_start:
            return []
        joined = all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
        rest = text[pieces[-1][1]:run_end]
        return pieces if joined and (not rest or PARTICLES_AFTER.fullmatch(rest)) else []

    def kana_pieces(self, text: str, tokens, run_start: int, run_end: int,
                    strict: bool = True) -> list[tuple[int, int, Unit]]:
        """The corpus words a run of hiragana reads as: the pieces (three kana or more) that cover
        most of it, then the fewest, then the longest first (しんきしゅうのう: しんき・しゅうのう,
        新規・就農, not しんきしゅ (新機種) and a のう left over)."""
        @lru_cache(maxsize=None)
        def best(i: int) -> tuple[int, int, tuple]:
            if i >= run_end - 2:
                return 0, 0, ()
            options = [best(i + 1)]
            for j in range(run_end, i + 2, -1):
                # The whole run, or all of it but the particle that ends it (とくていあきや|の, あきや|の)
                before_particle = i == run_start and bool(PARTICLES_AFTER.match(text[j:run_end]))
                piece = self.kana_piece(text, tokens, i, j, (i, j) == (run_start, run_end), before_particle,
                                        spelled=not strict)
                if piece is not None:
                    covered, fewer, pieces = best(j)
                    options.append((covered + j - i, fewer - 1, (piece,) + pieces))
            return max(options, key=lambda option: option[:2])
        return list(best(run_start)[2])

    def kana_piece(self, text: str, tokens, i: int, j: int, whole: bool,
                   before_particle: bool = False, spelled: bool = False) -> tuple[int, int, Unit] | None:
        """``text[i:j]`` as a corpus word it reads like, or None (``spelled``: even where Sudachi
        reads grammar, the run being words spelled in kana throughout)."""
        entries = self.vocabulary.same_reading(katakana(text[i:j]))
        inside = [t for t in tokens if t.start < j and t.end > i]
        # A whole run of four or more kana between other scripts is read as one word even when
        # Sudachi cuts it into grammar (こんかつ関係: こん・かつ → 婚活); so is a run of three or more
        # before the particle that ends it (あきやの認定件数: あき・や・の).
        if not entries or not (whole and j - i >= 4 or before_particle or spelled or not all(t.framing for t in inside)) \
                or self.ends_a_word(inside[0], i) or any(self.cuts_a_kana_word(t, i, j) for t in inside):
            return None
        widened = tuple(Expansion(e.term, "reading") for e in entries[:MAX_WIDENED])
        return i, j, Unit(text[i:j], i, j, tuple(inside), "noun", widened)

    def kana_with_suffix(self, text: str, tokens, start: int, end: int) -> tuple[int, int, Unit] | None:
        """A run of kana and the one-kanji noun or suffix right after it, read together like a
        corpus word (さって + 市: 幸手市, which Sudachi reads as 去っ|て|市)."""
        after = next((t for t in tokens if t.start == end), None)
        if after is None or len(after.surface) != 1 or not KANJI.match(after.surface) or end - start < 2:
            return None
        entries = self.vocabulary.same_reading(katakana(text[start:end]) + after.reading)
        return read_together(text, tokens, start, after.end, entries) if entries else None

    def kanji_then_kana(self, text: str, tokens, start: int, end: int) -> tuple[int, int, Unit] | None:
        """A kanji noun and the kana right after it, read together like a corpus word that begins
        with the noun (応急 + きゅうすい: 応急給水, which Sudachi reads as 応急|きゅう|すい)."""
        before = next((t for t in tokens if t.end == start), None)
        if before is None or before.pos[0] != "名詞" or not KANJI.search(before.surface):
            return None
        for stop in range(end, start + 1, -1):
            if any(t.start < stop < t.end and t.pos[0] != "助詞" for t in tokens):
                continue  # 団体|どう|し: no cutting into a word Sudachi reads in kana (どうし, 同士)
            entries = [e for e in self.vocabulary.same_reading(before.reading + katakana(text[start:stop]))
                       if e.term.startswith(before.surface)]
            if [e.term for e in entries] == [text[before.start:stop]]:
                return None  # 地区ごと, written as the rows write it: a word as typed, not by its sound
            if entries:
                return read_together(text, tokens, before.start, stop, entries)
        return None

    def cuts_a_kana_word(self, token: Token, i: int, j: int) -> bool:
        """Whether a piece ``i``–``j`` of a kana run cuts into a noun Sudachi knows in that kana
        spelling and the rows use (か|かわり of とのかかわり: Sudachi reads 関わり, which the rows
        write): the dictionary's word, not a reading of its tail (変わり)."""
        inside = token.start < i < token.end or token.start < j < token.end
        return inside and token.pos[0] == "名詞" and len(token.surface) >= 3 and hiragana_only(token.surface) \
            and token.normalized != token.surface and self.contains(token.normalized)

    @staticmethod
    def ends_a_word(token: Token, start: int) -> bool:
        """Whether a kana run starting at ``start`` begins inside a word written with kanji: the
        kana that end it (し of 動かし in 動かしていた) are no word of their own (してい → 指定)."""
        return token.start < start and bool(KANJI.search(token.surface))

    def resolve(self, unit: Unit, units: list[Unit], depth: int = 0, governed: str = "") -> list[Leaf]:
        """The leaves that match one unit (see the module docstring for the order); ``governed``:
        the noun a predicate takes through a case particle (生活 of 生活に困る)."""
        if unit.widened:
            return [Leaf(unit.text, widened=unit.widened)]
        if self.contains(unit.text) or self.has_concept(unit.text):
            # as a word typed alone is (フレーバーティー: 416 writes フレーバーティ)
            widened = self.known_widened(unit.tokens, unit.text) + self.long_vowel_dropped(unit.text)
            return [Leaf(unit.text, widened=widened[:MAX_WIDENED], kind=unit.kind)]
        if unit.kind == "predicate":
            if len(unit.tokens) == 1 and self.has_concept(unit.tokens[0].normalized):
                # 古くなった: an inflected word the concept table holds in its dictionary form (古い),
                # which matching.dictionary_form expands
                return [Leaf(unit.text, kind=unit.kind)]
            widened = self.noun_of_verb(unit) or self.act_as_compound(governed, unit)
            if widened:  # 引っ越して: its noun 引っ越し shares Sudachi's synonym group with 移住
                return [Leaf(unit.text, widened=widened)]
            self.dropped.append(Dropped(unit.text, "unknown"))
            return []
        stem = unit.tokens[:-1] if unit.tokens[-1].pos[0] == "接尾辞" else []
        stem_text = "".join(t.surface for t in stem)
        if stem and self.has_concept(stem_text):  # 独身向け is read as 独身, which the table expands (婚活)
            return [Leaf(stem_text, widened=self.synonyms_of_rare(stem, stem_text), kind=unit.kind)]
        # 地域ごと, 高齢者向け: the stem before a light suffix is the word itself, before its synonyms
        light = stem and stem[-1].pos[0] != "接尾辞" and unit.tokens[-1].normalized in LIGHT_SUFFIXES
        stem_first = (self.without_suffix(unit.tokens) + self.synonyms(unit.tokens, unit.text))[:MAX_WIDENED] \
            if light else ()
        widened = self.coordinated(unit.text) or self.by_reading(unit.tokens) or stem_first \
            or self.of_the_place(unit.tokens) or self.synonyms(unit.tokens, unit.text) or self.without_suffix(unit.tokens) \
            or (self.with_no(unit.tokens) + self.near(unit.text, unit.tokens))[:MAX_WIDENED] \
            or self.shortened(unit.tokens)
        if widened and all(w.how == "fuzzy" for w in widened):
            widened = self.apart(unit.tokens) + widened[:MAX_WIDENED - 1]
        if widened:
            return [Leaf(unit.text, widened=widened)]
        if len(unit.tokens) > 1 and unit.tokens[-1].pos[0] == "接尾辞" and unit.tokens[-1].surface in PLACE_SUFFIXES:
            return [Leaf(unit.text, known=False)]  # 観光案内所: a place the rows never name, not 観光 and 案内
        if (len(unit.tokens) > 1 or len(unit.tokens[0].parts) > 1) and depth == 0:
            parts = [part for t in unit.tokens if t.pos[0] not in ("接頭辞", "接尾辞") for part in self.parts_of(t)]
            leaves = [leaf for part in parts for leaf in self.resolve(part, units, depth + 1)]
            head_unknown = bool(leaves) and not leaves[-1].known  # a Japanese compound ends in its head
            # A known word after an unknown modifier (区域 of 禁止区域) names a kind of it the
            # documents never name; after an unknown phrase too (路上喫煙の禁止区域), it says
            # nothing of what the rows are about (see ``attached``).
            modified = [any(not other.known for other in leaves[:i]) for i in range(len(leaves))]
            # ... and after a modifier of kanji that is no misspelling of a corpus word (住民投票 of
            # 住民投票条例), it names another thing of its kind (the rows' 条例 are other ordinances)
            naming = {i for i, leaf in enumerate(leaves) if not leaf.known and self.another_name(leaf.text)}
            named = [any(j < i for j in naming) for i in range(len(leaves))]
            # The known words after an unknown one that the rows never write together (人材|センター
            # of シルバー人材センター) meet in a row by chance: they name nothing there.
            rest = leaves[max((i + 1 for i, leaf in enumerate(leaves) if not leaf.known), default=0):]
            apart = len(rest) > 1 and any(modified) and not self.contains("".join(leaf.text for leaf in rest))
            last_known = max((i for i, leaf in enumerate(leaves) if leaf.known), default=-1)
            return [Leaf(leaf.text, widened=leaf.widened, kind=leaf.kind, known=leaf.known,
                         of_unknown="compound" if (head_unknown or (apart and leaf in rest)) and leaf.known else
                         "named" if by_name and leaf.known else
                         "modified" if was_modified and leaf.known else "", modifier=leaf.known and i < last_known)
                    for i, (leaf, was_modified, by_name) in enumerate(zip(leaves, modified, named))]
        return [Leaf(unit.text, known=False)]

    def another_name(self, text: str) -> bool:
        """Whether an unknown modifier names something of its own: kanji the dictionary reads as
        words, not one kanji off a corpus word nor read like one (特種 of 特種詐欺 is 特殊 mistyped)."""
        tokens = analyse(text)
        if len(text) < 2 or not all(KANJI.match(c) for c in text) or any(t.oov for t in tokens):
            return False
        near = self.vocabulary.near(text, 1)
        return not self.by_reading(tokens) and not any(one_kanji_off(text, e.term) for e in near)

    def parts_of(self, token: Token) -> list[Unit]:
        """A word of a compound as a unit, or, when the documents never use it but know each of
        its dictionary parts (不登校児童: 不登校, 児童), those parts, each a unit at the word's
        place. Not a word with a part of one character (火葬場, 投票率: the thing is not there)."""
        known = all(len(part) > 1 and (self.contains(part) or self.has_concept(part)) for part in token.parts)
        # A count among the parts (一人 of 一人暮らし, 一人親) makes a word whose parts say nothing
        # alone: 一人 would find 1人1台.
        counted = any(COUNT_PART.fullmatch(part) for part in token.parts)
        if len(token.parts) < 2 or self.contains(token.surface) or not known or counted:
            return [Unit(token.surface, token.start, token.end, (token,), "noun")]
        return [Unit(part, token.start, token.end, analyse(part), "noun") for part in token.parts]

    def homophones(self, tree) -> tuple[tuple[Leaf, tuple[Expansion, ...]], ...]:
        """For each word of the query the rows write as typed, the corpus words read the same and
        written with one kanji changed (企業支援, 起業支援: one wrong choice in the conversion).
        The engine tries them only when the query's words meet in no row as typed."""
        found = []
        for leaf in _leaves(tree):
            if leaf.exact or leaf.kind != "noun" or not leaf.known or not KANJI.search(leaf.text):
                continue
            if any(w.how == "reading" for w in leaf.widened) or not self.contains(leaf.text):
                continue
            entries = self.vocabulary.same_reading(reading(analyse(leaf.text)))
            alike = tuple(Expansion(e.term, "reading") for e in entries if one_kanji_off(leaf.text, e.term))
            if alike:
                found.append((leaf, alike[:MAX_WIDENED]))
        return tuple(found)

    def known_widened(self, tokens, text: str) -> tuple[Expansion, ...]:
        """What a word the rows contain is widened to: the words it abbreviates (上下水道), its stem
        before a light suffix (高齢者向け), what follows the documents' place (入間市民), when rare,
        its synonyms, and a numbered word with a synonym of its noun (中学3年生: 中学校3年生)."""
        return self.coordinated(text) + self.suffixed_stem(tokens) + self.without_place(text) \
            + self.with_no(tokens) + self.synonyms_of_rare(tokens, text) + self.numbered_alike(tokens)

    def with_no(self, tokens) -> tuple[Expansion, ...]:
        """A compound of nouns as the rows also write it, with の between two of its words
        (中学生社会体験チャレンジ: 328 writes 中学生の社会体験チャレンジ事業), or, before the act it
        ends in, the case particle of that act's object or goal (全戸配布: 445 writes 全戸に配布)."""
        if len(tokens) < 2 or not all(t.pos[0] == "名詞" for t in tokens):
            return ()
        pieces = [t.surface for t in tokens]
        joints = ("の", "を", "に") if tokens[-1].pos[2] == "サ変可能" else ("の",)
        split = (before + joint + "".join(pieces[i:]) for i in range(1, len(pieces))
                 for before in self.spellings("".join(pieces[:i])) for joint in joints)
        return tuple(Expansion(written, "particle") for written in dict.fromkeys(split)
                     if self.count_rows(written))[:MAX_WIDENED]

    def apart(self, tokens) -> tuple[Expansion, ...]:
        """A compound of words the rows write, each of two characters or more, that no row writes
        whole, as rows write its words apart (リーダー育成: 173 writes リーダーの発掘や育成): beside
        the near spellings, which a compound of words is likelier not to be misspelled as."""
        words = [t.surface for t in tokens]
        if len(words) < 2 or any(len(w) < 2 or not self.contains(w) for w in words):
            return ()
        return (Expansion(" ".join(words), "apart"),)

    def spellings(self, noun: str) -> list[str]:
        """A noun before a particle as the rows may write it: as typed, without a loanword's final
        long vowel (フレーバーティを開発), or as the longer corpus word it begins (常設展 of
        常設展示室のリニューアル: a compound typed short is as often a clipped one)."""
        found = [noun]
        if LONG_VOWEL_END.search(noun):
            found.append(noun[:-1])
        if len(noun) >= MIN_CLIPPED:
            found += [w for w in self.vocabulary.starting_with(noun) if len(w) <= len(noun) + 2][:MAX_CLIPPED]
        return found

    def without_place(self, text: str) -> tuple[Expansion, ...]:
        """A word that begins with the place every row is about (入間市民: 市民, 入間市内: 市内) says
        no more than the rest of it, which the rows write without the place."""
        rests = [text[len(p):] for p in sorted(self.places, key=len, reverse=True) if text.startswith(p)]
        rest = next((r for r in rests if len(r) >= 2 and self.contains(r)), "")  # 入間|市民, not 入間市|民
        return (Expansion(rest, "part"),) if rest else ()

    def suffixed_stem(self, tokens) -> tuple[Expansion, ...]:
        """The stem of a word the rows write with a light suffix, in few of them (高齢者向け): the
        rows that write the stem alone are about it too (a word in many rows has results enough).
        A row noun heading a compound is as light (交流事業: the rows of 佐渡市との交流 write 交流),
        and so is 地区 after a place's name (東藤沢地区)."""
        if len(tokens) < 2:
            return ()
        row_head = tokens[-1].surface in ROW_NOUNS and tokens[-2].pos[0] == "名詞"
        # 東藤沢地区: a place's name says which 地区 (170 writes 東藤沢、西武の4地区)
        place_head = tokens[-1].surface in DISTRICT_NOUNS and tokens[-2].pos[1:3] == ("固有名詞", "地名")
        light = tokens[-1].pos[0] == "接尾辞" and tokens[-1].normalized in LIGHT_SUFFIXES
        text = "".join(t.surface for t in tokens)
        if not (row_head or place_head or light) \
                or self.count_rows(text) >= max(MIN_RARE, RARE_SHARE * self.size):
            return ()  # the rows are counted only for a word that has such a head
        if row_head or place_head:
            stem = "".join(t.surface for t in tokens[:-1])
            return (Expansion(stem, "part"),) if self.contains(stem) else ()
        return self.without_suffix(tokens)

    def without_suffix(self, tokens) -> tuple[Expansion, ...]:
        """The word the documents use once a suffix is gone (受賞者 → 受賞, 川沿い → 川): the
        document's own word beats a near spelling (受益者)."""
        if len(tokens) == 1:
            alone = analyse(tokens[0].surface)  # 川沿い: one word in a sentence, 川 + 沿い alone
            tokens = alone if len(alone) > 1 else tokens
        if len(tokens) > 1 and tokens[-1].pos[0] == "接尾辞":
            stem = "".join(t.surface for t in tokens[:-1])
            return (Expansion(stem, "part"),) if self.contains(stem) else ()
        if len(tokens) != 1:
            return ()
        stems = tokens[0].parts
        return (Expansion(stems[0], "part"),) if len(stems) == 1 and stems[0] != tokens[0].normalized \
            and self.contains(stems[0]) else ()

    def shortened(self, tokens) -> tuple[Expansion, ...]:
        """The corpus compounds a typed one shortens by leaving out a word between its parts
        (総合窓口 for 総合相談窓口): people name a long compound by its first and last words."""
        pieces = [p for t in tokens
                  for p in (t.parts if len(t.parts) > 1 and "".join(t.parts) == t.surface else (t.surface,))]
        if len(pieces) < 2:
            return ()
        return tuple(Expansion(e.term, "shortened") for e in self.vocabulary.spread(pieces)[:MAX_WIDENED])

    def by_reading(self, tokens) -> tuple[Expansion, ...]:
        """Corpus words read like ``tokens`` (健康増新 reads like 健康増進), when they may be a wrong
        conversion: kana, or kanji Sudachi has to cut into pieces. One word of its dictionary
        written in kanji (注射, 害獣) is the word meant, not a homophone of a corpus word (駐車),
        unless the two differ in one kanji only (詐偽 for 詐欺: one wrong choice in the conversion).
        Katakana may spell out Latin letters (ジェイ: J)."""
        if len(tokens) == 1 and KANJI.search(tokens[0].surface):
            return self.one_kanji_off(tokens[0])
        entries = self.vocabulary.same_reading(reading(tokens)) if tokens else []
        if not entries and len(tokens) == 1 and hiragana_only(tokens[0].surface):
            # two kana (はし) read as the one corpus word read so, if only one is (橋)
            entries = self.vocabulary.sole_reading(reading(tokens))
        return tuple(Expansion(e.term, "reading") for e in entries[:MAX_WIDENED]) or self.kanji_in_sound(tokens) \
            or self.spelled_letters("".join(t.surface for t in tokens))

    def spelled_letters(self, text: str) -> tuple[Expansion, ...]:
        """The Latin letters a katakana word spells out (ジェイ of ジェイアラート: the rows' J of
        Jアラート), when the rows write them: Sudachi reads J as j, with no kana to match."""
        letters = spelled_out(text)
        return (Expansion(letters, "reading"),) if letters and self.contains(letters) else ()

    def kanji_in_sound(self, tokens) -> tuple[Expansion, ...]:
        """Corpus words a run of kanji Sudachi cut into pieces (橋|量, which it reads ハシ|リョウ)
        may mean with its first or last kanji mistyped for another of its sound: 橋梁 reads
        キョウリョウ, ending in 量's リョウ."""
        typed = "".join(t.surface for t in tokens)
        if len(tokens) < 2 or not all(KANJI.match(c) for c in typed) or self.contains(typed):
            return ()
        return tuple(Expansion(e.term, "reading") for e in self.vocabulary.near(typed, 1, limit=MAX_WIDENED)
                     if one_kanji_off(typed, e.term) and sounds_at_edge(typed, e.term))

    def one_kanji_off(self, token: Token) -> tuple[Expansion, ...]:
        """Corpus words read like a kanji word and written with one kanji changed (詐偽 → 詐欺); a
        word Sudachi does not know has no reading of its own (滞能), so its changed kanji sounds as
        that end of the corpus word does (能 and 納 of 滞納: ノウ)."""
        if self.contains(token.surface) or len(token.surface) < 2:  # 券 for 件 changes the whole word
            return ()
        near = self.vocabulary.near(token.surface, 1, limit=MAX_WIDENED)
        return tuple(Expansion(e.term, "reading") for e in near
                     if one_kanji_off(token.surface, e.term) and (
                         reading(analyse(e.term)) == token.reading or token.oov and sounds_at_edge(token.surface, e.term)))

    def of_the_place(self, tokens) -> tuple[Expansion, ...]:
        """A dictionary compound the rows never write whose first part is the kind of the
        documents' place (市 of 市|職員: the city's staff) says no more than its rest (職員), as
        入間市民 says 市民. Only a first part: 市 alone is a word of the rows too (市が主催)."""
        if len(tokens) != 1 or len(tokens[0].parts) < 2:
            return ()
        first, rest = tokens[0].parts[0], "".join(tokens[0].parts[1:])
        return (Expansion(rest, "part"),) if first in self.place_kinds and self.contains(rest) else ()

    def long_vowel_dropped(self, text: str) -> tuple[Expansion, ...]:
        """A loanword is also written without its final long vowel (フレーバーティー, フレーバーティ;
        コンピューター, コンピュータ): that spelling too, when more rows write it so."""
        if not LONG_VOWEL_END.search(text) or self.count_rows(text[:-1]) <= self.count_rows(text):
            return ()
        return (Expansion(text[:-1], "fuzzy"),)

    def coordinated(self, text: str) -> tuple[Expansion, ...]:
        """The words a compound of two one-kanji modifiers and a shared head abbreviates, when the
        rows use both (上下水道: 上水道 and 下水道; 小中学校: 小学校 and 中学校)."""
        if len(text) < 4 or not all(KANJI.match(c) for c in text):
            return ()
        head = text[2:]
        words = [text[0] + head, text[1] + head]
        # Words of the rows as Sudachi cuts them, not strings inside the compound (災体制 of 防災体制)
        if words[0] == words[1] or not all(self.vocabulary.rows(w) for w in words):
            return ()
        return tuple(Expansion(w, "coordinated") for w in words)

    def synonyms_of_rare(self, tokens, text: str) -> tuple[Expansion, ...]:
        """Synonyms of a word the rows contain, if it is in few of them: a word found in many rows
        has results enough, and each synonym is one more look-up over them."""
        rows = self.vocabulary.rows(text.lower()) or self.count_rows(text)
        return self.synonyms(tokens, text) if rows < max(MIN_RARE, RARE_SHARE * self.size) else ()

    def noun_of_verb(self, unit: Unit) -> tuple[Expansion, ...]:
        """The corpus words in the synonym group of the noun a verb the documents never use is
        made from (引っ越し of 引っ越して → 移住), or is (手入れ of 手入れし → 修繕): Sudachi gives
        nouns synonym groups, not verbs."""
        verb = unit.tokens[0]
        if len(unit.tokens) == 1 and verb.pos[0] == "名詞":  # 手入れ|し: the noun is there (修繕)
            return self.synonyms(unit.tokens, verb.surface)
        if len(unit.tokens) != 1 or verb.pos[0] != "動詞":
            return ()
        noun = analyse(verb.surface)
        if len(noun) != 1 or noun[0].pos[0] != "名詞":
            return ()
        return self.synonyms(noun, verb.surface)

    def act_as_compound(self, noun: str, unit: Unit) -> tuple[Expansion, ...]:
        """The corpus compound that writes a verb the documents never use and the noun it takes
        as one word: the noun, then a noun of two or more kanji led by one of the verb's (生活に困る
        → 生活困窮, ごみを減らす → ごみ減量, 歳出を減らす → 歳出削減). What everyday words say with a
        particle and a native verb, the documents write as a Sino-Japanese compound."""
        verb = unit.tokens[0]
        kanji = set(KANJI.findall(verb.dictionary))
        if len(unit.tokens) != 1 or verb.pos[0] != "動詞" or len(noun) < 2 or not kanji:
            return ()
        for term in self.vocabulary.starting_with(noun):
            act = ACT_KANJI.match(term, len(noun))
            if act and kanji & set(act.group()[:2]):
                return (Expansion(term[:act.end()], "compound"),)
        return ()

    def synonyms(self, tokens, text: str) -> tuple[Expansion, ...]:
        """Corpus words in the Sudachi synonym group of a single word (お + 年寄り counts as one, and
        so does a word with a light suffix: 高齢者向け); a suffix that names another thing (児 of
        病児: a child, not an illness) makes a word with no group of its own."""
        words = [t for t in tokens if t.pos[0] != "接頭辞"
                 and not (t.pos[0] == "接尾辞" and t.normalized in LIGHT_SUFFIXES)]
        if len(words) != 1:
            return ()
        entries = self.vocabulary.synonyms(words[0].groups, exclude=text.lower())
        # One character (道 for 道路) matches inside too many other words.
        return tuple(Expansion(e.term, "synonym") for e in entries
                     if len(e.term) >= 2 and e.term not in (words[0].normalized, words[0].surface))[:MAX_WIDENED]

    def near(self, text: str, tokens: tuple[Token, ...] = ()) -> tuple[Expansion, ...]:
        """Corpus words one or two edits from ``text``; not its head when Sudachi reads it as one
        word (活動 is no misspelling of 部活動, a kind of it), though the word without its last
        character may be (最高 of 最高値)."""
        if len(text) < MIN_FUZZY:
            return ()
        if text.isascii() and tokens and not any(t.oov or t.pos[1] == "固有名詞" for t in tokens):
            # letters the dictionary knows (AED) name a thing, not a typo of another (LED); as a
            # name (ORC) they are some name or other, and a swap of the rows' letters (OCR) is likelier
            return ()
        edits = 2 if len(text) >= LONG_FUZZY else 1
        one_word = len(tokens) == 1
        # The corpus keeps letters in lower case; typed in capitals (BPC), they are shown so (BCP).
        shown = str.upper if text.isascii() and text.isupper() else str
        return tuple(Expansion(shown(e.term), "fuzzy") for e in self.vocabulary.near(text, edits)
                     if not (one_word and text.endswith(e.term)) and not swaps_a_word(tokens, e.term))


def adverbial_use(tokens, index: int) -> bool:
    """Whether an adjectival noun stands as an adverb of manner, with the copula's に before a
    predicate (早め|に|見つけ, 気軽|に|相談): how something is done, not what it is about."""
    token, after = tokens[index], tokens[index + 1:index + 3]
    return token.pos[0] == "形状詞" and len(after) == 2 and after[0].surface == "に" \
        and after[0].pos[0] == "助動詞" and (after[1].is_predicate or after[1].pos[2] == "サ変可能")


# The units of a date after its number (令和3年度, 4月).
TIME_UNITS = frozenset({"年", "年度", "月", "日", "月末", "年末", "年度末"})
# Nouns of what is meant to be done (入れ替える予定, 増やす考え): asked whether there is one (ある).
INTENT_NOUNS = frozenset({"予定", "計画", "考え", "つもり", "見込み", "方針", "意向", "構想", "予定日"})


def intent_asked(tokens, index: int) -> bool:
    """Whether a noun of intent after a verb is asked to exist (入れ替える|予定|って|あり|ます|か):
    the question is whether the act is planned, not about rows that write 予定."""
    token = tokens[index]
    if token.surface not in INTENT_NOUNS or index == 0 or tokens[index - 1].pos[0] not in ("動詞", "助動詞"):
        return False
    after = list(itertools.dropwhile(lambda t: t.pos[0] == "助詞", tokens[index + 1:]))
    return bool(after) and after[0].dictionary in ("ある", "無い", "ない")


CASE_BETWEEN = frozenset({"に", "を", "が", "で", "へ", "から"})


def case_between(tokens) -> bool:
    """Whether a case particle joins two nouns (令和3年度|に|公開事業見直し): a phrase a row may
    write word for word, read as its words (the に may go with a verb in another row's sentence)."""
    return any(t.pos[0] == "助詞" and t.surface in CASE_BETWEEN and 0 < i < len(tokens) - 1
               and tokens[i - 1].pos[0] == "名詞" and tokens[i + 1].pos[0] == "名詞" and not tokens[i - 1].framing
               for i, t in enumerate(tokens))


def relative_clause(tokens) -> bool:
    """Whether a verb describes a noun after it (把握した空き家): a clause a row may happen to write
    word for word (把握した空き家については…), read as its words, not as one."""
    verbs = [i for i, t in enumerate(tokens[:-1]) if t.pos[0] == "動詞"]
    if not verbs or tokens[-1].pos[0] != "名詞":
        return False
    # 入間をいただきますプロジェクト: a polite ending (ます) names, it does not describe
    between = tokens[verbs[-1] + 1:]
    ending = list(itertools.takewhile(lambda t: t.pos[0] == "助動詞", between))
    return all(t.normalized in ("た", "だ") for t in ending) and between[len(ending)].pos[0] == "名詞"


def says_which_people(before: list[Leaf], unit: Unit, leaves: list[Leaf]) -> bool:
    """Whether unknown words before の say which people a known noun names (一人暮らしの障害者), as
    a predicate would (who live alone): the people are what the rows are about."""
    return names_people(unit.text) and bool(leaves) and all(leaf.known for leaf in leaves) \
        and bool(before) and not any(leaf.known for leaf in before)


def swaps_a_word(tokens, term: str) -> bool:
    """Whether a near spelling only puts one of the typed katakana words, a word of the
    dictionary, in place of another (市民プール → 市民ホール): a typo makes no word (ワークショプ),
    this names another thing. Kanji words one character apart may mean the same (大雨, 豪雨)."""
    if replaces_a_part(tokens, term):
        return True
    other = analyse(term)
    if len(other) != len(tokens):
        return False
    swapped = [(a, b) for a, b in zip(tokens, other) if a.surface != b.surface]
    if len(swapped) == 1 and sorted(swapped[0][0].surface) == sorted(swapped[0][1].surface):
        return False  # the same letters in another order (テスラ for テラス): a slip of typing
    return len(swapped) == 1 and all(not t.oov and len(t.surface) >= 2 and KATAKANA_ONLY.fullmatch(t.surface)
                                     for t in swapped[0])


def replaces_a_part(tokens, term: str) -> bool:
    """Whether a near spelling of one dictionary word puts another kanji in place of a whole part
    of it (市 of 市|職員 → 教職員): the typed word was meant as written, a compound of words; the
    near one names another thing. A typo makes no word (中心氏街地, cut into pieces)."""
    if len(tokens) != 1 or tokens[0].oov or len(tokens[0].parts) < 2 or len(term) != len(tokens[0].surface):
        return False
    typed, at = tokens[0].surface, 0
    differ = [i for i, (a, b) in enumerate(zip(typed, term)) if a != b]
    for part in tokens[0].parts:
        if len(part) == 1 and typed[at:at + 1] == part and differ == [at]:
            return True
        at += len(part)
    return False


def read_together(text: str, tokens, start: int, end: int, entries) -> tuple[int, int, Unit]:
    """``text[start:end]`` as one noun that reads like the corpus words ``entries``."""
    inside = tuple(t for t in tokens if t.start < end and t.end > start)
    widened = tuple(Expansion(e.term, "reading") for e in entries[:MAX_WIDENED])
    return start, end, Unit(text[start:end], start, end, inside, "noun", widened)


def sounds_at_edge(typed: str, word: str) -> bool:
    """Whether the first or last kanji of ``typed``, where it differs from ``word``, is read as
    that end of ``word`` is (橋量 for 橋梁, キョウリョウ ending in 量's リョウ)."""
    at = next(i for i, (a, b) in enumerate(zip(typed, word)) if a != b)
    sound, whole = analyse(typed[at])[0].reading, reading(analyse(word))
    return at == len(typed) - 1 and whole.endswith(sound) or at == 0 and whole.startswith(sound)


def noun_runs(tokens: tuple[Token, ...]) -> list[list[Token]]:
    """The runs of nouns, prefixes and suffixes written without a break."""
    runs: list[list[Token]] = []
    for token in tokens:
        if token.pos[0] not in ("名詞", "接頭辞", "接尾辞"):
            continue
        if runs and runs[-1][-1].end == token.start:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def length_read(pieces: list[tuple[int, int, Unit]]) -> int:
    """How many characters of a kana run its pieces read as corpus words."""
    return sum(end - start for start, end, _ in pieces)


def changed(typed: str, word: str) -> int:
    """Where two spellings of the same length first differ."""
    return next(i for i, (a, b) in enumerate(zip(typed, word)) if a != b)


def one_kanji_off(typed: str, word: str) -> bool:
    """Whether two spellings of the same length differ in exactly one character, a kanji."""
    if len(typed) != len(word):
        return False
    differ = [(a, b) for a, b in zip(typed, word) if a != b]
    return len(differ) == 1 and bool(KANJI.match(differ[0][0])) and bool(KANJI.match(differ[0][1]))


def merge_kana(units: list[Unit], by_reading) -> list[Unit]:
    """A kana word next to a noun may be half of a compound: 市民 + かつどう reads like 市民活動; so
    may a verb glued to it, written with the wrong kanji (学び + 会い reads like 学び合い)."""
    merged: list[Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        if last and last.end == unit.start and last.kind == "noun" \
                and (unit.kind == "noun" and (last.widened or unit.widened) or unit.kind == "predicate"):
            widened = by_reading(last.tokens + unit.tokens)
            if widened:
                merged[-1] = Unit(last.text + unit.text, last.start, unit.end, last.tokens + unit.tokens, "noun", widened)
                continue
        merged.append(unit)
    return merged


# What may stand between the words of a concept of the table as people type it (害獣の駆除 for
# the table's 害獣駆除): nothing, or the particle that joins a noun to its head.
JOINERS = ("", "の", "を")


# Nouns of a count after の (職員の人数, 相談の件数) and the endings a compound of the count takes
# (職員数, 相談件数): the documents write the compound.
COUNTED = {"人数": ("数", "人数"), "件数": ("件数", "数"), "回数": ("回数", "数"), "数": ("数",)}


def merge_counted(text: str, units: list[Unit], contains) -> list[Unit]:
    """A noun and the count of it after の (市役所の職員の人数) are one word when the documents write
    them as one (職員数)."""
    merged: list[Unit] = []
    for unit in units:
        last = merged[-1] if merged else None
        if last and unit.text in COUNTED and text[last.end:unit.start] == "の" and last.kind == unit.kind == "noun":
            word = next((last.text + ending for ending in COUNTED[unit.text] if contains(last.text + ending)), None)
            if word:
                merged[-1] = Unit(word, last.start, unit.end, last.tokens + unit.tokens, "noun")
                continue
        merged.append(unit)
    return merged


def merge_concepts(text: str, units: list[Unit], has_concept, contains, a_word=None) -> list[Unit]:
    """Consecutive units that together name a concept of the table (道路の穴ぼこ, 害獣の駆除 for
    害獣駆除), one of them a word the documents never use (``a_word``: as a word of their
    vocabulary; となり of となりの市 is only a piece of their 近隣), are one unit named as the
    table writes it: the concept's expansions are what the words mean together, which the known
    words alone (道路) do not find. Their head, when the documents use it (騒音 of 飛行機の騒音),
    stays a word of its own. Longest first."""
    a_word = a_word or contains
    merged, i = [], 0
    while i < len(units):
        for j in range(len(units), i, -1):
            run = units[i:j]
            if any(text[a.end:b.start] not in JOINERS for a, b in zip(run, run[1:])) \
                    or all(u.widened or a_word(u.text) for u in run):
                continue
            typed, bare = text[run[0].start:run[-1].end], "".join(u.text for u in run)
            # A verb's stem in kana is a word of its own (仕事|さがし); in normalized form (探し) it
            # joins the compound the table writes in kanji (仕事探し), even within one unit.
            normal = "".join(t.normalized for u in run for t in u.tokens)
            keys = (typed, bare, normal) if len(run) > 1 else (normal,) if len(run[0].tokens) > 1 else ()
            key = next((k for k in keys if has_concept(k)), None)
            if key:
                tokens = tuple(t for u in run for t in u.tokens)
                merged.append(Unit(key, run[0].start, run[-1].end, tokens, "noun"))
                if contains(run[-1].text):
                    merged.append(run[-1])
                i = j
                break
        else:
            merged.append(units[i])
            i += 1
    return merged


def _leaves(node):
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, Node):
        for child in node.children:
            yield from _leaves(child)


def _node(op: str, children: list):
    children = [c for c in children if c is not None]
    if not children:
        return None
    return Node(op, tuple(children)) if op == "not" or len(children) > 1 else children[0]


def _filter_leaves(node, keep):
    if isinstance(node, Leaf):
        return node if keep(node) else None
    if isinstance(node, Node):
        return _node(node.op, [_filter_leaves(c, keep) for c in node.children])
    return node


def quoted_alternatives(children: tuple) -> tuple:
    """Quoted phrases joined as examples (「長寿命化計画」や「長寿命化修繕計画」) ask for either, as
    words so joined do (``ALTERNATIVES``); the particle alone would be a word of its own."""
    joined = list(children)
    i = 1
    while i + 1 < len(joined):
        before, joint, after = joined[i - 1], joined[i], joined[i + 1]
        if isinstance(joint, Leaf) and not joint.exact and joint.text.strip() in ALTERNATIVES \
                and isinstance(after, Leaf) and after.exact \
                and (isinstance(before, Leaf) and before.exact or isinstance(before, Node) and before.op == "or"):
            members = before.children if isinstance(before, Node) else (before,)
            joined[i - 1:i + 2] = [Node("or", (*members, after))]
        else:
            i += 1
    return tuple(joined)


def acts_ranking(children: list):
    """Parts of a query that are only predicates (地図 OR マップ | を作成・更新・配布した), beside one
    part that names a thing: they rank its rows, as the predicates of one sentence do, instead of
    being required on their own (the alternatives written with OR split the sentence). None when
    the parts are not so."""
    def members(node) -> tuple:
        return node.children if isinstance(node, Node) and node.op == "soft" else (node,)

    def acts_only(node) -> bool:
        return all(isinstance(m, Leaf) and m.kind == "predicate" for m in members(node))
    acts = [c for c in children if c is not None and acts_only(c)]
    rest = [c for c in children if c is not None and not acts_only(c)]
    if not acts or len(rest) != 1:
        return None
    return Node("soft", (*members(rest[0]), *(m for c in acts for m in members(c))))


COORDINATION = ("や", "と", "・", "、", "及び", "および")  # joints of nouns that share what follows them
# Joints after which a noun is about the one before (献血への協力); not a limit or a place
# that only qualifies it (中3までの子ども, 学校での教育).
NOUN_JOINTS = ("の", "への")
CASE_JOINTS = ("に", "を", "が", "で")  # a noun a verb takes (生活に困る, ごみを減らす)
ACT_KANJI = re.compile(r"[一-龯々]{2,}")
ALTERNATIVES = ("や", "とか")  # joints of examples: 道路の穴ぼこやでこぼこ asks for either


def alternatives(found: list[list], joints: list[str]) -> list:
    """The leaves of each unit; units joined by や or とか of which one is a word the documents
    never use are one alternative (an ``or`` node): examples of what is asked, and a row that
    holds the known one holds what was meant (道路の穴ぼこやでこぼこ). Examples the documents all
    use (生きがいや居場所づくり) stay words of their own."""
    items, group = [], []
    for i, leaves in enumerate(found):
        if leaves:
            group.append(leaves[0] if len(leaves) == 1 else Node("soft", tuple(leaves)))
        if i < len(joints) and joints[i] in ALTERNATIVES and leaves:
            continue
        unknown = any(isinstance(member, Leaf) and not member.known for member in group)
        if len(group) > 1 and unknown:
            items.append(Node("or", tuple(group)))
        else:
            items += [leaf for member in group for leaf in (member.children if isinstance(member, Node) else (member,))]
        group = []
    return items


REQUEST_END = re.compile(r"を|に向け")  # what follows an action asked for: 拡充を(求める), 実現に向けて
# What a request asks of a topic (〇〇の現状と課題について), as council questions are filed: no
# dictionary marks these nouns as framing, so this small table does; the question answering reads
# them among its words of asking (search/ask/kind.py, ASKING).
ASPECTS = frozenset({"現状", "課題", "問題", "状況", "現況", "実態", "進捗", "進捗状況", "取組状況", "実績", "成果",
                     "今後", "方針", "見通し", "考え", "見解", "あり方", "在り方", "方向性", "展望",
                     "使い方", "進め方", "やり方", "展開"})  # 〇〇の使い方は: how it is, or will be, done


def copula_after_noun(tokens, i: int) -> bool:
    """Whether word ``i`` is the copula after a noun (狭山茶|で, 空き家|です): Sudachi reads で as
    an auxiliary there, which ends the noun phrase as a particle would."""
    return i > 0 and tokens[i].pos[0] == "助動詞" and tokens[i].dictionary in ("だ", "です") \
        and tokens[i - 1].pos[0] == "名詞" and not hiragana_only(tokens[i - 1].surface)


# A katakana word's final long vowel, which loanwords are written with or without.
LONG_VOWEL_END = re.compile(r"[ァ-ヺ]{2}ー$")


def describes_noun(tokens, verb: int) -> bool:
    """Whether the verb at ``verb`` says what a noun right after it can or is wanted to be for
    (活躍|できる|環境, 結婚|し|たい|人): a kind of the noun; a clause of what is done (保全|して|いる
    自然, 解消|した|事例) keeps its verb the predicate."""
    after = verb + 1
    wish = after < len(tokens) and tokens[after].dictionary == "たい"
    if tokens[verb].dictionary not in ("できる", "出来る") and not wish:
        return False
    after += wish
    return after < len(tokens) and tokens[after].pos[0] == "名詞" and not tokens[after].framing
