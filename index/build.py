"""Build a generation (SQLite database + Whoosh index) and swap it in atomically.

A workspace (``workspace.py``) holds ``generations/<name>/{hyoka.db,whoosh/}`` and a symlink
``current`` to the live one. A build writes a new generation beside the live one, then
replaces the symlink in one ``rename``: readers see the old generation or the new one, never
a half-built one. A build that fails or is killed leaves ``current`` untouched; its temporary
directory is removed by the next build. What is built is ``data/documents`` plus the documents
store (``docstore.py``), which the build reads completely or not at all.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index

from .docstore import DocumentStore, StoreError
from .formats import read_source
from .parse import ParseError
from .related import write_related
from .schema import SCHEMA_VERSION, build_schema, concept_keys, index_document
from .store import SourceDocument, read_records, write_database
from .tables import DATA_DIR, Tables, load_tables, tables_fingerprint
from .vocabulary import write_vocabulary
from .workspace import DATABASE_NAME, INDEX_NAME, Workspace, fsync_dir

__all__ = ["DATABASE_NAME", "INDEX_NAME", "Workspace"]  # imported from here by search/

PARALLEL_THRESHOLD = 5_000  # rows; below this one process is faster than two

Progress = Callable[[int, int], None]
# Takes the planned sources, returns the sources to build, or None when nothing would change.
Change = Callable[[list[SourceDocument]], "list[SourceDocument] | None"]

log = logging.getLogger(__name__)


PROJECT_DIR = Path(__file__).resolve().parent.parent


def default_workspace() -> Workspace:
    """``$HYOKA_VAR_DIR`` or ``var/`` in the project: where build outputs live (git-ignored)."""
    return Workspace(os.environ.get("HYOKA_VAR_DIR") or PROJECT_DIR / "var")


def default_sources(data_dir: Path = DATA_DIR) -> list[SourceDocument]:
    """The embedded corpus: every document file under ``data/documents``."""
    folder = data_dir / "documents"
    return [read_source(path, origin="default") for path in sorted(folder.iterdir())
            if not path.name.startswith(".")]


def fingerprint(sources: Iterable[SourceDocument], data_dir: Path = DATA_DIR) -> str:
    """What a generation was built from: schema version, tables and documents."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION}:{tables_fingerprint(data_dir)}".encode())
    for source in sources:
        digest.update(f"|{source.id}:{source.title}:{source.sha256}".encode())
    return digest.hexdigest()[:16]


def stored_documents(workspace: Workspace) -> list[SourceDocument]:
    """The ingested documents of the store; a missing store is recovered from the newest generation."""
    store = DocumentStore(workspace.store_path)
    if not store.exists():
        current = workspace.current()
        if current is None and workspace.finished():
            raise StoreError(f"{store.path} is missing and no generation is intact to recover the "
                             f"ingested documents from; nothing was changed")
        store.recover(current / DATABASE_NAME if current else None)
    return store.documents()


def planned_sources(workspace: Workspace, data_dir: Path = DATA_DIR) -> list[SourceDocument]:
    """The default corpus as it is in ``data/`` plus the documents users ingested."""
    sources = default_sources(data_dir)
    known = {s.id for s in sources}
    return sources + [d for d in stored_documents(workspace) if d.id not in known]


def built_fingerprint(workspace: Workspace) -> str | None:
    import sqlite_utils

    database = workspace.database()
    if database is None:
        return None
    db = sqlite_utils.Database(database)
    try:
        return db["meta"].get("fingerprint")["value"]
    except Exception:  # an unreadable generation is stale
        return None
    finally:
        db.conn.close()


def is_stale(workspace: Workspace, data_dir: Path = DATA_DIR) -> bool:
    return built_fingerprint(workspace) != fingerprint(planned_sources(workspace, data_dir), data_dir)


def ensure_built(workspace: Workspace, data_dir: Path = DATA_DIR, progress: Progress | None = None) -> bool:
    """Build from ``data/`` when there is no generation or it is stale; True if it built."""
    with workspace.lock():
        if not is_stale(workspace, data_dir):
            return False
        _build_locked(workspace, planned_sources(workspace, data_dir), data_dir, progress)
        return True


