"""The rows a question is about, selected by the search engine for the question's query.

``engine.select`` reads the query exactly as a search does (filters written in it, framing words
dropped, readings, synonyms, near spellings, concept expansions, a soft match when no row has
every word) and returns its rows. This module only weighs them: each topic word weighs its idf,
a row's coverage is the share of the question's weight it holds, and the rows that answer are
those within a tier of the best (all of them when every row holds every word).
"""

from __future__ import annotations

import math
import re
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.analysis import hiragana_only, normalize
from index.grades import FACETS

from ..engine import Selection, count_rows, rows_with, select, understood
from ..facets import members
from ..matching import reading_query
from ..measures import measure_titles
from ..query import Leaf, Node, parse_query, respelled
from ..understanding.filters import ITEM_NUMBER, SECTION_NAME, filters_of
from ..understanding.tokens import action_noun, analyse, names_a_quantity, names_a_thing, reading, verbal_noun
from .question import ABOUT_SOMETHING, QUOTED, ROW_KINDS, Question, Term
from .sentences import TITLE_FIELDS, Reading, Sentence, Variant, read_text, row_sentences, variants_of

# A row answers when it holds at least this share of the question's word weight ...
MIN_COVERAGE = 0.6
# ... and rows counted or listed are those within this share of the best row.
TIER = 0.15
# A list asks for every row that names the topic, some with fewer of the question's words (DV対策庁内
# 連絡会議 without the 開催 asked of it): its rows come from a wider tier.
LIST_TIER = 0.2
# Below that share, one row still answers when it holds at least this share and no other row
# comes within a tier of it: the words it lacks are the question's own way of saying it.
LONE_COVERAGE = 0.5
# A predicate (進める, 増える) ranks rows; it weighs this much of its idf.
PREDICATE_WEIGHT = 0.5
# A word no row writes, found only through its near spellings (学校給食費: 学校給食), is a guess:
# it weighs this much of their idf, below the words the rows write as typed.
GUESSED_WEIGHT = 0.5
MAX_CACHED_WORDS = 20_000  # words remembered per corpus; the cache starts over beyond this


# Rows whose record, sentences and titles are kept once read. A question reads only the rows the
# engine selected, so they are analysed when first asked for: analysing every row up front took
# minutes and more than 15 GB at 1,000x the document (338,000 rows) before the first answer.
MAX_KEPT_ROWS = 50_000


class PerRow(Sequence):
    """``compute(n)`` for row ``n``, computed when first asked for and then kept (bounded)."""

    def __init__(self, size: int, compute):
        self.size = size
        self._compute = lru_cache(maxsize=MAX_KEPT_ROWS)(compute)

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, n):
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(self.size))]
        if not -self.size <= n < self.size:
            raise IndexError(n)
        return self._compute(n % self.size)


@dataclass
class Knowledge:
    """Per-corpus material for answering: records, their sentences and the titles above them,
    each read per row when first needed."""

    records: PerRow  # of dict
    sentences: PerRow  # of list[Sentence]
    titles: PerRow  # of list[Reading]: the section and item titles of each row
    word_rows: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)  # row -> the rows of its item (項)
    rank: dict | None = None  # row -> its place in document order


_knowledge: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_knowledge_lock = threading.Lock()


def knowledge(corpus) -> Knowledge:
    """Records and their sentences, per corpus (a rebuild opens a new corpus)."""
    with _knowledge_lock:
        known = _knowledge.get(corpus)
        if known is None:
            size = len(corpus.facets)
            records = PerRow(size, corpus.stored)
            # Titles repeat over the rows of a section or item: each is read once.
            read_title = lru_cache(maxsize=MAX_KEPT_ROWS)(lambda text: read_text(text, corpus.corrections))
            known = _knowledge[corpus] = Knowledge(
                records,
                PerRow(size, lambda n: row_sentences(n, records[n], corpus.corrections)),
                PerRow(size, lambda n: [read_title(records[n].get(name) or "") for name in TITLE_FIELDS]))
        return known


@dataclass
class Word:
    """A topic word with the rows that hold it (as the search matches it) and its weight."""

    term: Term
    rows: set[int]
    variants: list[Variant]  # how it is written in a row: itself, its widened and concept words
    expansions: list[str]
    idf: float
    head_rows: set[int] = field(default_factory=set)  # rows holding only its head (取得 of 用地取得)
    qualified: bool = False  # it follows an unknown word through の (子ども of 放課後の子ども)


@dataclass
class Match:
    """The rows that answer: coverage of each candidate, and the chosen set."""

    coverage: dict[int, float]
    best: float
    rows: list[int]
    complete: bool  # every chosen row holds every topic word
    selection: Selection | None = None
    item: str = ""  # the title of the item (項) whose rows these are, when the question named it
    level: str = "項"  # or 節: the item is a section
    floor: float | None = None  # the coverage a row needed (``answer_floor``), when weighed

    @property
    def filters(self) -> dict:
        """The facet values the question's rows must have (its selection's filters)."""
        return self.selection.filters if self.selection else {}


def _leaves(node, group=None, alternative=0, counter=None):
    """``(leaf, group, alternative)`` in the order the engine compiles them; the children of an
    OR node are alternatives of one group."""
    counter = counter if counter is not None else [0]
    if isinstance(node, Leaf):
        yield node, group, alternative
    elif isinstance(node, Node):
        if node.op == "or" and group is None:
            counter[0] += 1
            for i, child in enumerate(node.children):
                yield from _leaves(child, counter[0], i, counter)
        else:
            for child in node.children:
                yield from _leaves(child, group, alternative, counter)


def read_words(corpus, known: Knowledge, selection: Selection, said=(), said_as_verbs=()) -> list[Word]:
    """The words the search read from the query, each with the rows its own search finds."""
    tree = selection.understanding.tree if selection.understanding else None
    placed = list(_leaves(tree))
    words = []
    total = len(known.records)
    for reading, (leaf, group, alternative) in zip(selection.readings, placed):
        if reading.excluded:
            continue
        key = (reading.text, reading.exact, tuple(reading.widened), tuple(reading.expansions))
        if key not in known.word_rows:
            if len(known.word_rows) >= MAX_CACHED_WORDS:
                known.word_rows.clear()
            rows = rows_of(corpus, reading)
            variants = [v for target in reading.targets() for v in variants_of(target, corpus.corrections)]
            known.word_rows[key] = (rows, variants, head_rows(corpus, reading.text, rows), guessed(corpus, reading))
        rows, variants, heads, guess = known.word_rows[key]
        term = Term(reading.text, quoted=reading.exact and reading.text not in said, known=reading.known,
                    predicate=reading.kind == "predicate" or reading.text in said_as_verbs,
                    group=group, alternative=alternative, phrase=leaf.text if group is not None else "")
        idf = weight_of(len(rows), total, term.predicate) * (GUESSED_WEIGHT if guess else 1.0)
        words.append(Word(term, rows, variants, reading.expansions + [w.text for w in reading.widened], idf,
                          heads, qualified=leaf.of_unknown in ("phrase", "modified")))
    return words


def listed_acts(words: list[Word], text: str) -> None:
    """Verbs listed with ・ before the one they share (作成・更新・配布|した) are alternatives: a
    row that says one of them says what was asked, as a row about 防災 does for 防災や防犯. The
    question as typed tells: its query marks the parts of compounds with ・ too (改修・工事)."""
    group = max((w.term.group or 0 for w in words), default=0)
    start = 0
    while start < len(words):
        end = start
        while end + 1 < len(words) and all(acted(w, text) and w.term.group is None for w in words[end:end + 2]) \
                and f"{words[end].term.text}・{words[end + 1].term.text}" in text:
            end += 1
        if end > start:
            group += 1
            for alternative, word in enumerate(words[start:end + 1]):
                word.term.group, word.term.alternative, word.term.phrase = group, alternative, word.term.text
        start = end + 1


