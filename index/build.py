"""Build a generation (SQLite database + Whoosh index) and swap it in atomically.

A workspace (``workspace.py``) holds ``generations/<name>/{hyoka.db,whoosh/}`` and a symlink
``current`` to the live one. A change writes a new generation beside the live one, then
replaces the symlink in one ``rename``: readers see the old generation or the new one, never
a half-built one. A change that fails or is killed leaves ``current`` untouched; its temporary
directory is removed by the next one. What is built is ``data/documents`` plus the documents
store (``docstore.py``), which is read completely or not at all.

A change touches only the documents it adds, replaces or removes: the new generation starts from
a copy of the live database, deletes and inserts those documents' rows in one transaction,
updates the derived tables from what is stored per document (``derived.py``) and links the live
index's segments that hold none of them (``segments.py``). The result is the same as building
everything again, which ``reindex`` (``full=True``) still does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from .analysis import analyser_version
from .derived import update_derived
from .docstore import DocumentStore, StoreError
from .formats import read_source
from .parse import ParseError
from .schema import SCHEMA_VERSION
from .segments import keep_segments, segment_documents, write_index
from .store import (SourceDocument, built_documents, create_database, delete_documents, finish_database,
                    insert_documents, read_records, source_digest)
from .tables import DATA_DIR, Tables, load_tables, tables_fingerprint
from .workspace import DATABASE_NAME, INDEX_NAME, Workspace, fsync_dir

__all__ = ["DATABASE_NAME", "INDEX_NAME", "Workspace"]  # imported from here by search/

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
    """What a generation was built from: schema version, analyser, tables and documents."""
    digest = hashlib.sha256(f"{SCHEMA_VERSION}:{analyser_version()}:{tables_fingerprint(data_dir)}".encode())
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
    """Bring the index up to date with ``data/`` and the store; True if it built."""
    with workspace.lock():
        if not is_stale(workspace, data_dir):
            return False
        _build_locked(workspace, planned_sources(workspace, data_dir), data_dir, progress)
        return True


def build(workspace: Workspace, sources: list[SourceDocument], data_dir: Path = DATA_DIR,
          progress: Progress | None = None) -> Path:
    """Parse every one of ``sources``, write a new generation from scratch and make it current."""
    with workspace.lock():
        return _build_locked(workspace, sources, data_dir, progress, full=True)


def update(workspace: Workspace, change: Change, data_dir: Path = DATA_DIR,
           progress: Progress | None = None, full: bool = False) -> Path | None:
    """Apply ``change`` to the planned sources and build the result, all under the build lock.

    Reading the stored documents inside the lock means two concurrent changes cannot lose
    each other's documents. Returns the new generation, or None when ``change`` said no.
    """
    with workspace.lock():
        sources = change(planned_sources(workspace, data_dir))
        if sources is None:
            return None
        return _build_locked(workspace, sources, data_dir, progress, full)


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


@dataclass
class Plan:
    """What a change does to the live generation ``base`` (None: build everything)."""

    base: Path | None
    removed: list[str] = field(default_factory=list)  # documents whose rows go (replaced ones too)
    added: list[SourceDocument] = field(default_factory=list)  # documents whose rows come


def plan(workspace: Workspace, sources: list[SourceDocument], data_dir: Path, full: bool) -> Plan:
    """Which documents to remove and add, from the live generation; everything when ``full``, when
    nothing is built yet, or when the schema or a table of ``data/`` changed since."""
    duplicated = len({s.id for s in sources}) < len(sources)  # parse_sources says which
    base = workspace.current()
    if full or base is None or duplicated:
        return Plan(None, added=sources)
    db = sqlite_utils.Database(base / DATABASE_NAME)
    try:
        meta = {r["key"]: r["value"] for r in db.query("select key, value from meta")}
        built = built_documents(db)
    finally:
        db.conn.close()
    if (meta.get("schema_version"), meta.get("analyser"), meta.get("tables")) != (
            SCHEMA_VERSION, analyser_version(), tables_fingerprint(data_dir)):
        return Plan(None, added=sources)
    digests = {s.id: source_digest(s) for s in sources}
    return Plan(base, removed=[d for d, digest in built.items() if digests.get(d) != digest],
                added=[s for s in sources if built.get(s.id) != digests[s.id]])


def _build_locked(workspace: Workspace, sources: list[SourceDocument], data_dir: Path,
                  progress: Progress | None, full: bool = False) -> Path:
    tables = load_tables(data_dir)
    change = plan(workspace, sources, data_dir, full)
    parsed = parse_sources(change.added, tables)
    log.info("parsed %d documents, %d rows", len(parsed), sum(len(p.records) for _, p in parsed))
    store = DocumentStore(workspace.store_path)
    ingested = [s for s in sources if s.origin != "default"]
    store.stage(ingested)  # the texts are safe before anything is built from them
    workspace.prune()
    temporary = workspace.temporary()
    try:
        meta = {"fingerprint": fingerprint(sources, data_dir), "schema_version": SCHEMA_VERSION,
                "analyser": analyser_version(), "tables": tables_fingerprint(data_dir),
                "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        write_generation(temporary, change, parsed, [s.id for s in sources], tables, meta, progress)
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


def write_generation(folder: Path, change: Plan, parsed, order: list[str], tables: Tables,
                     meta: dict[str, str], progress: Progress | None) -> None:
    """The database, derived tables and index of a generation in ``folder``, from ``change.base``."""
    database = folder / DATABASE_NAME
    if change.base is None:
        create_database(database, tables)
    else:
        shutil.copyfile(change.base / DATABASE_NAME, database)
    db = sqlite_utils.Database(database)
    try:
        with db.conn:  # every row of the change in one transaction
            if change.removed:
                delete_documents(db, change.removed)
            insert_documents(db, parsed)
            finish_database(db, order, meta)
    finally:
        db.conn.close()
    log.info("wrote the database in %s", folder.name)
    added = [s.id for s in change.added]
    # The index and the derived tables come from what was stored, not from the parser's output.
    keep, again = [], set()
    if change.base is not None:
        keep, again = keep_segments(segment_documents(change.base / INDEX_NAME), order, set(change.removed))
    records = read_records(database, added + sorted(again))
    write_index(folder / INDEX_NAME, records, tables, progress, order,
                change.base / INDEX_NAME if change.base else None, keep)
    update_derived(database, [r for r in records if r["document"] not in again], change.removed, tables)
    log.info("updated the derived tables")
