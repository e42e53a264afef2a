"""Turn the query tree into a Whoosh query over the word, bigram and concept fields.

Each word of the query matches its Sudachi words (a phrase when it is several) in the title
and body word fields, scored by BM25 with titles weighing more, and its exact characters as a
phrase of bigrams, which adds a constant: a row Sudachi cut differently is still found, below
the rows that have the word itself. The concept table's expansions of a word
(コロナ → 感染症の影響 …) are looked up in the ``concepts`` field filled at index time and weigh
half as much.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from index.analysis import apply_corrections, bigrams, gram_text, normalize, query_streams, query_words
from index.schema import GRAM_COLUMN

from .cache import SizedCache
from .query import Leaf, Node
from .understanding.tokens import analyse


class Or(wq.Or):
    """Whoosh's Or with its binary tree of union matchers: below 5,000 documents Whoosh would
    preload every sub-query into arrays instead, which measured slower for these queries."""

    matcher_type = wq.Or.DEFAULT_MATCHER


WORD_FIELDS = {"title_words": 2.0, "body_words": 1.0}
GRAM_FIELD = "grams"
# What containing the string adds to a row's score: more than any word or concept score, so rows
# that contain every word come first, then rows found through a concept (OR: more words first).
GRAM_SCORE = 100.0
# What containing a corpus word the query word was widened to adds (a reading, a synonym, a near
# spelling: see search/understanding): below GRAM_SCORE, so such rows come after the rows with
# the word itself, whatever their word scores.
WIDENED_SCORE = 40.0
# What holding a spelling of the concept table adds (組織の見直し for 組織改編): it says what the word
# says, so such rows come before the rows of a widened word, after the rows that write the word.
EXPANDED_SCORE = 80.0
# How a word typed in another spelling was widened (see understanding.model.HOW_JA).
RESPELLINGS = frozenset({"reading", "fuzzy", "shortened", "coordinated"})
CONCEPT_FIELD = "concepts"
EXPANSION_BOOST = 0.5


@dataclass
class Reading:
    """How one word of the query was read: shown to the user as the interpretation."""

    text: str
    words: list[str]
    corrections: list[dict] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    exact: bool = False
    excluded: bool = False
    widened: tuple = ()  # understanding's Expansions: corpus words matched instead
    kind: str = "noun"
    known: bool = True

    def targets(self) -> list[str]:
        """What the word matches in a row's text: itself, its concept and widened words."""
        return [self.text, *self.expansions, *(w.text for w in self.widened)]

    def to_dict(self) -> dict:
        return {"text": self.text, "words": self.words, "corrections": self.corrections,
                "expansions": self.expansions, "exact": self.exact, "excluded": self.excluded,
                "widened": [w.to_dict() for w in self.widened], "kind": self.kind, "known": self.known}


def dictionary_form(text: str) -> tuple[str, ...]:
    """An inflected word in the form the concept table writes it (新しく: 新しい), if it differs."""
    words = analyse(text)
    return (words[0].normalized,) if len(words) == 1 and words[0].normalized != normalize(text) else ()


def read_leaf(leaf: Leaf, corpus, excluded: bool = False) -> Reading:
    applied = apply_corrections(leaf.text, corpus.corrections)[2]
    expansions = []
    if not (leaf.exact or excluded):  # the concepts of the word and of what it was widened to
        for text in [leaf.text, *dictionary_form(leaf.text), *(w.text for w in leaf.widened)]:
            expansions += [e for e in corpus.expansions.get(normalize(text), []) if e not in expansions]
    return Reading(
        text=leaf.text,
        words=query_words(leaf.text, corpus.corrections),
        corrections=[{"from": w, "to": r} for w, r in applied],
        expansions=expansions,
        exact=leaf.exact,
        excluded=excluded,
        widened=() if excluded else leaf.widened,
        kind=leaf.kind,
        known=leaf.known,
    )


def text_query(text: str, words: list[str], corrections, constant: float = GRAM_SCORE):
    """The rows that contain one string, scored by its Sudachi ``words``; None if it has nothing
    to match.

    A row matches when its gram document contains the string as written or as normalized words
    (exact, whatever Sudachi makes of it); the string's Sudachi words in the title and body word
    fields then add their BM25 score, so rows where it stands as a word rank first.
    """
    literal = [wq.ConstantScoreQuery(stream_query(s), constant) for s in query_streams(text, corrections)]
    if not literal:
        return None
    required = literal[0] if len(literal) == 1 else Or(literal)
    if not words:
        return required
    scoring = Or([wq.Term(name, words[0], boost=weight) if len(words) == 1
                  else wq.And([wq.Term(name, w) for w in words], boost=weight)
                  for name, weight in WORD_FIELDS.items()])
    return wq.AndMaybe(required, scoring)