def build(workspace: Workspace, sources: list[SourceDocument], data_dir: Path = DATA_DIR,
          progress: Progress | None = None) -> Path:
    """Parse ``sources``, write a new generation and make it current."""
    with workspace.lock():
        return _build_locked(workspace, sources, data_dir, progress)


def update(workspace: Workspace, change: Change, data_dir: Path = DATA_DIR,
           progress: Progress | None = None) -> Path | None:
    """Apply ``change`` to the planned sources and build the result, all under the build lock.

    Reading the stored documents inside the lock means two concurrent changes cannot lose
    each other's documents. Returns the new generation, or None when ``change`` said no.
    """
    with workspace.lock():
        sources = change(planned_sources(workspace, data_dir))
        if sources is None:
            return None
        return _build_locked(workspace, sources, data_dir, progress)


def parse_sources(sources: list[SourceDocument], tables: Tables):
    """Parse every source; one ``ParseError`` listing the problems of all of them."""
    from .formats import parse_source

    parsed, problems = [], []
    ids = [s.id for s in sources]
    for source in sources:
        if ids.count(source.id) > 1:
            problems.append(f"{source.file}:1: document id {source.id!r} is used twice")
            continue
        try:
            parsed.append((source, parse_source(source, tables)))
        except ParseError as error:
            problems.extend(error.problems)
    if problems:
        raise ParseError(problems)
    return parsed


def _build_locked(workspace: Workspace, sources: list[SourceDocument], data_dir: Path,
                  progress: Progress | None) -> Path:
    tables = load_tables(data_dir)
    parsed = parse_sources(sources, tables)
    log.info("parsed %d documents, %d rows", len(parsed), sum(len(p.records) for _, p in parsed))
    store = DocumentStore(workspace.store_path)
    ingested = [s for s in sources if s.origin != "default"]
    store.stage(ingested)  # the texts are safe before anything is built from them
    workspace.prune()
    temporary = workspace.temporary()
    try:
        meta = {"fingerprint": fingerprint(sources, data_dir), "schema_version": SCHEMA_VERSION,
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        write_database(temporary / DATABASE_NAME, parsed, tables, meta)
        log.info("wrote the database in %s", temporary.name)
        records = read_records(temporary / DATABASE_NAME)  # the index is derived from what was stored
        write_index(temporary / INDEX_NAME, records, tables, progress)
        write_related(temporary / DATABASE_NAME, records, tables)
        log.info("computed related measures")
        write_vocabulary(temporary / DATABASE_NAME, records, tables.correction_pairs())
        log.info("stored the vocabulary")
        # Microseconds in the name: generations sort by age even when built in the same second.
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        final = workspace.generations / f"{stamp}-{uuid.uuid4().hex[:6]}"
        os.rename(temporary, final)
        fsync_dir(workspace.generations)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    try:
        store.commit(ingested)  # the commit point: from here on the change is the stored state
    except BaseException:
        shutil.rmtree(final, ignore_errors=True)
        raise
    workspace.swap(final)
    log.info("swapped in generation %s", final.name)
    workspace.prune()
    return final


def write_index(path: Path, records: list[dict], tables: Tables, progress: Progress | None = None) -> None:
    """Create the Whoosh index of the evaluations ``records`` (as ``read_records`` gives them)."""
    log.info("indexing %d rows", len(records))
    if progress:
        progress(0, len(records))
    path.mkdir()
    corrections = tables.correction_pairs()
    keys = concept_keys(tables)
    ix = whoosh_index.create_in(path, build_schema(corrections))
    parallel = len(records) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1
    writer = ix.writer(procs=2, multisegment=True, limitmb=256) if parallel else ix.writer(limitmb=256)
    try:
        for position, row in enumerate(records):
            writer.add_document(**index_document(row, position, keys, corrections))
            if progress and (position + 1) % 100 == 0 and position + 1 < len(records):
                progress(position + 1, len(records))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    if progress:
        progress(len(records), len(records))
