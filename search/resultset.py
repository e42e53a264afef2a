"""The whole result set of a search, without paging or highlights: for exports and suggestions.

It matches, falls back to "any word" and filters exactly as ``engine.run_search`` does, so an
export holds the rows whose count the results page shows, in the same order.
"""

from __future__ import annotations

from dataclasses import replace

from .corpus import Corpus
from .engine import rank, select
from .query import ParsedQuery


def count_results(corpus: Corpus, parsed: ParsedQuery) -> int:
    """How many rows the search returns (its ``total``)."""
    return select(corpus, parsed).passing.bit_count()


def result_documents(corpus: Corpus, parsed: ParsedQuery) -> list[int]:
    """Every document number of the result set, in the order the search pages through them."""
    selection = select(corpus, parsed)
    total = selection.passing.bit_count()
    if not total:
        return []
    everything = replace(parsed, page=1, per_page=total)
    return rank(corpus, everything, selection.scores, selection.passing)


def result_records(corpus: Corpus, parsed: ParsedQuery) -> list[dict]:
    """The records of the whole result set, as the API returns them (no source text)."""
    records = []
    for docnum in result_documents(corpus, parsed):
        record = corpus.stored(docnum)
        record.pop("source_text", None)
        records.append(record)
    return records
