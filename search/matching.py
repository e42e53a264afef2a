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
