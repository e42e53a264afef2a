"""Measures: one measure (施策の方向性) is reported on one row per department.

The rows of a measure share its document, chapter, section, item and measure title; a row
whose own cells were empty in the table ``continues`` the row above it and got its title
copied by the parser, so the same key groups it too.
"""

from __future__ import annotations

import threading
from weakref import WeakKeyDictionary

from index.analysis import normalize

from .corpus import Corpus

MEASURE_FIELDS = ("document", "chapter", "section", "item", "measure")

_keys: WeakKeyDictionary = WeakKeyDictionary()
_titles: WeakKeyDictionary = WeakKeyDictionary()
_members: WeakKeyDictionary = WeakKeyDictionary()
_lock = threading.Lock()


def measure_key(record: dict) -> tuple[str, ...]:
    """The fields that name a measure: rows with equal keys report on the same measure."""
    return tuple(record[name] for name in MEASURE_FIELDS)


def measure_keys(corpus: Corpus) -> list[tuple[str, ...]]:
    """The measure key of every document number, read once per opened generation."""
    return _once(_keys, corpus, lambda: corpus.columns(MEASURE_FIELDS))


def measure_titles(corpus: Corpus) -> dict[str, list[int]]:
    """The document numbers of each measure title, normalized (as a question is), once per generation."""
    def make():
        titles: dict[str, list[int]] = {}
        for docnum, key in enumerate(measure_keys(corpus)):
            titles.setdefault(normalize(key[4]), []).append(docnum)
        return titles
    return _once(_titles, corpus, make)


def measure_members(corpus: Corpus, docnum: int) -> tuple[int, ...]:
    """The document numbers of every row of a row's measure (its own included), once per generation."""
    def make():
        members: dict[tuple[str, ...], list[int]] = {}
        for number, key in enumerate(measure_keys(corpus)):
            members.setdefault(key, []).append(number)
        return [tuple(members[key]) for key in measure_keys(corpus)]
    return _once(_members, corpus, make)[docnum]


def _once(store: WeakKeyDictionary, corpus: Corpus, make):
    with _lock:
        value = store.get(corpus)
    if value is None:
        # Computed outside the lock: two threads may both make it, the result is the same.
        value = make()
        with _lock:
            store[corpus] = value
    return value


def count_measures(corpus: Corpus) -> int:
    """How many distinct measures the corpus holds (rows of one measure count once)."""
    return len(set(measure_keys(corpus)))


def sibling_rows(corpus: Corpus, record: dict) -> list[dict]:
    """The other department rows of the record's measure, in document order, without source text."""
    members = measure_members(corpus, corpus.docnum(record["id"]))
    rows = []
    for docnum in sorted(members, key=lambda d: corpus.positions[d]):
        row = corpus.stored(docnum)
        if row["id"] == record["id"]:
            continue
        row.pop("source_text", None)
        rows.append(row)
    return rows