def stream_query(stream: str):
    """The rows whose gram document contains ``stream``."""
    if len(stream) <= 2:  # one character or one bigram: a term of its own
        return wq.Term(GRAM_FIELD, stream)
    return Substring(wq.And([wq.Term(GRAM_FIELD, g) for g in spread_bigrams(stream)]), stream)


# The bigrams of a string whose rows are looked up; the gram document confirms the rest.
MAX_LOOKED_UP = 6


def spread_bigrams(stream: str) -> list[str]:
    """A few bigrams spread over ``stream``, first and last included: a row that holds them all is
    a candidate, which ``Substring`` confirms. Each bigram is a posting list to read: for a
    12-character word, all 11 cost twice the time of 6, and select no fewer rows in practice.

    >>> spread_bigrams("地域包括支援センター")
    ['地域', '包括', '括支', '援セ', 'セン', 'ター']
    """
    pairs = list(dict.fromkeys(bigrams(stream)))
    if len(pairs) <= MAX_LOOKED_UP:
        return pairs
    step = (len(pairs) - 1) / (MAX_LOOKED_UP - 1)
    return list(dict.fromkeys(pairs[round(i * step)] for i in range(MAX_LOOKED_UP)))


# The rows of one segment that contain a string. A segment never changes once written and its
# deletions only grow, so what was found holds in every generation that keeps the segment (an
# ingest adds one beside the others), and the understanding's row counts are not looked up again
# when the words are matched. In document numbers: 2 million take about 8 MB.
FOUND_IN_SEGMENT = SizedCache(2_000_000)


class Substring(wq.WrappingQuery):
    """The rows whose gram document contains ``text``: Whoosh finds the rows that have all its
    bigrams (the wrapped query), the gram document confirms they are adjacent, in order.

    A phrase query over bigram positions gives the same rows, but Whoosh checks positions in
    Python and that measured ten times slower at 34,000 rows.
    """

    def __init__(self, child, text: str):
        super().__init__(child)
        self.text = text

    def __eq__(self, other):
        return type(other) is type(self) and other.child == self.child and other.text == self.text

    def __hash__(self):
        return hash(self.child) ^ hash(self.text)

    def _rewrap(self, child):
        return type(self)(child, self.text)

    def matcher(self, searcher, context=None):
        segment = searcher.reader().segment()
        if segment is None:  # several segments at once: Whoosh asks each one in turn
            found = self._found(searcher, context)
        else:
            key = (segment.segment_id(), segment.deleted_count(), self.text)
            found = FOUND_IN_SEGMENT.get_or_make(key, lambda: self._found(searcher, context), lambda f: 1 + len(f))
        return ListMatcher(found) if found else NullMatcher()

    def _found(self, searcher, context) -> array:
        candidates = self.child.matcher(searcher, context)
        if not candidates.is_active():
            return array("I")
        documents = searcher.reader().column_reader(GRAM_COLUMN)  # this segment's documents
        needle = self.text.encode("utf-8")
        return array("I", (doc for doc in candidates.all_ids() if needle in documents[doc]))


def expansion_query(reading: Reading):
    """The rows whose text holds one of the word's concept expansions (found at index time).

    They count as holding the word (``EXPANDED_SCORE``) unless the word was typed in another
    spelling (さやまちゃ for 狭山茶): then they only follow the rows of the word it was read as."""
    own = gram_text(reading.text)
    # An expansion that contains the word itself (コロナ → 新型コロナ, コロナ禍) finds no row the
    # word's characters do not.
    keys = [gram_text(e) for e in reading.expansions if not own or own not in gram_text(e)]
    terms = [wq.Term(CONCEPT_FIELD, key) for key in dict.fromkeys(keys) if key]
    if not terms:
        return None
    scored = Or(terms, boost=EXPANSION_BOOST)
    if any(w.how in RESPELLINGS for w in reading.widened):
        return scored
    return wq.AndMaybe(wq.ConstantScoreQuery(Or(terms), EXPANDED_SCORE), scored)


