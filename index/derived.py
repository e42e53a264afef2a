"""Tables derived from the stored rows, kept per document so that a change analyses only the
documents it adds or removes.

Each derived table is a ``Derived``: ``add`` analyses the rows of whole documents and stores what
each document contributes, ``remove`` forgets what one document contributed. A full build is the
same ``add`` with every document on empty tables; ``finish`` then sums over every document what
a reader wants whole. To add a derived table (the related measures'
key terms, the vocabulary of readings and synonym groups), give its module these functions (``finish``
only if it keeps a total) and list it below.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import related, vocabulary
from .tables import Tables


@dataclass(frozen=True)
class Derived:
    name: str
    add: Callable[[sqlite3.Connection, list[dict], Tables], None]
    remove: Callable[[sqlite3.Connection, str], None]
    finish: Callable[[sqlite3.Connection], None] = lambda connection: None  # once after a change


def _add_vocabulary(connection: sqlite3.Connection, records: list[dict], tables: Tables) -> None:
    vocabulary.add_documents(connection, records, tables.correction_pairs(), tables.concept_terms())


def _remove_vocabulary(connection: sqlite3.Connection, document: str) -> None:
    vocabulary.remove_documents(connection, [document])


DERIVED = (
    Derived("related measures", related.add_related, related.remove_related),
    Derived("vocabulary", _add_vocabulary, _remove_vocabulary, vocabulary.write_totals),
)


def update_derived(database: Path, added: list[dict], removed: list[str], tables: Tables) -> None:
    """Remove what the ``removed`` documents contributed, then add the rows ``added`` (whole
    documents, in document order), one transaction per table."""
    connection = sqlite3.connect(database)
    try:
        for table in DERIVED:
            with connection:
                for document in removed:
                    table.remove(connection, document)
                if added:
                    table.add(connection, added, tables)
                table.finish(connection)
    finally:
        connection.close()
