"""Which rows contain a string, and how well: the substring index written by index/streams.py.

A form of three or more characters is looked up in SQLite FTS5 with the trigram tokenizer, a
shorter one in the ``grams`` table of bigrams (a single character as a prefix); both are scored
by FTS5's bm25 with titles weighing twice the body. Results are cached per form.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

from index.streams import SEPARATOR

TITLE_WEIGHT, BODY_WEIGHT = 2.0, 1.0
TRIGRAM = 3


class SizedCache:
    """A least-recently-used map bounded by the total size of its values (``len`` of each)."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.size = 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
                return item[0]
            return None

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.size = 0

    def put(self, key, value, size: int = 1) -> None:
        with self._lock:
            if key in self._items:
                self.size -= self._items.pop(key)[1]
            self._items[key] = (value, size)
            self.size += size
            while self.size > self.capacity and len(self._items) > 1:
                self.size -= self._items.popitem(last=False)[1][1]


class Substrings:
    """The rows (as Whoosh document numbers) that contain a form, with a relevance score."""

    def __init__(self, path: Path, docnums: list[int]):
        self.path = Path(path)
        self.docnums = docnums  # position in document order -> Whoosh document number
        self.positions = {docnum: position for position, docnum in enumerate(docnums)}
        self._local = threading.local()
        self.cache = SizedCache(1_000_000)  # document entries, about 100 bytes each

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection

    def find(self, form: str) -> dict[int, float]:
        """Document number → score of every row whose text contains ``form`` (a ``forms`` item)."""
        found = self.cache.get(form)
        if found is None:
            found = self._match(form)
            self.cache.put(form, found, len(found) + 1)
        return found

    def text_of(self, docnum: int) -> str:
        """Every form of a row's text (titles and body), to check what a row contains."""
        row = self._connection().execute("select title, body from streams where rowid = ?",
                                         (self.positions[docnum],)).fetchone()
        return SEPARATOR.join(row) if row else ""

    def _match(self, form: str) -> dict[int, float]:
        table = "streams" if len(form) >= TRIGRAM else "grams"
        match = '"' + form.replace('"', '""') + '"' + ("*" if len(form) == 1 else "")
        try:
            rows = self._connection().execute(
                f"select rowid, bm25({table}, {TITLE_WEIGHT}, {BODY_WEIGHT}) from {table} "
                f"where {table} match ?", (match,)).fetchall()
        except sqlite3.OperationalError:  # nothing FTS5 can search for (e.g. only punctuation)
            return {}
        docnums = self.docnums
        return {docnums[rowid]: -rank for rowid, rank in rows}

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