def acted(word: Word, text: str) -> bool:
    """A predicate, or a noun of an act in a list made a verb by the する after it (表彰・顕彰する)."""
    return word.term.predicate or action_noun(word.term.text) and bool(
        re.search(rf"{re.escape(word.term.text)}(?:・[^・\s、。]+)*(?:する|した|して|し、|しま|され|さ)", text))


def unknown_modifiers(words: list[Word]) -> None:
    """A word the documents never use that qualifies a thing they name (放課後 of 放課後の子ども):
    the rows of the thing answer, without it; it weighs nothing, and the answer says it was left
    out. Before what is done (斎場の予約), the unknown word is what the question is about."""
    for word, head in zip(words, words[1:]):
        if not word.rows and not word.term.predicate and head.qualified and head.rows \
                and not action_noun(head.term.text):
            word.idf = 0.0


def unknown_kinds(corpus, words: list[Word], query: str) -> None:
    """A known thing glued after a modifier no row writes (時間 of 開館時間; read after the words
    mistyped in context are mended) names a kind of it that no row names: the rows that hold the
    thing alone hold none of the question, so it weighs nothing and the modifier says what is
    asked."""
    for word, head in zip(words, words[1:]):
        glued = word.term.text + head.term.text
        if not word.rows and not word.term.predicate and head.rows and not head.term.predicate \
                and glued in query and names_a_thing(head.term.text) and not count_rows(corpus, glued):
            head.idf = 0.0


# Where a sentence ends: a question may tell its background first (実家が空き家になる見込みで
# 相談を考えております。空き家バンクを担当している課はどちらでしょうか).
SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*(?=\S)")


