"""Which rows contain a string, and how well: the substring index written by index/streams.py.

A form of three or more characters is looked up in SQLite FTS5 (trigram tokenizer) and
scored by its bm25 with titles weighing twice the body. Trigrams cannot find one or two
characters, so those forms are found by scanning the same text held in memory (loaded on the
first such query) and scored with the same bm25 formula. Results are cached per form.
"""

from __future__ import annotations

import math
import sqlite3
import threading
from bisect import bisect_right
from collections import OrderedDict
from pathlib import Path

from index.streams import SEPARATOR

TITLE_WEIGHT, BODY_WEIGHT = 2.0, 1.0
TRIGRAM = 3
K1, B = 1.2, 0.75


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
        self._lock = threading.Lock()
        self._text = None
        self.cache = SizedCache(2_000_000)

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
            found = self._match(form) if len(form) >= TRIGRAM else self._scan(form)
            self.cache.put(form, found, len(found) + 1)
        return found

    def text_of(self, docnum: int) -> str:
        """Every form of a row's text (titles and body), to check what a row contains."""
        row = self._connection().execute("select title, body from streams where rowid = ?",
                                         (self.positions[docnum],)).fetchone()
        return SEPARATOR.join(row) if row else ""

    def _match(self, form: str) -> dict[int, float]:
        phrase = '"' + form.replace('"', '""') + '"'
        rows = self._connection().execute(
            f"select rowid, bm25(streams, {TITLE_WEIGHT}, {BODY_WEIGHT}) from streams where streams match ?",
            (phrase,))
        docnums = self.docnums
        return {docnums[rowid]: -rank for rowid, rank in rows}

    def _scan(self, form: str) -> dict[int, float]:
        text = self._loaded()
        counts: list[dict[int, int]] = []
        for big, starts in ((text["title"], text["title_starts"]), (text["body"], text["body_starts"])):
            found: dict[int, int] = {}
            at = big.find(form)
            while at != -1:
                row = bisect_right(starts, at) - 1
                found[row] = found.get(row, 0) + 1
                at = big.find(form, at + 1)
            counts.append(found)
        rows = set(counts[0]) | set(counts[1])
        if not rows:
            return {}
        n = len(text["title_starts"])
        idf = max(math.log((n - len(rows) + 0.5) / (len(rows) + 0.5)), 1e-6)
        scores = {}
        for row in rows:
            score = 0.0
            for group, weight in ((0, TITLE_WEIGHT), (1, BODY_WEIGHT)):
                tf = counts[group].get(row, 0)
                if tf:
                    norm = 1 - B + B * text["lengths"][group][row] / text["average"][group]
                    score += weight * idf * tf * (K1 + 1) / (tf + K1 * norm)
            scores[self.docnums[row]] = score
        return scores

    def _loaded(self) -> dict:
        """The title and body streams of every row as two long strings, read once."""
        with self._lock:
            if self._text is None:
                titles, bodies = [], []
                for title, body in self._connection().execute("select title, body from streams order by rowid"):
                    titles.append(title)
                    bodies.append(body)
                text = {"lengths": ([len(t) for t in titles], [len(b) for b in bodies])}
                for name, parts in (("title", titles), ("body", bodies)):
                    starts, at = [], 0
                    for part in parts:
                        starts.append(at)
                        at += len(part) + 1
                    text[name] = SEPARATOR.join(parts)
                    text[f"{name}_starts"] = starts
                text["average"] = tuple(max(1.0, sum(lengths) / max(1, len(lengths)))
                                        for lengths in text["lengths"])
                self._text = text
            return self._text

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
