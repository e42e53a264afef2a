"""The documents users ingested, kept verbatim in ``var/documents.db``, outside every generation.

Every generation is derived from this store plus ``data/documents``, so losing a generation folder
loses no document. A change writes the new text here before the build that uses it, and commits
the new list of documents in one transaction once the new generation is complete (just before it
is swapped in): a change that fails or is killed before that leaves the list as it was, and the
text it staged is dropped by the next commit. When the store itself is missing (a workspace built
before it existed), it is recreated from the newest intact generation; when it cannot be read,
nothing is built rather than building from a partial list.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .store import SourceDocument, read_documents

SCHEMA = """
create table if not exists texts (sha256 text primary key, text text not null);
create table if not exists documents (
    id text primary key, seq integer not null, title text not null, file text not null,
    format text not null, sha256 text not null references texts (sha256), ingested_at text not null);
"""


class StoreError(RuntimeError):
    """The documents store cannot be read: nothing is built from a partial list of documents."""


class DocumentStore:
    """``var/documents.db``: the ingested documents in order, and their texts."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def exists(self) -> bool:
        return self.path.exists()

    def _connect(self, write: bool = False) -> sqlite3.Connection:
        mode = "rwc" if write else "ro"
        try:
            connection = sqlite3.connect(f"file:{self.path}?mode={mode}", uri=True)
            if write:
                connection.executescript(SCHEMA)
            return connection
        except sqlite3.Error as error:
            raise self._unreadable(error) from None

    def _unreadable(self, error: Exception) -> StoreError:
        return StoreError(f"{self.path}: cannot read the documents store ({error}); nothing was changed. "
                          f"Restore it from a backup, or move it away to recover the documents of the "
                          f"newest generation")

    def documents(self) -> list[SourceDocument]:
        """The ingested documents, in the order they were added."""
        connection = self._connect()
        try:
            rows = connection.execute(
                "select d.id, d.title, d.file, t.text, d.format, d.ingested_at, d.sha256 from documents d "
                "left join texts t on t.sha256 = d.sha256 order by d.seq").fetchall()
        except sqlite3.Error as error:
            raise self._unreadable(error) from None
        finally:
            connection.close()
        documents = []
        for doc_id, title, file, text, fmt, ingested_at, sha256 in rows:
            document = SourceDocument(doc_id, title, file, text or "", fmt, "ingested", ingested_at)
            if text is None or document.sha256 != sha256:
                raise StoreError(f"{self.path}: the text of {doc_id!r} is missing or damaged; nothing was "
                                 f"changed. Restore the store from a backup")
            documents.append(document)
        return documents

    def stage(self, documents: list[SourceDocument]) -> None:
        """Write the texts of ``documents`` before a build uses them (the list itself is unchanged)."""
        connection = self._connect(write=True)
        try:
            with connection:
                _insert_texts(connection, documents)
        finally:
            connection.close()

    def commit(self, documents: list[SourceDocument]) -> None:
        """Make ``documents`` (ingested ones, in order) the stored list, in one transaction."""
        connection = self._connect(write=True)
        try:
            with connection:
                _insert_texts(connection, documents)
                connection.execute("delete from documents")
                connection.executemany(
                    "insert into documents values (?, ?, ?, ?, ?, ?, ?)",
                    ((d.id, seq, d.title, d.file, d.format, d.sha256, d.ingested_at)
                     for seq, d in enumerate(documents)))
                # Texts staged by a change that failed, and those of removed documents.
                connection.execute("delete from texts where sha256 not in (select sha256 from documents)")
        finally:
            connection.close()

    def recover(self, generation: Path | None) -> None:
        """Create the store from the ingested documents of ``generation`` (None: an empty store)."""
        ingested = [d for d in read_documents(generation) if d.origin != "default"] if generation else []
        self.commit(ingested)


def _insert_texts(connection: sqlite3.Connection, documents: list[SourceDocument]) -> None:
    connection.executemany("insert or ignore into texts values (?, ?)", ((d.sha256, d.text) for d in documents))
