"""Adding, listing and removing documents.

Every change is one new generation built beside the live one and swapped in whole
(``build.update``): the database of a generation is written in one transaction, and a change
that fails or is killed leaves the previous generation serving. Documents from
``data/documents`` ("default") are part of every build; ingested ones live in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import sqlite_utils

from .build import Progress, Workspace, update
from .formats import parse_source, read_source
from .parse import ParsedDocument
from .store import SourceDocument, document_order, now
from .tables import DATA_DIR, load_tables


# Ids end up in record ids (``<document>:<line>``) and URLs: keep them plain.
DOCUMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")


class DocumentError(ValueError):
    """A document change that cannot be made as asked (unknown id, a default document)."""


@dataclass
class Outcome:
    """What a change did: ``added``, ``replaced``, ``unchanged``, ``duplicate`` or ``removed``."""

    action: str
    document: SourceDocument
    rows: int = 0
    generation: Path | None = None
    twin: str = ""  # for ``duplicate``: the id that already holds the same text


def check_file(path: Path | str, title: str = "", doc_id: str = "",
               data_dir: Path = DATA_DIR) -> tuple[SourceDocument, ParsedDocument]:
    """Read and parse a file without storing it; ``ParseError`` lists its problems."""
    if doc_id and not DOCUMENT_ID.match(doc_id):
        raise DocumentError(f"bad document id {doc_id!r}: use up to 60 letters, digits, '.', '_' or '-'")
    source = read_source(Path(path), origin="ingested", title=title, doc_id=doc_id)
    parsed = parse_source(source, load_tables(data_dir))
    return replace(source, title=source.title or parsed.title or source.id), parsed


def ingest_file(workspace: Workspace, path: Path | str, title: str = "", doc_id: str = "",
                data_dir: Path = DATA_DIR, progress: Progress | None = None) -> Outcome:
    """Store a document file and rebuild; idempotent when the same file is ingested again.

    The file is parsed before anything is touched, so a bad file changes nothing. Same id and
    same text (and title) is ``unchanged``: no rebuild. Same id, other text: ``replaced``.
    """
    source, parsed = check_file(path, title, doc_id, data_dir)
    outcome = Outcome("added", source, len(parsed.records))

    def change(sources: list[SourceDocument]):
        existing = next((s for s in sources if s.id == source.id), None)
        if existing is not None:
            candidate = replace(source, title=title or existing.title)
            if (existing.sha256, existing.title, existing.format) == (
                    candidate.sha256, candidate.title, candidate.format):
                outcome.action, outcome.document = "unchanged", existing
                return None
            if existing.origin == "default":
                raise DocumentError(
                    f"{source.file}:1: document id {source.id!r} belongs to a document in "
                    f"data/documents; choose another id with --id")
            outcome.action, outcome.document = "replaced", replace(candidate, ingested_at=now())
            return [outcome.document if s.id == source.id else s for s in sources]
        twin = next((s for s in sources if s.sha256 == source.sha256), None)
        if twin is not None and not doc_id:
            outcome.action, outcome.document, outcome.twin = "duplicate", twin, twin.id
            return None
        outcome.document = replace(source, ingested_at=now())
        return sources + [outcome.document]

    outcome.generation = update(workspace, change, data_dir, progress)
    return outcome


def find_document(sources: list[SourceDocument], name: str) -> SourceDocument:
    """A document by id, or by its exact title."""
    for source in sources:
        if name in (source.id, source.title):
            return source
    known = ", ".join(s.id for s in sources) or "none"
    raise DocumentError(f"no document {name!r} (stored: {known})")


def remove_document(workspace: Workspace, name: str, data_dir: Path = DATA_DIR,
                    progress: Progress | None = None) -> Outcome:
    """Remove an ingested document (by id or title) and rebuild without it."""
    outcome = Outcome("removed", SourceDocument("", "", "", ""))

    def change(sources: list[SourceDocument]):
        target = find_document(sources, name)
        if target.origin == "default":
            raise DocumentError(f"{target.id!r} comes from data/documents ({target.file}); "
                                f"delete that file to remove it")
        outcome.document = target
        return [s for s in sources if s.id != target.id]

    outcome.generation = update(workspace, change, data_dir, progress)
    return outcome


def reindex(workspace: Workspace, data_dir: Path = DATA_DIR, progress: Progress | None = None) -> Path:
    """Rebuild every stored document into a new generation and swap it in."""
    return update(workspace, list, data_dir, progress, full=True)


def list_documents(workspace: Workspace) -> list[dict]:
    """The documents of the live generation with their row counts, in the order they were added."""
    database = workspace.database()
    if database is None:
        return []
    db = sqlite_utils.Database(database)
    try:
        return list(db.query("select id, title, file, format, origin, rows, ingested_at, sha256 "
                             f"from documents order by {document_order(db)}"))
    finally:
        db.conn.close()
