"""An opened generation: the Whoosh searcher, per-document facet values and the small tables.

A Whoosh searcher is not thread-safe and costly to open at scale, so each process keeps one
per generation behind a lock (``Corpus.searching()``), and one connection to its database
(``Corpus.database()``). Both hold their files open: a generation folder deleted under a running
server (a disk error, an operator's mistake) goes on answering from the open files. ``Library``
hands out the current corpus and opens the new generation when a rebuild has swapped it in: a
running server picks up a reindex without a restart.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    from whoosh import index as whoosh_index

from index.analysis import normalize
from index.grades import GRADES
from index.workspace import DATABASE_NAME, INDEX_NAME, Workspace, is_intact

from .cache import SizedCache
from .errors import IndexMissing
from .facets import value_masks
from .understanding.vocabulary import Vocabulary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FacetValues:
    """The facet values of one document, indexed by Whoosh document number."""

    progress: str
    effort: str
    direction: tuple[str, ...]
    department: tuple[str, ...]
    chapter: str
    document: str


class Corpus:
    """One generation, opened for searching."""

    def __init__(self, path: Path):
        self.path = Path(path)
        # Generations are never written once swapped in: no locking or change detection needed.
        self._connection = sqlite3.connect(f"file:{self.path / DATABASE_NAME}?mode=ro&immutable=1", uri=True,
                                           check_same_thread=False)
        self._connection_lock = threading.Lock()
        self.index = whoosh_index.open_dir(str(self.path / INDEX_NAME))
        self._searcher = self.index.searcher()
        self._lock = threading.RLock()
        self._load_tables()
        self.facets = self._read_facet_columns()
        self.places = list(self._searcher.reader().column_reader("position"))  # each row's place in its document
        self.positions = self._document_order()
        # Search speed: facet bitmasks, documents in document order, and caches of query results
        # and stored records (a page of results and its facets are asked for again and again).
        self.masks = value_masks(self.facets)
        self.everything = (1 << len(self.facets)) - 1
        self.by_position = sorted(range(len(self.positions)), key=self.positions.__getitem__)
        self.results = SizedCache(1_500_000)  # about 130 MB (the units of search/cache.py)
        self._records = SizedCache(2_000)
        self._docnums: dict[str, int] = {}  # record id → document number, at most one per row

    def _load_tables(self) -> None:
        with self.database() as connection:
            cursor = connection.cursor()
            cursor.row_factory = sqlite3.Row
            rows = lambda sql: [dict(r) for r in cursor.execute(sql)]  # noqa: E731
            self.documents = rows("select id, title, file, format, origin, sha256, rows, ingested_at "
                                  "from documents order by seq")
            # In document order, then as each document lists them.
            self.legend_rows = rows("select l.* from legend l join documents d on d.id = l.document "
                                    "order by d.seq, l.rowid")
            self.chapters = rows("select c.document, c.key, c.title, c.spellings, c.line from chapters c "
                                 "join documents d on d.id = c.document order by d.seq, c.rowid")
            self.corrections = tuple((r["wrong"], r["right"]) for r in rows("select * from corrections"))
            self.concepts = [(json.loads(r["terms"]), bool(r["two_way"]))
                             for r in rows("select * from concepts")]
            self.departments = rows("select name, rows from departments order by rows desc, name")
            self.grade_words = [(r["word"], r["kind"], tuple(json.loads(r["codes"])), r["use"])
                                for r in rows("select * from grade_words")]
        self.labels = self._legend_labels()
        self.expansions = self._expansion_map()

    def _document_order(self) -> list[int]:
        """A sort key per document number: the row's document in order, then its place in it.

        The index stores each row's place in its document: a change that adds or removes a
        document leaves the other rows' keys as they were."""
        seq = {d["id"]: n for n, d in enumerate(self.documents)}
        return [(seq[values.document] << 32) | self.places[n] for n, values in enumerate(self.facets)]

    def _legend_labels(self) -> dict[str, dict[str, str]]:
        """``kind -> code -> label``, the first document that defines a code wins."""
        labels: dict[str, dict[str, str]] = {kind: {} for kind in GRADES}
        for row in self.legend_rows:
            labels.setdefault(row["kind"], {}).setdefault(row["code"], row["label"])
        return labels

    def _expansion_map(self) -> dict[str, list[str]]:
        """Normalized term → the terms it expands to, from the concept table."""
        expansions: dict[str, list[str]] = {}
        for terms, two_way in self.concepts:
            heads = terms if two_way else terms[:1]
            for head in heads:
                targets = expansions.setdefault(normalize(head), [])
                targets.extend(t for t in terms if t != head and t not in targets)
        return expansions

    def _read_facet_columns(self) -> list[FacetValues]:
        reader = self._searcher.reader()
        columns = {name: list(reader.column_reader(name))
                   for name in ("progress", "effort", "direction", "department", "chapter", "document")}
        split = lambda value: tuple(v for v in value.split("\t") if v)  # noqa: E731
        return [
            FacetValues(columns["progress"][n], columns["effort"][n], split(columns["direction"][n]),
                        split(columns["department"][n]), columns["chapter"][n], columns["document"][n])
            for n in range(reader.doc_count_all())
        ]

    @contextmanager
    def database(self):
        """The generation's SQLite database, for one thread at a time."""
        with self._connection_lock:
            yield self._connection

    @contextmanager
    def searching(self):
        """The shared searcher, for one thread at a time."""
        with self._lock:
            yield self._searcher

    def columns(self, names: tuple[str, ...]) -> list[tuple]:
        """The SQLite columns ``names`` of every row, by document number, in one query: reading
        every stored record from Whoosh instead takes over a second at 100× the document."""
        with self.database() as connection:
            by_place = {(row[0], row[1]): row[2:] for row in connection.execute(
                f"select document, position, {', '.join(names)} from evaluations")}
        return [by_place[(values.document, self.places[n])] for n, values in enumerate(self.facets)]

    def stored(self, docnum: int) -> dict:
        """The stored record of a document (a fresh dict: callers may change it)."""
        text = self._records.get(docnum)
        if text is None:
            with self.searching() as searcher:
                text = searcher.stored_fields(docnum)["record"]
            self._records.put(docnum, text)
        return json.loads(text)

    def docnum(self, record_id: str) -> int | None:
        """The document number of a record id (remembered: a Whoosh look-up reads a posting list)."""
        number = self._docnums.get(record_id)
        if number is not None:
            return number
        with self.searching() as searcher:
            number = searcher.document_number(id=record_id)
        if number is not None:  # unknown ids are not kept: anyone can ask for any number of them
            self._docnums[record_id] = number
        return number

    def record(self, record_id: str) -> dict | None:
        number = self.docnum(record_id)
        return None if number is None else self.stored(number)

    @cached_property
    def vocabulary(self):
        """The corpus's words by reading, synonym group and spelling (read on first use)."""
        with self.database() as connection:
            return Vocabulary.read(connection)

    def document_title(self, document_id: str) -> str:
        """A document's title as users know it (its id if it has none)."""
        return next((d["title"] for d in self.documents if d["id"] == document_id and d["title"]), document_id)

    def chapter_titles(self) -> list[str]:
        """Canonical chapter titles in document order, without repeats."""
        return list(dict.fromkeys(c["title"] for c in self.chapters))

    def close(self) -> None:
        with self._lock:
            self._searcher.close()
        with self._connection_lock:
            self._connection.close()