def reading_query(reading: Reading, corrections, expand: bool = True):
    """A word of the query, with its concept expansions unless ``expand`` is false, and the
    corpus words it was widened to. A row with only widened words scores ``WIDENED_SCORE``
    (however many it holds) plus half their word scores, so it comes after every row with the
    word itself. (Whoosh's DisjunctionMax and AndNot over these matchers give wrong scores or
    fail, hence a sum.)"""
    parts = [text_query(reading.text, reading.words, corrections), expansion_query(reading) if expand else None]
    parts = [p for p in parts if p is not None]
    word = (parts[0] if len(parts) == 1 else Or(parts)) if parts else None
    widened = widened_query(reading, corrections)
    if widened is None:
        return word
    return widened if word is None else Or([word, widened])


def widened_query(reading: Reading, corrections):
    """The rows that hold one of the corpus words a query word was widened to."""
    streams = [widened_stream(w, corrections) for w in reading.widened]
    streams = [s for s in streams if s is not None]
    if not streams:
        return None
    scoring = [wq.Term(name, word, boost=weight) for w in reading.widened for part in w.text.split()
               for word in query_words(part, corrections) for name, weight in WORD_FIELDS.items()]
    required = wq.ConstantScoreQuery(streams[0] if len(streams) == 1 else Or(streams), WIDENED_SCORE)
    return wq.AndMaybe(required, Or(scoring, boost=0.5)) if scoring else required


def widened_stream(widened, corrections):
    """The rows holding a widened word; for a compound's words apart (``apart``), each of them."""
    parts = widened.text.split() if widened.how == "apart" else [widened.text]
    each = [[stream_query(s) for s in query_streams(part, corrections)] for part in parts]
    each = [streams[0] if len(streams) == 1 else Or(streams) for streams in each if streams]
    if len(each) != len(parts) or not each:
        return None
    return each[0] if len(each) == 1 else wq.And(each)


def compile_tree(node, corpus, readings: list[Reading], excluded: bool = False, expand: bool = True):
    """The Whoosh query of a tree; appends each word's ``Reading`` to ``readings``."""
    if node is None:
        return None
    if isinstance(node, Leaf):
        reading = read_leaf(node, corpus, excluded)
        readings.append(reading)
        return reading_query(reading, corpus.corrections, expand)
    if node.op == "not":
        child = compile_tree(node.children[0], corpus, readings, not excluded, expand)
        return wq.Not(child) if child is not None else None
    children = [compile_tree(c, corpus, readings, excluded, expand) for c in node.children]
    children = [c for c in children if c is not None]
    if not children:
        return None
    if node.op in ("or", "soft", "any"):  # the engine scores these itself (engine.evaluate)
        return Or(children)
    positive = [c for c in children if not isinstance(c, wq.Not)]
    negative = [c.query for c in children if isinstance(c, wq.Not)]
    base = wq.And(positive) if len(positive) > 1 else (positive[0] if positive else wq.Every())
    return wq.AndNot(base, Or(negative)) if negative else base


def to_query(tree, corpus, readings: list[Reading], expand: bool = True):
    """The complete query; a lone exclusion means everything but it."""
    compiled = compile_tree(tree, corpus, readings, expand=expand)
    if isinstance(compiled, wq.Not):
        return wq.AndNot(wq.Every(), compiled.query)
    return compiled


def soft_of(tree) -> Node | None:
    """The same words as an ``any`` match (rows with any of them, most weight first): the
    fallback when no row has all of them, or for a sentence when none has most of its weight."""
    if isinstance(tree, Node) and tree.op in ("and", "soft") and all(not (isinstance(c, Node) and c.op == "not")
                                                          for c in tree.children):
        # A sentence beside other words (子どもの医療費 タダ) gives its own words: each is weighed
        # on its own, as if the query had been typed with blanks.
        return Node("any", tuple(w for c in tree.children
                                 for w in (c.children if isinstance(c, Node) and c.op == "soft" else (c,))))
    return None


def has_soft(node) -> bool:
    """Whether a tree has a node the engine scores itself (``soft``, ``any``)."""
    return isinstance(node, Node) and (node.op in ("soft", "any") or any(has_soft(c) for c in node.children))


def count_query(text: str, corrections):
    """The rows that contain ``text`` (as written or as normalized words), unscored."""
    streams = [stream_query(s) for s in query_streams(text, corrections)]
    if not streams:
        return None
    return streams[0] if len(streams) == 1 else Or(streams)
