"""The whole result set of a search, without paging or highlights: for exports and suggestions.

It matches, falls back to "any word" and filters exactly as ``engine.run_search`` does, so an
export holds the rows whose count the results page shows, in the same order.
"""

from __future__ import annotations

from dataclasses import replace

from .corpus import Corpus
from .engine import matching_documents, order, resolve_filters
from .facets import count
from .matching import any_of, to_query
from .query import ParsedQuery


def _matching(corpus: Corpus, parsed: ParsedQuery):
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
    return len(_matching(corpus, parsed)[2])


def result_documents(corpus: Corpus, parsed: ParsedQuery) -> list[int]:
    """Every document number of the result set, in the order the search pages through them."""
    query, readings, passing = _matching(corpus, parsed)
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
