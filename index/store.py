"""The SQLite system of record, written with sqlite-utils.

Tables: ``documents`` (with their verbatim text), ``evaluations`` (one row per department row
of a document, fields as written), ``evaluation_departments``, ``departments``, ``legend``,
``chapters``, ``concepts``, ``corrections`` and ``meta``. The Whoosh index is derived from these.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from .parse import ParsedDocument
from .tables import Tables

JSON_COLUMNS = ("direction", "departments", "department_notes", "corrections")


@dataclass
class SourceDocument:
    """A document as received: its id, title, file name and verbatim text."""

    id: str
    title: str
    file: str
    text: str
    format: str = "tsv"
    origin: str = "default"  # "default": from data/; "ingested": added by a user
    ingested_at: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write_database(path: Path, parsed: list[tuple[SourceDocument, ParsedDocument]],
                   tables: Tables, meta: dict[str, str]) -> None:
    """Create the database at ``path`` in one transaction."""
    db = sqlite_utils.Database(path)
    with db.conn:
        db["documents"].insert_all(
            ({"id": s.id, "title": s.title or p.title or s.id, "file": s.file, "format": s.format,
              "origin": s.origin, "sha256": s.sha256, "rows": len(p.records),
              "ingested_at": s.ingested_at or now(), "text": s.text} for s, p in parsed),
            pk="id",
        )
        db["evaluations"].insert_all(
            (_evaluation_row(s, r) for s, p in parsed for r in p.records), pk="id",
            foreign_keys=[("document", "documents", "id")],
        )
        db["evaluation_departments"].insert_all(
            ({"evaluation": r["id"], "department": name,
              "note": r["department_notes"].get(name, "")}
             for _, p in parsed for r in p.records for name in r["departments"]),
        )
        counts: dict[str, int] = {}
        for _, p in parsed:
            for r in p.records:
                for name in r["departments"]:
                    counts[name] = counts.get(name, 0) + 1
        db["departments"].insert_all(
            ({"name": name, "rows": n} for name, n in sorted(counts.items())), pk="name")
        db["legend"].insert_all(
            ({"document": s.id, "kind": e.kind, "code": e.code, "label": e.label,
              "line": e.line, "written": e.written} for s, p in parsed for e in p.legend),
            pk=("document", "kind", "code"),
        )
        db["chapters"].insert_all(
            ({"document": s.id, "key": c.key, "title": c.title, "line": c.line,
              "spellings": c.spellings} for s, p in parsed for c in p.chapters),
            pk=("document", "key"),
        )
        db["concepts"].insert_all(
            ({"name": c.name, "terms": list(c.terms), "two_way": c.two_way} for c in tables.concepts),
        )
        db["grade_words"].create({"word": str, "kind": str, "codes": str, "use": str})
        db["grade_words"].insert_all(
            {"word": w.word, "kind": w.kind, "codes": list(w.codes), "use": w.use} for w in tables.grade_words)
        db["corrections"].insert_all(
            ({"wrong": c.wrong, "right": c.right, "note": c.note} for c in tables.corrections),
        )
        db["meta"].insert_all(({"key": k, "value": v} for k, v in meta.items()), pk="key")
    db["evaluations"].create_index(["document", "position"])
    db["evaluation_departments"].create_index(["department"])
    db.conn.close()


def _evaluation_row(source: SourceDocument, record: dict) -> dict:
    row = dict(record)
    row["source_file"] = source.file
    row.setdefault("page", None)  # only the PDF extraction has pages: one column for every format
    return row


def decode(row: dict) -> dict:
    """An ``evaluations`` row with its JSON columns decoded."""
    for name in JSON_COLUMNS:
        if isinstance(row.get(name), str):
            row[name] = json.loads(row[name])
    return row


def read_documents(path: Path) -> list[SourceDocument]:
    """The documents stored in a database, in the order they were added."""
    db = sqlite_utils.Database(path)
    try:
        return [
            SourceDocument(d["id"], d["title"], d["file"], d["text"], d["format"], d["origin"],
                           d["ingested_at"])
            for d in db["documents"].rows_where(order_by="rowid")
        ]
    finally:
        db.conn.close()


def read_records(path: Path):
    """All evaluations of a database, in document order, as dicts."""
    db = sqlite_utils.Database(path)
    try:
        order = {d["id"]: n for n, d in enumerate(db["documents"].rows_where(order_by="rowid"))}
        rows = [decode(r) for r in db["evaluations"].rows]
    finally:
        db.conn.close()
    rows.sort(key=lambda r: (order[r["document"]], r["position"]))
    return rows
