"""The whole result set of a search, without paging or highlights: for exports and suggestions.

It matches, falls back to "any word" and filters exactly as ``engine.run_search`` does, so an
export holds the rows whose count the results page shows, in the same order.
"""

from __future__ import annotations

from dataclasses import replace

from .corpus import Corpus
from .engine import find, matching_documents, order, rank, resolve_filters
from .facets import count, count_masks, to_mask
from .matching import any_of, to_query
from .query import ParsedQuery


def _matching(corpus: Corpus, parsed: ParsedQuery):
    if corpus.substrings is not None:  # the substring index, as run_search uses it
        readings, hits, _ = find(corpus, parsed)
        matching = corpus.everything if hits is None else to_mask(hits.scores, len(corpus.facets))
        _, passing = count_masks(corpus.masks, matching, resolve_filters(corpus, parsed.filters))
        return hits, readings, passing
    readings: list = []
    query = to_query(parsed.tree, corpus, readings)
    docs = matching_documents(corpus, query)
    if not docs and any_of(parsed.tree) is not None:
        readings = []
        query = to_query(any_of(parsed.tree), corpus, readings)
        docs = matching_documents(corpus, query)
    _, passing = count(corpus.facets, docs, resolve_filters(corpus, parsed.filters))
    return query, readings, passing


def count_results(corpus: Corpus, parsed: ParsedQuery) -> int:
    """How many rows the search returns (its ``total``)."""
    passing = _matching(corpus, parsed)[2]
    return passing.bit_count() if isinstance(passing, int) else len(passing)


def result_documents(corpus: Corpus, parsed: ParsedQuery) -> list[int]:
    """Every document number of the result set, in the order the search pages through them."""
    query, readings, passing = _matching(corpus, parsed)
    if isinstance(passing, int):  # a bitmask from the substring index
        total = passing.bit_count()
        return rank(corpus, replace(parsed, page=1, per_page=total), query, readings, passing) if total else []
    if not passing:
        return []
    everything = replace(parsed, page=1, per_page=len(passing))
    return order(corpus, everything, query, passing, readings)[0]


def result_records(corpus: Corpus, parsed: ParsedQuery) -> list[dict]:
    """The records of the whole result set, as the API returns them (no source text)."""
    records = []
    for docnum in result_documents(corpus, parsed):
        record = corpus.stored(docnum)
        record.pop("source_text", None)
        records.append(record)
    return records
