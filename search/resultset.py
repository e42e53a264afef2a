"""The whole result set of a search, without paging or highlights: for exports and suggestions.

It matches, falls back to "any word" and filters exactly as ``engine.run_search`` does, so an
export holds the rows whose count the results page shows, in the same order.
"""

from __future__ import annotations

from dataclasses import replace

from .corpus import Corpus
from .engine import find, rank, resolve_filters
from .facets import count_masks, to_mask
from .query import ParsedQuery


def _matching(corpus: Corpus, parsed: ParsedQuery):
    """``(hits, readings, passing)`` as run_search finds them (shared cache), passing as a bitmask."""
    readings, hits, _ = find(corpus, parsed)
    matching = corpus.everything if hits is None else to_mask(hits.scores, len(corpus.facets))
    _, passing = count_masks(corpus.masks, matching, resolve_filters(corpus, parsed.filters))
    return hits, readings, passing


def count_results(corpus: Corpus, parsed: ParsedQuery) -> int:
    """How many rows the search returns (its ``total``)."""
    return _matching(corpus, parsed)[2].bit_count()


def result_documents(corpus: Corpus, parsed: ParsedQuery) -> list[int]:
    """Every document number of the result set, in the order the search pages through them."""
    hits, readings, passing = _matching(corpus, parsed)
    total = passing.bit_count()
    return rank(corpus, replace(parsed, page=1, per_page=total), hits, readings, passing) if total else []


def result_records(corpus: Corpus, parsed: ParsedQuery) -> list[dict]:
    """The records of the whole result set, as the API returns them (no source text)."""
    records = []
    for docnum in result_documents(corpus, parsed):
        record = corpus.stored(docnum)
        record.pop("source_text", None)
        records.append(record)
    return records
