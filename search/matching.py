"""Turn the query tree into a Whoosh query over the word and bigram fields.

Each word of the query matches its Sudachi words (a phrase when it is several) in the title
and body word fields, and its exact characters as a phrase of bigrams in the bigram fields.
Word matches weigh more than bigram-only matches, titles more than bodies, and the concept
table's expansions of a word (コロナ → 感染症の影響 …) less than the word itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq

from index.analysis import apply_corrections, gram_text, normalize, query_grams, query_words

from .query import Leaf, Node

class Or(wq.Or):
    """Whoosh's Or with its binary tree of union matchers: below 5,000 documents Whoosh would
    preload every sub-query into arrays instead, which measured slower for these queries."""

    matcher_type = wq.Or.DEFAULT_MATCHER


WORD_FIELDS = {"title_words": 2.0, "body_words": 1.0}
GRAM_FIELDS = {"title_grams": 1.2, "body_grams": 0.6}
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

    def to_dict(self) -> dict:
        return {"text": self.text, "words": self.words, "corrections": self.corrections,
                "expansions": self.expansions, "exact": self.exact, "excluded": self.excluded}


def read_leaf(leaf: Leaf, corpus, excluded: bool = False) -> Reading:
    applied = apply_corrections(leaf.text, corpus.corrections)[2]
    expansions = [] if leaf.exact or excluded else list(corpus.expansions.get(normalize(leaf.text), []))
    return Reading(
        text=leaf.text,
        words=query_words(leaf.text, corpus.corrections),
        corrections=[{"from": w, "to": r} for w, r in applied],
        expansions=expansions,
        exact=leaf.exact,
        excluded=excluded,
    )


def text_query(text: str, corrections, boost: float = 1.0):
    """Words and exact characters of one string, in every text field; None if nothing to match."""
    parts = []
    words = query_words(text, corrections)
    if words:
        for name, weight in WORD_FIELDS.items():
            parts.append(wq.Term(name, words[0], boost=weight) if len(words) == 1
                         else wq.Phrase(name, words, boost=weight))
    for grams in query_grams(text, corrections):
        for name, weight in GRAM_FIELDS.items():
            if len(grams) == 1 and len(grams[0]) == 1:
                parts.append(wq.Prefix(name, grams[0], boost=weight))
            elif len(grams) == 1:
                parts.append(wq.Term(name, grams[0], boost=weight))
            else:
                parts.append(wq.Phrase(name, grams, boost=weight))
    if not parts:
        return None
    return Or(parts, boost=boost)


def reading_query(reading: Reading, corrections, expand: bool = True):
    """A word of the query, with its concept expansions unless ``expand`` is false."""
    main = text_query(reading.text, corrections)
    own = gram_text(reading.text)
    # An expansion that contains the word itself (コロナ → 新型コロナ, コロナ禍) finds no row the
    # word's characters do not: leaving it out saves its four sub-queries.
    expansions = [e for e in reading.expansions if not own or own not in gram_text(e)] if expand else []
    expanded = [q for q in (text_query(e, corrections, EXPANSION_BOOST) for e in expansions) if q]
    if main is None and not expanded:
        return None
    return Or([q for q in [main, *expanded] if q is not None])


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
    if node.op == "or":
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


def any_of(tree) -> Node | None:
    """The same words joined by OR: the fallback when no row has all of them."""
    if isinstance(tree, Node) and tree.op == "and" and all(isinstance(c, Leaf) for c in tree.children):
        return Node("or", tree.children)
    return None


# --- The same query, evaluated word by word -------------------------------------------------
# ``evaluate`` gives the documents and scores of ``to_query``'s query (Whoosh sums the scores of
# the parts that match, in Or and in And alike) but asks Whoosh one word at a time, through
# ``scored(query) -> {docnum: score}``, which the engine caches per Whoosh query. A word and its
# concept expansions that recur in other searches (子育て, then 子育て 支援, then 子育て with a
# filter) are then matched once per process instead of once per search.


@dataclass
class Hits:
    """Matching documents with their scores, and those matched without any expansion."""

    scores: dict[int, float]
    literal: set[int]
    excluded: bool = False


def leaf_hits(reading: Reading, corpus, scored, expand: bool = True) -> Hits | None:
    query = reading_query(reading, corpus.corrections, expand)
    if query is None:
        return None
    scores = scored(query)
    if not expand or not reading.expansions:
        return Hits(scores, set(scores))
    main = reading_query(reading, corpus.corrections, expand=False)
    return Hits(scores, set(scored(main)) if main is not None else set())


def _everything(corpus) -> Hits:
    docs = range(len(corpus.facets))
    return Hits(dict.fromkeys(docs, 0.0), set(docs))


def _include(hits: Hits, corpus) -> Hits:
    """An excluded child as the documents that do not match it."""
    if not hits.excluded:
        return hits
    every = _everything(corpus)
    for doc in hits.scores:
        del every.scores[doc]
    return Hits(every.scores, set(every.scores))


def evaluate_tree(node, corpus, readings: list[Reading], scored, excluded: bool = False,
                  expand: bool = True) -> Hits | None:
    """``compile_tree`` evaluated word by word; appends each word's ``Reading``."""
    if node is None:
        return None
    if isinstance(node, Leaf):
        reading = read_leaf(node, corpus, excluded)
        readings.append(reading)
        return leaf_hits(reading, corpus, scored, expand)
    if node.op == "not":
        child = evaluate_tree(node.children[0], corpus, readings, scored, not excluded, expand)
        return None if child is None else Hits(_include(child, corpus).scores, set(), excluded=True)
    children = [c for c in (evaluate_tree(c, corpus, readings, scored, excluded, expand) for c in node.children)
                if c is not None]
    if not children:
        return None
    if node.op == "or":
        scores: dict[int, float] = {}
        literal: set[int] = set()
        for child in (_include(c, corpus) for c in children):
            for doc, score in child.scores.items():
                scores[doc] = scores.get(doc, 0.0) + score
            literal |= child.literal
        return Hits(scores, literal)
    positive = [c for c in children if not c.excluded]
    negative = [c for c in children if c.excluded]
    if positive:
        positive.sort(key=lambda c: len(c.scores))
        scores = dict(positive[0].scores)
        literal = set(positive[0].literal)
        for child in positive[1:]:
            scores = {doc: score + child.scores[doc] for doc, score in scores.items() if doc in child.scores}
            literal &= child.literal
    else:
        every = _everything(corpus)
        scores, literal = every.scores, every.literal
    for child in negative:
        for doc in child.scores:
            scores.pop(doc, None)
            literal.discard(doc)
    return Hits(scores, literal & set(scores))


def evaluate(tree, corpus, readings: list[Reading], scored) -> Hits | None:
    """The matching documents of a query tree; a lone exclusion means everything but it."""
    hits = evaluate_tree(tree, corpus, readings, scored)
    return _include(hits, corpus) if hits is not None and hits.excluded else hits