def unknown_in_background(words: list[Word], text: str) -> None:
    """A word the documents never use, in a sentence before the one that asks, is the asker's
    background (実家 of 実家が空き家になる見込みで…。): it weighs nothing when the asking sentence
    names a topic of its own; the answer says it was left out."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends:
        return
    asking = ends[-1]
    if not any(w.rows and text.find(w.term.text, asking) >= 0 for w in words):
        return
    for word in words:
        if not word.rows and 0 <= text.find(word.term.text) < asking and text.find(word.term.text, asking) < 0:
            word.idf = 0.0


KANJI_RUN = re.compile(r"[一-龯々]{2,4}")
# The rarest known word of the question must be in at most this many rows to be the context.
CONTEXT_ROWS = 20


def mistyped_in_context(corpus, words: list[Word], query: str) -> None:
    """A word in kanji the document never uses, typed with one wrong kanji (諦結 for 締結, which
    Sudachi cuts into pieces): the corpus word one kanji away that the rows of the question's
    rarest word hold is the word meant (水道の相互応援協定の諦結: row 303 writes 締結). The word
    then matches as that one (reported as its expansion)."""
    context = context_rows(words)
    if context is None or all(w.rows for w in words):
        return
    for word in words:
        typed = next((m.group(0) for m in KANJI_RUN.finditer(query) if word.term.text in m.group(0)), "")
        if word.rows or word.term.quoted or not typed or len(analyse(typed)) == 1:
            continue  # a word of Sudachi's dictionary (市長) is no wrong kanji: only one it cuts (諦・結)
        for entry in corpus.vocabulary.near(typed, 1, limit=50):
            if len(entry.term) != len(typed) or not KANJI_RUN.fullmatch(entry.term):
                continue
            rows = rows_with(corpus, entry.term)
            if rows & context:
                also_as(corpus, word, entry.term, rows)
                word.term.known, word.term.text = True, typed
                break


def homophone_in_context(corpus, words: list[Word]) -> None:
    """A word in kanji the document uses, but never in the rows of the question's rarest word,
    where a word read the same is (シビックプライドの情勢, for the 醸成 of row 414: both read
    ジョウセイ): a wrong conversion of the same sound, common in typed text. The word then also
    matches as that one (reported as its expansion)."""
    context = context_rows(words)
    for word in words if context is not None else ():
        if not word.rows or word.rows & context or word.term.quoted or word.term.predicate \
                or not KANJI_ONLY.fullmatch(word.term.text):
            continue
        sound = reading(analyse(word.term.text))
        for entry in corpus.vocabulary.same_reading(sound):
            rows = rows_with(corpus, entry.term) if entry.term != word.term.text else set()
            if rows & context and KANJI_ONLY.fullmatch(entry.term):
                also_as(corpus, word, entry.term, word.rows | rows, keep=True)
                break


def context_rows(words: list[Word]) -> set[int] | None:
    """The rows of the question's rarest known word, when they are few enough to be the context
    its other words are read in (at most ``CONTEXT_ROWS``)."""
    known_words = [w for w in words if w.rows and not w.term.predicate]
    context = min((w.rows for w in known_words), key=len, default=None)
    return context if context is not None and len(context) <= CONTEXT_ROWS else None


def also_as(corpus, word: Word, term: str, rows: set[int], keep: bool = False) -> None:
    """``word`` matches as ``term`` (its ``rows``), reported as its expansion; ``keep``: beside
    what it matched as written."""
    word.rows, word.expansions = rows, word.expansions + [term]
    word.variants = (word.variants if keep else []) + variants_of(term, corpus.corrections)
    word.idf = weight_of(len(rows), len(corpus.facets), word.term.predicate)


def verb_as_noun_in_context(corpus, known: Knowledge, words: list[Word]) -> None:
    """A verb in everyday words (結ぶ) that the rows of the question's rarest word never use: the
    document writes the act as a サ変 noun, and the noun it writes there with the verb's kanji is
    the verb meant (幸手市との協定はいつ結ぶ: row 89 says 協定の締結). The kanji a native verb is
    written with (結 of 結ぶ) is the kanji of the Sino-Japanese noun for the same act (締結,
    連結); taking the noun only from those rows keeps 結果 or 結成 elsewhere out. The verb then
    also matches as that noun (reported as its expansion)."""
    context = context_rows(words)
    if context is None:
        return
    for word in words:
        kanji = verb_kanji(word.term.text)
        if not kanji or word.rows & context:
            continue
        nouns = sorted({w for d in context for s in known.sentences[d] for w, _, _ in s.reading.words
                        if kanji & set(w) and action_noun_in_kanji(w)})
        for noun in nouns:
            word.rows = word.rows | rows_with(corpus, noun)
            word.expansions = word.expansions + [noun]
            word.variants = word.variants + variants_of(noun, corpus.corrections)


@lru_cache(maxsize=1024)
def verb_kanji(text: str) -> frozenset[str]:
    """The kanji of a word that Sudachi reads as one verb, or as the noun of a verb's stem
    written with its kana ending (結ぶ, 結び → 結), else none."""
    tokens = analyse(text)
    if len(tokens) != 1 or not (tokens[0].pos[0] == "動詞" or OKURIGANA.fullmatch(text)):
        return frozenset()
    return frozenset(KANJI.findall(tokens[0].dictionary))


KANJI = re.compile(r"[一-龯々]")
KANJI_ONLY = re.compile(r"[一-龯々]{2,}")
OKURIGANA = re.compile(r"[一-龯々]+[ぁ-ゖ]+")


@lru_cache(maxsize=4096)
def action_noun_in_kanji(word: str) -> bool:
    """Whether a word is a noun of action written in two or more kanji (締結: Sudachi's サ変可能)."""
    tokens = analyse(word)
    return bool(KANJI_RUN.fullmatch(word)) and len(tokens) == 1 and tokens[0].pos[2] == "サ変可能"


def unjoined_modifiers(words: list[Word], query: str) -> list[tuple[str, str, str]]:
    """A noun that modifies the next one by の (市役所の庁舎) when no row holds the two together:
    the document never speaks of that head as the modifier's, so one of the two is the asker's
    own elaboration of the other, not what the rows must hold: the modifier (新庁舎 is the city
    hall's), unless the rest of the question stands with the modifier's rows rather than the
    head's (加治丘陵の土地を公有地に: 公有地 is in a row of 加治丘陵, in none of 土地). The word
    left out weighs nothing; ``(modifier, head, kept)`` are returned to be reported. Before a noun
    of action (駅の誘致, ごみ袋の有料化; not 漏水調査, which names its own) the modifier is what is
    acted on, and before a quantity (ファミリーサポートセンターの会員数) what is counted: the rows
    must hold it."""
    left = []
    for word, head in zip(words, words[1:]):
        spellings = [head.term.text, *head.expansions]  # みなおし is read as 見直し
        if word.term.predicate or head.term.predicate or word.term.group is not None \
                or any((action_noun(s) and not holds_its_object(s)) or names_a_quantity(s) for s in spellings):
            continue
        if word.rows and head.rows and word.rows.isdisjoint(head.rows) \
                and f"{word.term.text}の{head.term.text}" in query:
            others = [w for w in words if w is not word and w is not head]
            # on a tie a name is the topic (社会福祉協議会の運営費: its own, not another body's), then
            # the rarer word (空き家の問題: 問題 says what 空き家 is here)
            # (rarer by its rows: a word found through a near spelling weighs less, not more often)
            ahead = (context(word, others), named(word.term.text), -len(word.rows)) \
                > (context(head, others), named(head.term.text), -len(head.rows)) or common_head(word, head)
            kept, elaboration = (word, head) if ahead else (head, word)
            elaboration.idf = 0.0
            left.append((word.term.text, head.term.text, kept.term.text))
    return left


# A noun in this share of the rows or more only says which kind is meant: a head after a rarer
# modifier (人 of 生活保護の人), the noun after どんな (人 of どんな人を対象に, not どんな研究).
KIND_SHARE = 0.1
# (the weight_of a word in that share of the rows)
COMMON_HEAD = math.log(1 / KIND_SHARE)


def common_head(word: Word, head: Word) -> bool:
    """Whether a common head qualifies a rarer modifier, which is then the topic, whatever the
    other words of the question hold."""
    return head.idf <= COMMON_HEAD < word.idf


def holds_its_object(text: str) -> bool:
    """Whether a noun of action is a compound of nouns ending in a verbal noun, which names what it
    acts on (漏水|調査): a noun before it by の (水道管の漏水調査) elaborates, it is not the object.
    Not a noun made of a verb's stem (体制|づくり: 国民保護の体制づくり is the system's)."""
    tokens = analyse(text)
    return len(tokens) > 1 and all(t.pos[0] == "名詞" for t in tokens) and tokens[-1].pos[2] == "サ変可能"


def named(text: str) -> bool:
    """Whether a word is one proper noun of the dictionary (社会福祉協議会, 地区センター)."""
    tokens = analyse(text)
    return len(tokens) == 1 and tokens[0].pos[1] == "固有名詞"


def context(word: Word, others: list[Word]) -> float:
    """The most weight of ``others`` that one row of ``word`` holds beside it."""
    return max((sum(w.idf for w in others if d in w.rows) for d in word.rows), default=0.0)


def head_rows(corpus, text: str, rows: set[int]) -> set[int]:
    """The rows that hold a compound's head but not the compound (取得, of 用地取得): the last word
    Sudachi cuts it into, a noun of two characters or more, carries what the compound names."""
    tokens = analyse(text)
    if len(tokens) < 2 or not rows:
        return set()
    head = tokens[-1]
    if head.pos[0] != "名詞" or len(head.surface) < 2 or hiragana_only(head.surface):
        return set()
    return rows_with(corpus, head.surface) - rows


def weight_of(rows: int, total: int, predicate: bool) -> float:
    """A word's weight: its idf over the ``total`` rows, less for a predicate (it ranks)."""
    return math.log((total + 1) / (rows + 0.5)) * (PREDICATE_WEIGHT if predicate else 1.0)


def guessed(corpus, reading) -> bool:
    """Whether a word is found only through near spellings of it: no row writes it as typed."""
    if not reading.widened or any(w.how != "fuzzy" for w in reading.widened):
        return False
    return not rows_of(corpus, replace(reading, widened=[]))


def rows_of(corpus, reading) -> set[int]:
    """The rows one word matches, as the search matches it (unscored: only which rows)."""
    query = reading_query(reading, corpus.corrections)
    if query is None:
        return set()
    with corpus.searching() as searcher:
        return set(searcher.docs_for_query(query))


# A row that holds a compound's head (取得 of 用地取得) beside another word of the question holds
# this share of the compound.
HEAD_SHARE = 0.85


def held_by(words: list[Word], d: int) -> tuple[set[int], dict[int, float]]:
    """The words row ``d`` holds, and the shares it holds of others: of a compound whose head it
    holds beside another of the question's words (加治丘陵 … 取得, for 加治丘陵の用地取得)."""
    held = {i for i, w in enumerate(words) if d in w.rows}
    if not any(not words[i].term.predicate for i in held):
        return held, {}
    return held, {i: HEAD_SHARE for i, w in enumerate(words) if i not in held and d in w.head_rows}


def held_weight(words: list[Word], held, partly: dict[int, float] | None = None) -> float:
    """The weight of the words ``held`` (indexes) and of the shares held ``partly``: each word its
    idf, except that a group of alternatives (防災と防犯) weighs what its best-held alternative weighs."""
    def share(i):
        return 1.0 if i in held else (partly or {}).get(i, 0.0)
    total, groups = 0.0, {}
    for i, w in enumerate(words):
        if w.term.group is None:
            total += w.idf * share(i)
        else:
            groups.setdefault(w.term.group, {}).setdefault(w.term.alternative, []).append(i)
    for alternatives in groups.values():
        # An alternative no row writes (校庭 of 体育館や校庭) weighs nothing beside one some row does.
        written = {a: indexes for a, indexes in alternatives.items() if all(words[i].rows for i in indexes)}
        alternatives = written or alternatives
        # Holding any one alternative whole counts as holding the group whole.
        heaviest = max(sum(words[i].idf for i in indexes) for indexes in alternatives.values())
        part = max(sum(words[i].idf * share(i) for i in indexes) / (sum(words[i].idf for i in indexes) or 1.0)
                   for indexes in alternatives.values())
        total += heaviest * part
    return total


def full_weight(words: list[Word]) -> float:
    """The weight of all the question's words."""
    return held_weight(words, range(len(words))) or 1.0


def search_for(corpus, params: dict[str, list[str]]) -> Selection:
    """What the search selects: the same call ``/api/search`` makes with ``params``."""
    return select(corpus, parse_query(params), with_neighbours=False)


# A sentence that points back to the one before (このうち…, その件数は…).
POINTS_BACK = re.compile(r"^(?:では|また|それでは|さて)?[、,]?\s*(?:その|この|それ|これ|当該|同|そこで)")
# How a sentence that asks ends: a question mark, or か (…続くんでしょうか。).
ASKS = re.compile(r"(?:[?？]|か[。.]?|(?:伺い|お聞きし|お尋ねし|質問し)ます[。.]?|(?:お示し|教えて)(?:ください|下さい)[。.]?)\s*$")
# A topic word of the asking sentence is in at most this share of the rows (市 names none).
TOPIC_SHARE = 0.15


def asking_sentence(corpus, question: Question) -> None:
    """A question that tells its background first (農業従事者の高齢化が進む中、…喫緊の課題で
    あります。…利子補給などの支援について…を求めます) is about what the sentence that asks
    names: when that sentence names a topic the documents hold and does not point back to the
    one before (その件数は…), it alone is searched; the background's words would only narrow the
    rows to those that say them too. Among the rows a background names by its filters (…課の
    施策は…。このうち…), the asking sentence asks of those rows. What the asker has heard, told
    before the request in the same sentence, is background too. The background is reported as
    left out."""
    sentences = told_apart(question.text)
    if len(sentences) < 2:
        return
    asked = [i for i, s in enumerate(sentences) if ASKS.search(s)]
    if asked and asked[-1] != len(sentences) - 1:
        remarked_after(corpus, question, sentences, asked)
        return
    if asked[:-1]:
        return  # a question before it (…あるんだよね？次は…) tells the topic
    cut = question.text.rfind(sentences[-1])
    among = AMONG.match(sentences[-1]) and names_rows(question, 0, cut)
    if POINTS_BACK.match(sentences[-1]) and not among:
        return  # one pointing back (その件数は) is about what the one before names
    asking = asked_part(question.query, sentences)
    # The asking sentence names its rows by a topic, or by a filter (第3章の施策のうち、最も多くを
    # 所管している課は; 目標を達成したと評価された施策が最も少ない章は).
    if asking and (among or names_rows(question, cut, len(question.text), FACETS)
                   or names_topic(corpus, asking)):
        question.background = "".join(sentences[:-1]).strip()
        question.query = asking
        if not among:  # …各章と計画の実現に向けての部分で、…差がある: a scope told, not the rows asked of
            keep_filters_after(question, cut)


def remarked_after(corpus, question: Question, sentences: list[str], asked: list[int]) -> None:
    """A remark may follow the one question (…待機児童はなくなったんでしょうか？保育所の方は
    足りないって聞きますが。): what the question names is what is asked, when it names a topic
    or rows by a filter; the remark is background."""
    pieces = told_apart(question.query)
    if len(asked) != 1 or len(pieces) != len(sentences):
        return
    asking = pieces[asked[0]]
    start = question.text.find(sentences[asked[0]])
    end = start + len(sentences[asked[0]])
    # スポーツ推進課のうち、進捗がDのものはどれ？コロナで…: rows named by filters are named too
    if names_topic(corpus, asking) or start >= 0 and names_rows(question, start, end, FACETS):
        question.background = "".join(sentences[asked[0] + 1:]).strip()
        question.query = asking


def keep_filters_after(question: Question, cut: int) -> None:
    """The question's filters without those its background (before ``cut``) named."""
    mentions = [m for m in question.mentions if m.start >= cut]
    if len(mentions) == len(question.mentions):
        return
    question.mentions, question.filters = mentions, filters_of(mentions)


# …のうち (among those): the rows the sentence before names by its filters.
AMONG = re.compile(r"^(?:では|また|さて)?[、,]?\s*(?:この|その)(?:うち|中で|中から|なかで)")


def names_rows(question: Question, start: int, end: int, facets=("department", "chapter")) -> bool:
    """Whether the text from ``start`` to ``end`` names rows by a department or a chapter (地域振興課
    所管の施策については、自治会や市民活動など…多くございます。そのうち…: the department's rows;
    its examples only describe them), or by any of ``facets``."""
    return any(m.facet in facets and start <= m.start and m.end <= end for m in question.mentions)


def asked_part(query: str, sentences: list[str]) -> str:
    """The part of the question's query that the asking sentence (the last of ``sentences``)
    holds: its own last sentence, or of a query of words (a status question's), those words."""
    pieces = told_apart(query)
    if len(pieces) == len(sentences):
        return pieces[-1]
    if len(pieces) == 1 and "、" in query:
        return "、".join(word for word in query.split("、") if word and word in sentences[-1])
    return ""


# What the asker has heard or knows, told before the request in the same sentence (…が進め
# られてきたと承知しておりますが、…について伺います).
HEARSAY = re.compile(r"(?:と|って)(?:承知|伺っ|聞い|お聞きし|認識|理解)(?:して)?(?:おり|い|お)?(?:ます|ました|る)?"
                     r"(?:が|けど|けれど(?:も)?)[、,]\s*")


def told_apart(text: str) -> list[str]:
    """``text`` in sentences, the last cut after what the asker has heard (see ``HEARSAY``)."""
    sentences = SENTENCE_END.split(text)
    heard = list(HEARSAY.finditer(sentences[-1]))
    if heard:
        cut = heard[-1].end()
        sentences[-1:] = [sentences[-1][:cut], sentences[-1][cut:]]
    return sentences


def names_topic(corpus, text: str) -> bool:
    """Whether ``text`` has a noun the documents use, in few enough rows to say what it is about
    (read as the search reads it, without matching it)."""
    tree = understood(corpus, parse_query({"q": [text]}).text).tree
    most = TOPIC_SHARE * len(corpus.facets)
    return tree is not None and any(leaf.kind != "predicate" and 0 < count_rows(corpus, leaf.text) <= most
                                    for leaf, _, _ in _leaves(tree))


# Verbs that say nothing of what a thing does (the thing that is, that becomes, that does).
LIGHT_VERBS = frozenset({"する", "為る", "ある", "有る", "いる", "居る", "なる", "成る"})
# Where the phrase a bracketed name glosses starts: after a clause's punctuation or a space.
PHRASE_START = re.compile(r"[、。，,！!？?\s「」]")


def own_description(corpus, text: str, start: int, end: int) -> str:
    """The phrase a bracketed name glosses when the asker described a thing in words of their
    own, with a verb of what it does or words no row uses, before naming it as the rows do
    (電子書籍が借りられるサービス（電子図書館）, 家を登録して紹介する仕組み（空き家バンク）): the
    description, or ""."""
    name = text[start:end]
    if not 0 < count_rows(corpus, name) <= TOPIC_SHARE * len(corpus.facets):
        return ""
    opening = start - 1  # the bracket
    begins = [m.end() for m in PHRASE_START.finditer(text, 0, opening)]
    phrase = text[begins[-1] if begins else 0:opening]
    words = analyse(phrase)
    acts = [t for i, t in enumerate(words) if t.pos[0] == "動詞" and t.dictionary not in LIGHT_VERBS
            or verbal_noun(words, i)]
    # ... or in words the documents never use (結婚相手さがしの支援（婚活）)
    own = [t for t in words if t.pos[0] == "名詞" and len(t.surface) >= 2 and not count_rows(corpus, t.surface)]
    return phrase if acts or own else ""


# A name glossed in brackets by another name (地域包括支援センター（包括支援センター）).
GLOSSED_NAME = re.compile(r"([一-龯々ァ-ヺーA-Za-zＡ-Ｚ0-9・]{2,30})[（(]([^（）()、。]{2,20})[）)]")


def glosses_as_alternatives(corpus, query: str) -> str:
    """A name glossed by its short form, or the reverse, when rows write each (地域包括支援センター;
    223 writes only 包括支援センター): two names of one thing, either answers. (Other brackets say
    more of a title, 職員数の適正化（定員管理計画の策定）: both stay.)"""
    def either(m: re.Match) -> str:
        name, gloss = m.group(1), m.group(2)
        shortened = gloss in name or name in gloss and len(name) >= 4
        if shortened and count_rows(corpus, name) and count_rows(corpus, gloss):
            return f" {name} OR {gloss} "
        if other := respelled(name, gloss):  # 健診（検診）: one word, two writings
            return f" {name} OR {other} "
        return m.group(0)
    return GLOSSED_NAME.sub(either, query)


# A noun about another (…に関する情報紙), outside quotes: the same as …の情報紙.
ABOUT_BETWEEN_NOUNS = re.compile(r"(?<=[一-龯々ァ-ヺー])(?:に関する|に係る|に関わる|についての)(?=[一-龯々ァ-ヺー])(?![^「」]*」)")


def drop_kind_asked(corpus, question: Question) -> None:
    """The noun after どんな, when common (人, 点, 方: see ``KIND_SHARE``), only says which kind is
    asked (どんな人を対象に): it goes, as long as the query keeps a noun."""
    word = question.text[slice(*question.category)]
    rest = question.query.replace(word, "、", 1)
    if word in question.query and count_rows(corpus, word) / len(corpus.facets) >= KIND_SHARE \
            and any(t.pos[0] == "名詞" for t in analyse(rest)):
        question.query = rest
        question.dropped.append(word)


# A title as long as this says which measure (施策の推進 or 情報提供 alone could be anyone's words).
TITLE_NAMES = 8


def after_a_title(corpus, before: str) -> bool:
    """Whether ``before`` ends with the whole title of a measure, long enough to name it."""
    before = before.rstrip("」』")  # the title quoted as written
    return any(len(title) >= TITLE_NAMES and before.endswith(title) for title in measure_titles(corpus))


def understood_query(corpus, question: Question) -> Selection:
    """The selection for the question's search, once what the documents never say is set aside:
    the background told before the asking sentence, a gloss in brackets (名前（愛称）) or the
    noun a fact question asks for (…の愛称は何) that no row holds is dropped; a question whose
    words were all words of asking is about all rows; a department named alone is what a when
    or why question is about."""
    asking_sentence(corpus, question)
    for start, end in question.asides:
        described = own_description(corpus, question.text, start, end)
        # The query may join the words of a compound with ・ (電子・書籍).
        written = re.compile("・?".join(map(re.escape, described))) if described else None
        if written and written.search(question.query):
            # 電子書籍が借りられるサービス（電子図書館）: the name the rows use says what is meant
            question.query = written.sub("、", question.query, 1)
            question.dropped.append(described)
    for start, end in question.asides:
        word = question.text[start:end]
        if word in question.query and after_a_title(corpus, question.text[:start - 1]):
            # 地域コミュニティ活動の推進（支え合い組織の立ち上げ）: a measure named by its title, then
            # what it does in the asker's words; the title says which rows, the words may be another's
            question.query = question.query.replace(word, "、", 1)
            question.dropped.append(word)
    for start, end in question.asides + ([question.asked_noun] if question.asked_noun else []):
        word = question.text[start:end]
        # The noun of a quantity asked for goes only when no row holds any word of it either
        # (総額, 受講料); 接種者数 stays: 接種 is what the rows write next to their figures.
        parts = [t.surface for t in analyse(word) if len(t.surface) >= 2] if question.kind == "number" else []
        # Names joined by ・ (（地域移行・地域定着支援）, the rows writing 地域移行、地域定着支援) are
        # the rows' words, each held.
        listed = [p for p in re.split(r"[・、]", word) if p]
        if len(listed) > 1 and all(count_rows(corpus, p) for p in listed):
            continue
        if word and word in question.query and not count_rows(corpus, word) \
                and not any(count_rows(corpus, part) for part in parts if part != word):
            question.query = question.query.replace(word, "、", 1)
            question.dropped.append(word)
    if question.category and question.kind != "list":
        drop_kind_asked(corpus, question)
    question.query = glosses_as_alternatives(corpus, question.query)
    if question.kind == "list":
        # 男女共同参画に関する情報紙 are the rows' 男女共同参画の情報紙: listed, the rows need not write
        # the words as one row did (49 alone writes the whole phrase; 59 writes 情報紙 in its section)
        question.query = ABOUT_BETWEEN_NOUNS.sub("の", question.query)
    selection = search_for(corpus, question.search_params())
    # Rows named by filters alone: counted, judged by their grades, or asked whose or what share
    # they are (a department named alone is something a sentence says: see below).
    named = question.about_grades or (question.filters and "department" not in question.filters)
    tree = selection.understanding.tree if selection.understanding else None
    verbs_only = tree is not None and all(leaf.kind == "predicate" for leaf, _, _ in _leaves(tree))
    # Dの評価をいちばん多く抱えてる課: in a ranking of the rows named by filters, a verb alone only
    # says how the groups stand to them (a count of Dの取組で中止したもの keeps its verb).
    ranked_by_filters = verbs_only and question.filters and question.kind == "aggregate"
    if (selection.mode == "nothing" or ranked_by_filters) and (question.kind in ROW_KINDS or named):
        # 取組は全部で何件: every word was a word of asking.
        question.query = ""
        selection = search_for(corpus, question.search_params())
    elif not selection.readings and question.kind in ABOUT_SOMETHING and "department" in question.filters \
            and not question.about_grades:
        # 公共施設マネジメント推進課ができたのは何年度: the department's name, quoted, is text.
        names = question.filters.pop("department")
        question.mentions = [m for m in question.mentions if m.facet != "department"]
        question.query = " ".join(f'"{name}"' for name in names) + " " + question.query
        selection = search_for(corpus, question.search_params())
    return selection


def select_rows(corpus, known: Knowledge, question: Question) -> tuple[list[Word], Match]:
    """The question's topic words and the rows that answer it, selected by the search engine."""
    selection = understood_query(corpus, question)
    words = read_words(corpus, known, selection, question.said, question.said_as_verbs)
    homophone_in_context(corpus, words)
    listed_acts(words, question.text)
    unknown_modifiers(words)
    unknown_in_background(words, question.text)
    question.unjoined = unjoined_modifiers(words, question.query)
    mistyped_in_context(corpus, words, question.query)
    verb_as_noun_in_context(corpus, known, words)
    unknown_kinds(corpus, words, question.query)
    question.terms = [w.term for w in words]
    question.phrases = [w.term.text for w in words if len(w.variants) and len(w.variants[0].words) > 1]
    names = {d["name"] for d in corpus.departments}
    question.unknown_departments = [w.term.text for w in words if SECTION_NAME.fullmatch(w.term.text)
                                    and w.term.text not in names]
    passing = members(selection.passing, range(len(known.records)), len(known.records))
    wanted = set(question.filters.get("department", ()))
    if question.all_departments:  # 企画課と地域振興課が共同で: rows of all of them
        passing = [d for d in passing if wanted <= set(corpus.facets[d].department)]
    if question.sole_department:  # 博物館だけが所管している: rows of no other department
        passing = [d for d in passing if set(corpus.facets[d].department) == wanted]
    match = weigh(words, passing, selection, LIST_TIER if question.kind in ("list", "") else TIER)
    scope = question.item_scope or quoted_scope(known, match, question.text)
    if question.kind in ITEM_KINDS or scope:
        match = whole_item(corpus, known, words, match, question.text, scope)
    if (question.kind in ITEM_KINDS or question.about_grades) and not scope:
        match = measure_named(corpus, known, words, match)
    if question.kind == "status" and not scope:
        match = with_other_departments(corpus, known, words, match)
    if question.kind in ("who", "yesno") and not scope:
        match = rows_of_measure_named(corpus, words, match, question.text)
    if (question.kind == "why" or question.asked_grades) and not scope:
        match = titled_for_topic(known, words, match)
    if question.kind in ("", "list") and not scope and not question.where:  # no question word: a list
        match = every_row_of_topic(corpus, words, match)
        match = rows_of_the_head(corpus, words, match)
        match = rows_of_the_thing_in_section(corpus, known, words, match)
    return words, match


def best_covered(match: Match) -> list[int]:
    """The rows that hold most of the topic, best first: those whose items are weighed."""
    return sorted(match.coverage, key=match.coverage.get, reverse=True)[:ITEM_CANDIDATES]


def quoted_scope(known: Knowledge, match: Match, text: str) -> str:
    """The level (節 or 項) whose title the question quotes whole (行財政運営の「公共施設の最適化」
    のところ): it names that part of the plan as a 「…の節」 does; "" when no quote is a title. The
    titles looked at are those of the rows the search found, so the corpus is not read whole."""
    quotes = {normalize(q[1:-1]).strip() for q in QUOTED.findall(text)} - {""}
    candidates = best_covered(match)
    for level, name in TITLE_FIELD.items():
        titles = {normalize(ITEM_NUMBER.sub("", known.records[d].get(name) or "")).strip() for d in candidates}
        if quotes & titles:
            return level
    return ""


def with_other_departments(corpus, known: Knowledge, words: list[Word], match: Match) -> Match:
    """How far a measure has come is asked of all its rows: the other departments' rows of an
    answering row's measure (平和意識の高揚: 人権推進課 B, 学校教育課 A) join it when they hold
    half of the question themselves (LONE_COVERAGE: the answering row has named the measure) and
    pass its filters."""
    added = [s for d in match.rows for s in same_measure(corpus, known, d)
             if s not in match.rows and passes(corpus.facets[s], match.filters)]
    added = [s for s, c in coverages(words, dict.fromkeys(added)).items() if c >= LONE_COVERAGE]
    if not added:
        return match
    return with_rows(corpus, match, coverages(words, added))


def ranks(corpus, known: Knowledge) -> dict[int, int]:
    """Each row's place in document order (``corpus.positions`` are sort keys, not places)."""
    if known.rank is None:
        known.rank = {row: i for i, row in enumerate(corpus.by_position)}
    return known.rank


def same_measure(corpus, known: Knowledge, d: int) -> list[int]:
    """The other rows next to row ``d`` in document order under the same item and measure title."""
    key = lambda row: item_key(known, row) + (known.records[row].get("measure"),)  # noqa: E731
    return [row for row in run_around(corpus, known, d, key, MAX_ITEM_ROWS["項"]) if row != d]


def run_around(corpus, known: Knowledge, d: int, key, most: int) -> tuple[int, ...]:
    """Row ``d`` and its neighbours in document order whose ``key`` is its own, at most ``most``
    on either side."""
    order, at, own = corpus.by_position, ranks(corpus, known)[d], key(d)
    first = last = at
    while first > 0 and at - first < most and key(order[first - 1]) == own:
        first -= 1
    while last + 1 < len(order) and last - at < most and key(order[last + 1]) == own:
        last += 1
    return tuple(order[first:last + 1])


# The topic is in few rows (5 of the seed's 338); what else is asked of it is an action or said of
# many rows (見直し, 計画). Shares, so that the rule reads a corpus of many documents alike.
NAMED_TOPIC_SHARE = 0.015
THING_SECTIONS = 2  # sections (節) a rare thing's rows may span
COMMON_SHARE = 0.05
# A list of the rows touching a topic leaves out no row for lacking a word said of this many rows
# (支援, a third of the seed's); 地区 of ささえあい組織が作られた地区 (9%) is what is asked about.
LISTED_COMMON_SHARE = 0.2


def measure_named(corpus, known: Knowledge, words: list[Word], match: Match) -> Match:
    """How far a common action on a rare topic has come (国民保護計画の見直しはどうなっていますか)
    is asked of the measures named for the topic (国民保護計画の充実, which writes the act in its
    own words: 改定), not of the rows that hold both words but are titled for something else (BCPs
    consistent with the 国民保護計画, …の見直し): when no answering row's measure or item title
    holds the topic and one of the topic's rows is titled with it."""
    topic = rare_topic(corpus, words)
    if topic is None or not match.rows or any(titled_by(known, d, topic) for d in match.rows):
        return match
    if any(measure_titled(known, words, d) >= MIN_TITLED
           or described(known, words, d) >= WHOLE and measure_titled(known, words, d) > 0 for d in match.rows):
        # a row titled for most of the rest (市民文化の情報発信, of 指定管理者を通じた市民文化の情報
        # 発信), or whose content says all of it and its title some (市民への情報提供: 埼玉西部消防
        # 組合が実施する広報活動に協力し…); not a row titled for something else (BCP…の整備)
        return match
    rows = [d for d in sorted(topic.rows, key=lambda d: corpus.positions[d])
            if names(topic, known.records[d].get("measure") or "") and passes(corpus.facets[d], match.filters)]
    if not rows:
        return match
    coverage = coverages(words, rows)
    return Match(coverage, max(coverage.values()), rows, False, match.selection)


# Shorter measure titles (施策の推進) are said of anything.
MIN_TITLE = 6


def rows_of_measure_named(corpus, words: list[Word], match: Match, text: str) -> Match:
    """Who runs a measure, or whether it did something, asked of a measure the question names by
    its title (障害者の相談支援事業の充実を担当している課: 233, 相談支援事業の充実) is asked of that
    measure's rows, of those titled so the ones that hold most of the question (障害者), not of a
    row that only holds its words (236). (How far a topic has come may span several measures.)"""
    written = normalize(text)
    titled = [d for title, rows in measure_titles(corpus).items() if len(title) >= MIN_TITLE and title in written
              for d in rows if passes(corpus.facets[d], match.filters)]
    if not titled:
        return match
    coverage = coverages(words, titled)
    best = max(coverage.values())
    rows = sorted((d for d in titled if coverage[d] >= best - 1e-9), key=lambda d: corpus.positions[d])
    return Match({d: coverage[d] for d in rows}, best, rows, False, match.selection)


def rare_topic(corpus, words: list[Word], common: float = COMMON_SHARE) -> Word | None:
    """The question's word that names its topic, when it is in few rows and every other noun is
    an action or in ``common`` of the rows or more (国民保護計画 of 国民保護計画の見直し, 新規就農者 of
    新規就農者の支援)."""
    nouns = [w for w in words if w.rows and not w.term.predicate]
    single = sorted((w for w in nouns if w.term.group is None), key=lambda w: len(w.rows))
    # A noun and a verb (マイナポータルを使った取組): the verb only says what the topic is there for.
    acted = any(w.term.predicate and w.rows for w in words)
    if not single or len(nouns) < (1 if acted else 2):
        return None
    # Alternatives (ていーワゴンとか市内循環バスの) are topics of their own among the others. A name
    # the asker quotes is the topic though a word describing it is rarer (ワゴンタイプの「ていーワゴン」:
    # every row of that word holds the name).
    quoted = [w for w in single if w.term.quoted]
    topic = quoted[0] if len(quoted) == 1 else single[0]
    others = [w for w in nouns if w is not topic]
    said_of_many = all(action_noun(w.term.text) or len(w.rows) >= common * len(corpus.facets)
                       or (topic.term.quoted and w.rows <= topic.rows) for w in others)
    return topic if said_of_many and len(topic.rows) <= NAMED_TOPIC_SHARE * len(corpus.facets) else None


def with_rows(corpus, match: Match, added: dict[int, float]) -> Match:
    """``match`` with more rows (their coverage given), in document order; no longer complete."""
    rows = sorted([*match.rows, *added], key=lambda d: corpus.positions[d])
    return Match({**match.coverage, **added}, match.best, rows, False, match.selection)


def every_row_of_topic(corpus, words: list[Word], match: Match) -> Match:
    """A list of the measures that touch a rare topic (新規就農者の支援に触れている施策) names every row
    that holds the topic: a word said of many rows (支援) says what the topic is there for, and a
    row holding the topic without it (新規就農者についても同様に情報提供) touches it all the same."""
    if not match.rows or any(not w.rows and not w.term.predicate for w in words):
        return match  # a word the documents never use (可燃ごみの収集曜日) may be what is asked about
    topic = rare_topic(corpus, words, LISTED_COMMON_SHARE)
    if topic is None:
        return match
    added = [d for d in topic.rows if d not in match.rows and passes(corpus.facets[d], match.filters)]
    if not added:
        return match
    return with_rows(corpus, match, coverages(words, added))


def rows_of_the_head(corpus, words: list[Word], match: Match) -> Match:
    """A list of the measures that touch a thing named by one rare compound (情報セキュリティ)
    names too the rows that write its head, as rare, beside the rest of it (521: 情報システムの
    セキュリティ): they speak of the same thing in other words."""
    nouns = [w for w in words if not w.term.predicate]
    if len(nouns) != 1 or not nouns[0].rows or not match.rows:
        return match
    word, most = nouns[0], NAMED_TOPIC_SHARE * len(corpus.facets)
    tokens = analyse(word.term.text)
    # the head: the last word, or the last part of one word Sudachi keeps whole (情報|セキュリティ)
    parts = [t.surface for t in tokens] if len(tokens) > 1 else list(tokens[0].parts) if tokens else []
    rest = "".join(parts[:-1])
    head = word.term.text[len(rest):]
    if len(parts) < 2 or len(head) < 2 or not word.term.text.startswith(rest):
        return match
    heads = rows_with(corpus, head)
    if len(heads | word.rows) > most:  # a head said of many rows (取得 of 用地取得) names no thing
        return match
    added = sorted(d for d in (heads - word.rows) & rows_with(corpus, rest) if passes(corpus.facets[d], match.filters))
    if not added:
        return match
    # The added rows are quoted where they write the head (情報システムのセキュリティの向上).
    word.variants = word.variants + variants_of(head, corpus.corrections)
    word.expansions = word.expansions + [head]  # and the notes say so beside its own count
    return with_rows(corpus, match, dict.fromkeys(added, HEAD_SHARE))


def rows_of_the_thing_in_section(corpus, known: Knowledge, words: list[Word], match: Match) -> Match:
    """A list of the measures that touch a rare thing (ティーバッグ of 狭山茶のティーバッグを配ってPR
    している施策) names too the rows that hold the thing but not the asker's other words, when they
    sit in the section (節) of a row that holds them all: the plan put them together (372 beside 374)."""
    nouns = [w for w in words if w.rows and not w.term.predicate and w.term.group is None]
    if len(nouns) < 2 or not match.rows:
        return match
    thing = min(nouns, key=lambda w: len(w.rows))
    if len(thing.rows) > NAMED_TOPIC_SHARE * len(corpus.facets):
        return match
    if len({item_key(known, d, "節") for d in thing.rows}) > THING_SECTIONS:
        return match  # a word of reports spread over the plan (目標値) is no thing of its own
    sections = {item_key(known, d, "節") for d in match.rows}
    added = sorted(d for d in thing.rows - set(match.rows)
                   if item_key(known, d, "節") in sections and passes(corpus.facets[d], match.filters))
    if not added:
        return match
    return with_rows(corpus, match, coverages(words, added))


def titled_for_topic(known: Knowledge, words: list[Word], match: Match) -> Match:
    """Why something happened to a thing (入間万燈まつりが開かれなかったのはどうして), or whether it has
    a grade (都市防災の推進は進捗Cですか), is asked of the rows whose measure is titled with every
    word of the thing (入間万燈まつりの実施), not of those that mention it on the way to another
    measure (交流機会の促進: …万燈まつりの中止に伴い), when some rows are titled so and others not."""
    nouns = [w for w in words if w.rows and not w.term.predicate]
    titled = [d for d in match.rows if nouns and all(names(w, known.records[d].get("measure") or "") for w in nouns)]
    if not titled or len(titled) == len(match.rows):
        return match
    return Match({d: match.coverage[d] for d in titled}, match.best, titled, match.complete, match.selection)


def titled_by(known: Knowledge, d: int, word: Word) -> bool:
    """Whether row ``d``'s measure or item title holds ``word``."""
    record = known.records[d]
    return any(names(word, record.get(field) or "") for field in ("measure", "item"))


# How far an item (項) of the plan has come, or where it goes, is asked of its rows together.
ITEM_KINDS = frozenset({"status", "future"})
# The rows whose items are weighed as a whole: the best-covered ones.
ITEM_CANDIDATES = 30
# The rows of a question's rarest words looked at for items, when the word is in no more rows.
ITEM_WORD_ROWS = 200
# Rows an item (or a section) may hold at most on either side of one of them (walking the document).
MAX_ITEM_ROWS = {"項": 40, "節": 200}
# The record field that holds the title of each level.
TITLE_FIELD = {"項": "item", "節": "section"}


def item_key(known: Knowledge, d: int, level: str = "項") -> tuple:
    record = known.records[d]
    return (record.get("document"), record.get("chapter"), record.get("section"),
            record.get("item") if level == "項" else None)


def item_rows(corpus, known: Knowledge, d: int, level: str = "項") -> tuple[int, ...]:
    """The rows of the item (項) or section (節) row ``d`` belongs to: its neighbours in document
    order under the same title."""
    if (level, d) not in known.items:
        rows = run_around(corpus, known, d, lambda row: item_key(known, row, level), MAX_ITEM_ROWS[level])
        known.items.update(((level, row), rows) for row in rows)
    return known.items[(level, d)]


def names(word: Word, title: str) -> bool:
    """Whether a title holds a question word as typed or as what it was widened to (お年寄りの支援の
    節: お年寄り is 高齢者 of 高齢者支援の推進)."""
    return any(title_holds(text, title) for text in [word.term.text, *word.expansions])


@lru_cache(maxsize=4096)
def title_holds(word: str, title: str) -> bool:
    """Whether an item's (or its section's) title holds a question word, whole or by the pieces
    Sudachi cuts it into that carry meaning (体制づくり: 体制, in 国民保護体制の整備; づくり, kana
    ending the compound, says little; ささえあい of ささえあい組織 says which 組織)."""
    if word in title:
        return True
    tokens = analyse(word)
    pieces = [t.surface for i, t in enumerate(tokens) if not t.framing and len(t.surface) >= 2
              and not (hiragana_only(t.surface) and i == len(tokens) - 1)]
    return bool(pieces) and all(p in title for p in pieces)


def whole_item(corpus, known: Knowledge, words: list[Word], match: Match, text: str = "",
               scoped: str = "") -> Match:
    """A status or future question about a topic that spans an item's rows (国民保護の体制づくり:
    計画の見直しとか訓練とか) is answered by the item's rows. The item is the one whose title
    holds most of the question's word weight (an item is about what its title says), its rows
    and title together holding most of it; it answers when it holds clearly more than any one
    row does. An item's title is read under its section's: 公共施設の長寿命化 names item
    施設の活用、長寿命化の推進 of section 公共施設の最適化. Otherwise the rows are the search's (a
    question and its search agree)."""
    if not words or not (match.coverage or scoped):  # 空き家対策の項のEは: none may pass the filters
        return match
    weight = full_weight(words)
    candidates = best_covered(match)
    # An item named by the question may hold its words only over several rows, none of which the
    # search selects when one row elsewhere holds them all: the rows of its rarest words too.
    topic = sorted((w for w in words if w.term.group is None and not w.term.predicate), key=lambda w: -w.idf)
    candidates += [d for w in topic[:2] if len(w.rows) <= ITEM_WORD_ROWS for d in sorted(w.rows)]
    level = scoped or "項"
    best, seen = (False, 0.0, 0.0, ()), set()
    written = normalize(text)
    for d in candidates:
        rows = item_rows(corpus, known, d, level)
        if rows in seen:
            continue
        seen.add(rows)
        # An item is about what its title says: it must hold one of the question's words.
        title = known.records[rows[0]].get(TITLE_FIELD[level]) or ""
        titled = {i for i, w in enumerate(words) if not w.term.predicate and names(w, title)}
        if not titled:
            continue
        # Its title is read under its section's (公共施設の最適化 › 施設の活用、長寿命化の推進), a
        # section's under its chapter's (行財政運営の指針 › 公共施設の最適化).
        parent = known.records[rows[0]].get("chapter" if level == "節" else "section") or ""
        titled |= {i for i, w in enumerate(words) if not w.term.predicate and names(w, parent)}
        held = titled | {i for i, w in enumerate(words) if not w.rows.isdisjoint(rows)}
        # The item whose title the question writes whole (学校教育内容の充実の項: 内容 is no topic
        # word), the longest one written (学校教育体制及び学習環境の充実 holds item 学習環境の充実 too),
        # then whose title says most of the question; of those, the one holding most of it.
        plain = normalize(ITEM_NUMBER.sub("", title)).strip()
        whole = len(plain) if written and plain and plain in written else 0
        scored = (whole, round(titled_share(words, titled), 6), round(held_weight(words, held) / weight, 6), rows)
        best = max(best, scored, key=lambda b: b[:3])
    _, share, covered, rows = best
    # The item's rows that pass the question's filters, whether or not they hold its words.
    chosen = [d for d in rows if passes(corpus.facets[d], match.filters)]
    # 空き家対策の項: that item's rows, and no others; but 項目 also names a measure (女性の就労支援
    # の項目で…: the title of rows 57-58, while item 就労支援の推進 holds only two of its words).
    named_measure = max((measure_titled(known, words, d) for d in candidates), default=0.0)
    if scoped and rows and share >= MIN_TITLED and share >= named_measure:
        title = ITEM_NUMBER.sub("", known.records[rows[0]].get(TITLE_FIELD[level]) or "")
        return Match({d: match.coverage.get(d, 0.0) for d in chosen}, covered, chosen, False, match.selection,
                     title, level)
    if not rows or covered < MIN_COVERAGE or len(chosen) < 2 or set(chosen) == set(match.rows):
        return match
    # The question names the item rather than a measure (保育サービスの充実はどのくらい進んで
    # いますか: the title of items 184–186, no measure's): its rows as a whole, whatever each says.
    # A measure is named by its title, or by its content written out (学習の成果を地域づくりに活かす
    # 機会の充実: 105's content, under item 学習成果の活用, not item 家庭・地域の教育力の向上)
    named = share >= MIN_TITLED and share > max((max(measure_titled(known, words, d), described(known, words, d))
                                                 for d in match.rows), default=0.0)
    named = named or quotes_title(known, rows, text)
    if covered <= match.best + TIER and not named:  # no row holds enough, or the item holds clearly more
        return match
    if named and not set(match.rows).isdisjoint(rows):
        # The search's rows outside the item hold the topic too (空き家バンク, for 空き家対策 whose
        # item is 空き家対策の推進): the item widens them; rows only elsewhere hold its words by chance.
        chosen = list(dict.fromkeys(match.rows + chosen))
        if set(chosen) == set(match.rows):
            return match
    coverage = dict(match.coverage)
    for d in chosen:
        coverage.setdefault(d, held_weight(words, {i for i, w in enumerate(words) if d in w.rows}) / weight)
    return Match(coverage, covered, chosen, False, match.selection)


# The share of the question's weight an item's title must hold to be the question's topic by name.
MIN_TITLED = 0.5


def quotes_title(known: Knowledge, rows: tuple[int, ...], text: str) -> bool:
    """Whether the question writes the item's title as it stands (…、公共交通網の整備の評価は),
    and none of its measures' titles."""
    title = ITEM_NUMBER.sub("", known.records[rows[0]].get("item") or "")
    measures = {known.records[d].get("measure") or "" for d in rows}
    return len(title) >= 4 and title in text and not any(m and m in text for m in measures)


def titled_share(words: list[Word], titled: set[int]) -> float:
    """The share of the question's topic a title holds (``titled``: the indexes of the words it
    holds). Alternatives (計画の見直しとか訓練とか) are examples of the topic: a title names the
    topic without them."""
    topic = [i for i, w in enumerate(words) if w.term.group is None and not w.term.predicate]
    total = sum(words[i].idf for i in topic)
    return sum(words[i].idf for i in topic if i in titled) / total if total else 0.0


WHOLE = 0.99  # a share of the topic that is all of it, but for rounding


def field_share(known: Knowledge, words: list[Word], d: int, field: str) -> float:
    """The share of the question's topic one field of row ``d`` holds."""
    text = known.records[d].get(field) or ""
    return titled_share(words, {i for i, w in enumerate(words) if names(w, text)})


def described(known: Knowledge, words: list[Word], d: int) -> float:
    """The share of the question's topic the content (内容) of row ``d``'s measure holds."""
    return field_share(known, words, d, "content")


def measure_titled(known: Knowledge, words: list[Word], d: int) -> float:
    """The share of the question's topic the title of row ``d``'s own measure holds."""
    return field_share(known, words, d, "measure")


def passes(values, filters: dict) -> bool:
    """Whether a row's facet values pass the filters (facet -> the values allowed)."""
    for facet, wanted in filters.items():
        value = getattr(values, facet, None)
        held = value if isinstance(value, tuple) else (value,)
        if not wanted.intersection(held):
            return False
    return True


def rows_without(corpus, asked_words: list[Word], question: Question, facets) -> list[int]:
    """The rows that answer the same search with the filters of ``facets`` left out (the base a
    rate is taken over: 進捗区分がDの割合 is over all the department's rows)."""
    params = {name: values for name, values in question.search_params().items() if name not in facets}
    wider = search_for(corpus, params)
    passing = members(wider.passing, range(len(corpus.facets)), len(corpus.facets))
    return weigh(asked_words, passing, wider).rows


def coverages(words: list[Word], rows) -> dict[int, float]:
    """Each row's share of the question's word weight."""
    weight = full_weight(words)
    return {d: held_weight(words, *held_by(words, d)) / weight for d in rows}


def answer_floor(best: float, shares, tier: float = TIER) -> float:
    """The coverage a row needs to answer: a share of the topic and a tier of the best row, or
    the best itself when that row holds most of the topic alone (``shares``: every row's)."""
    if LONE_COVERAGE <= best < MIN_COVERAGE and sum(c >= best - tier for c in shares) == 1:
        return best
    return max(MIN_COVERAGE, best - tier)


def weigh(words: list[Word], passing: list[int], selection: Selection, tier: float = TIER) -> Match:
    """Each selected row's coverage of the topic, and the rows that answer: those within a tier
    of the best, when the best holds enough of the topic."""
    if not words or selection.scores is None:
        return Match({d: 1.0 for d in passing}, 1.0 if passing else 0.0, passing, True, selection)
    coverage = coverages(words, passing)
    best = max(coverage.values(), default=0.0)
    floor = answer_floor(best, coverage.values(), tier)
    rows = [d for d in passing if coverage[d] >= floor - 1e-9]
    complete = all(coverage[d] >= 1 - 1e-9 for d in rows)
    return Match(coverage, best, rows, complete, selection, floor=floor)
