"""Query understanding: one reading of what people type, for search, questions and related
measures alike.

``understand(text, corpus, count_rows)`` turns a typed text into an ``Understanding``:

- the filters written into it (``filters.py``: 都市計画課, 進捗がC, 遅れている, 第4章), which are
  never matched as text;
- a query tree (``search.query.Leaf``/``Node``) of what is left, parsed with the query syntax
  ("phrase", OR, -word) and with each word understood (``words.py``: framing words dropped,
  kana and homophones by reading, synonyms, near spellings, sentences as soft matches), and for
  each word the rows write, the corpus words that sound the same (``homophones``);
- the words dropped, each with why.

It reads the corpus only through its legend, department and chapter names and its vocabulary
(``index/vocabulary.py``); whether a string occurs in the rows is asked through ``count_rows``,
which the engine supplies.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..query import parse_terms
from .filters import described_words, read_filters
from .model import HOW_JA, Dropped, Expansion, FilterReading, Mention
from .tokens import arabic_counts
from .words import LeafReader

__all__ = ["understand", "Understanding", "Mention", "Expansion", "Dropped", "FilterReading", "HOW_JA"]


@dataclass
class Understanding:
    """What a typed text was read as."""

    text: str
    tree: object | None
    fallback: str | None
    filters: dict[str, list[str]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    # Words of the tree with their homophones among the corpus words (企業支援: 起業支援), for a
    # query whose words meet in no row as typed.
    homophones: tuple = ()

    def to_dict(self) -> dict:
        return {"filters": self.filters, "mentions": [m.to_dict() for m in self.mentions],
                "dropped": [d.to_dict() for d in self.dropped]}


def understand(text: str, corpus, count_rows) -> Understanding:
    """Read ``text`` against the corpus (see the module docstring)."""
    text = arabic_counts(unicodedata.normalize("NFKC", text))
    filters = read_filters(text, corpus, searching=True, count_rows=count_rows)
    tree, fallback = parse_terms(filters.rest)
    reader = LeafReader(corpus, count_rows, described_words(filters, corpus))
    tree = reader.tree(tree, filtered=bool(filters.mentions))
    # what the filters read as framing the request (順調 of 空き家対策は順調ですか: the grade asked)
    framed = [Dropped(text[start:end], "asking") for start, end in filters.framing]
    return Understanding(text, tree, fallback, filters.filters, filters.mentions, framed + reader.dropped,
                         reader.homophones(tree))
