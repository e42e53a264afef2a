"""Tables derived from the stored rows, kept per document so that a change analyses only the
documents it adds.

Each derived table is a ``Derived``: ``add`` analyses the rows of whole documents and stores what
each document contributes, ``remove`` forgets what documents contributed, and ``combine`` (when
the table depends on every document, like the related measures' weights) recomputes it from
what is stored, without analysing text again. A full build is the same calls with every document
added to empty tables, so a generation changed document by document has the same tables as one
built in one go. To add a derived table, give its module these functions and list it below.
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
    remove: Callable[[sqlite3.Connection, list[str]], None]
    combine: Callable[[sqlite3.Connection], None] | None = None


def _add_vocabulary(connection: sqlite3.Connection, records: list[dict], tables: Tables) -> None:
    vocabulary.add_documents(connection, records, tables.correction_pairs())


DERIVED = (
    Derived("related measures", related.add_documents, related.remove_documents, related.combine),
    Derived("vocabulary", _add_vocabulary, vocabulary.remove_documents),
)


def update_derived(database: Path, added: list[dict], removed: list[str], tables: Tables) -> None:
    """Remove what the ``removed`` documents contributed, add the rows ``added`` (whole documents,
    in document order), then recompute the tables that depend on every document."""
    connection = sqlite3.connect(database)
    try:
        for table in DERIVED:
            with connection:
                if removed:
                    table.remove(connection, removed)
                if added:
                    table.add(connection, added, tables)
                if table.combine is not None:
                    table.combine(connection)
    finally:
        connection.close()