class Library:
    """The current corpus of a workspace, reopened when a build swaps a new generation in.

    Without ``warm`` the first request after a swap opens the new generation. With ``warm`` (a
    function that builds a corpus's lazy caches, as the server passes), a background thread opens
    and warms it while requests keep using the previous generation, then swaps: under load a
    reindex then stalls no request. When ``current`` is missing or points at a broken generation,
    the corpus already open goes on serving (its files are held open); a process that has none
    yet opens the newest intact generation.
    """

    def __init__(self, workspace: Workspace, warm: Callable[[Corpus], object] | None = None):
        self.workspace = workspace
        self.warm = warm
        self._lock = threading.Lock()
        self._corpus: Corpus | None = None
        self._served: str | None = None  # the value of the ``current`` link when it was opened
        self._checked: tuple[str | None, Path | None] | None = None  # (link, its generation if intact)
        self._opening: str | None = None  # the link a background thread is opening

    def _link(self) -> str | None:
        try:
            return os.readlink(self.workspace.current_link)
        except OSError:
            return None

    def _intact_target(self, link: str | None) -> Path | None:
        """The generation ``link`` points at if it is intact; checked once per link value."""
        checked = self._checked
        if checked is None or checked[0] != link:
            path = self.workspace.root / link if link is not None else None
            checked = self._checked = (link, path if path is not None and is_intact(path) else None)
        return checked[1]

    def current(self) -> Corpus:
        link = self._link()
        if link == self._served and self._corpus is not None:
            return self._corpus
        target = self._intact_target(link)
        if target is None:
            if self._corpus is not None:
                return self._corpus  # keep answering from the open generation
            target = self.workspace.current()  # the newest intact one
            if target is None:
                raise IndexMissing(f"no index built in {self.workspace.root}")
        if self.warm is not None and self._corpus is not None:
            self._open_in_background(link, target)
            return self._corpus
        with self._lock:
            if self._corpus is None or self._served != link:
                # The old corpus is left to the garbage collector: a request may still use it.
                self._corpus, self._served = Corpus(target), link
        return self._corpus

    def _open_in_background(self, link: str | None, target: Path) -> None:
        with self._lock:
            if self._opening is not None:
                return  # one at a time; a later request sees any newer generation
            self._opening = link
        threading.Thread(target=self._open_warm, args=(link, target), name="hyoka-reopen", daemon=True).start()

    def _open_warm(self, link: str | None, target: Path) -> None:
        try:
            corpus = Corpus(target)
            try:
                self.warm(corpus)
            except Exception:  # warming only saves time: a failure must not keep the new index out
                log.exception("warming generation %s failed", target.name)
            with self._lock:
                self._corpus, self._served = corpus, link
        except Exception:  # e.g. already replaced and pruned; the next request tries the newest
            log.exception("opening generation %s failed", target.name)
        finally:
            with self._lock:
                self._opening = None
