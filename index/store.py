"""The SQLite system of record of a generation, written with sqlite-utils.

Tables: ``documents`` (with their verbatim text, in order by ``seq``), ``evaluations`` (one row per
department row of a document, fields as written), ``evaluation_departments``, ``departments``,
``legend``, ``chapters``, ``concepts``, ``grade_words``, ``corrections`` and ``meta``. The Whoosh
index and the derived tables (``derived.py``) are derived from these. A change copies the live
database and deletes and inserts the rows of the documents it changes.
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


# Column types are declared rather than inferred from the first rows, so that a database built
# in one go and one changed document by document have the same columns and values.
EVALUATION_COLUMNS = {
    "id": str, "document": str, "line": int, "page": int, "chapter_written": str, "section": str,
    "item": str, "measure": str, "content": str, "progress": str, "effort": str, "effort_comment": str,
    "direction": str, "direction_comment": str, "departments": str, "department_notes": str,
    "departments_written": str, "continues": str, "source_text": str, "position": int, "chapter": str,
    "corrections": str, "source_file": str,
}
# The tables that hold rows of one document each, by the column naming it.
PER_DOCUMENT = {"legend": "document", "chapters": "document", "evaluations": "document", "documents": "id"}


def create_database(path: Path, tables: Tables) -> None:
    """An empty generation database with the curated tables of ``data/`` filled in."""
    db = sqlite_utils.Database(path)
    with db.conn:
        db["documents"].create({"id": str, "seq": int, "title": str, "file": str, "format": str, "origin": str,
                                "sha256": str, "source": str, "rows": int, "ingested_at": str, "text": str},
                               pk="id")
        db["evaluations"].create(EVALUATION_COLUMNS, pk="id", foreign_keys=[("document", "documents", "id")])
        db["evaluation_departments"].create({"evaluation": str, "department": str, "note": str})
        db["departments"].create({"name": str, "rows": int}, pk="name")
        db["legend"].create({"document": str, "kind": str, "code": str, "label": str, "line": int,
                             "written": str}, pk=("document", "kind", "code"))
        db["chapters"].create({"document": str, "key": str, "title": str, "line": int, "spellings": str},
                              pk=("document", "key"))
        db["concepts"].create({"name": str, "terms": str, "two_way": int})
        db["concepts"].insert_all(
            ({"name": c.name, "terms": list(c.terms), "two_way": c.two_way} for c in tables.concepts),
        )
        db["grade_words"].create({"word": str, "kind": str, "codes": str, "use": str})
        db["grade_words"].insert_all(
            {"word": w.word, "kind": w.kind, "codes": list(w.codes), "use": w.use} for w in tables.grade_words)
        db["corrections"].create({"wrong": str, "right": str, "note": str})
        db["corrections"].insert_all(
            ({"wrong": c.wrong, "right": c.right, "note": c.note} for c in tables.corrections),
        )
        db["meta"].create({"key": str, "value": str}, pk="key")
    db["evaluations"].create_index(["document", "position"])
    db["evaluation_departments"].create_index(["evaluation"])
    db["evaluation_departments"].create_index(["department"])
    db.conn.close()


def source_digest(source: SourceDocument) -> str:
    """What a document was built from: a change rebuilds a document whose digest differs."""
    key = "\t".join((source.id, source.title, source.file, source.format, source.origin, source.sha256))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def insert_documents(db: sqlite_utils.Database, parsed: list[tuple[SourceDocument, ParsedDocument]]) -> None:
    """Add the rows of parsed documents (call inside a transaction)."""
    db["documents"].insert_all(
        ({"id": s.id, "seq": 0, "title": s.title or p.title or s.id, "file": s.file, "format": s.format,
          "origin": s.origin, "sha256": s.sha256, "source": source_digest(s), "rows": len(p.records),
          "ingested_at": s.ingested_at or now(), "text": s.text} for s, p in parsed),
    )
    db["evaluations"].insert_all((_evaluation_row(s, r) for s, p in parsed for r in p.records), alter=True)
    db["evaluation_departments"].insert_all(
        ({"evaluation": r["id"], "department": name, "note": r["department_notes"].get(name, "")}
         for _, p in parsed for r in p.records for name in r["departments"]),
    )
    db["legend"].insert_all(
        ({"document": s.id, "kind": e.kind, "code": e.code, "label": e.label,
          "line": e.line, "written": e.written} for s, p in parsed for e in p.legend),
    )
    db["chapters"].insert_all(
        ({"document": s.id, "key": c.key, "title": c.title, "line": c.line,
          "spellings": c.spellings} for s, p in parsed for c in p.chapters),
    )


def delete_documents(db: sqlite_utils.Database, ids: list[str]) -> None:
    """Remove every row of the documents ``ids`` (call inside a transaction)."""
    marks = ",".join("?" * len(ids))
    db.execute(f"delete from evaluation_departments where evaluation in "
               f"(select id from evaluations where document in ({marks}))", ids)
    for table, column in PER_DOCUMENT.items():
        db.execute(f"delete from [{table}] where [{column}] in ({marks})", ids)


def finish_database(db: sqlite_utils.Database, order: list[str], meta: dict[str, str]) -> None:
    """Number the documents in ``order`` and recount the departments (inside a transaction)."""
    db.conn.executemany("update documents set seq = ? where id = ?", ((n, d) for n, d in enumerate(order)))
    db.execute("delete from departments")
    db.execute("insert into departments select department, count(*) from evaluation_departments "
               "group by department order by department")
    db["meta"].upsert_all(({"key": k, "value": v} for k, v in meta.items()), pk="key")


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


def document_order(db: sqlite_utils.Database) -> str:
    """The column that orders a generation's documents: ``seq``, or the insertion order in a
    generation built before ``seq`` existed (which inserted them in order), so that an upgraded
    installation recovers its documents instead of failing on the old schema."""
    return "seq" if "seq" in db["documents"].columns_dict else "rowid"


def read_documents(path: Path) -> list[SourceDocument]:
    """The documents stored in a database, in order."""
    db = sqlite_utils.Database(path)
    try:
        return [
            SourceDocument(d["id"], d["title"], d["file"], d["text"], d["format"], d["origin"],
                           d["ingested_at"])
            for d in db["documents"].rows_where(order_by=document_order(db))
        ]
    finally:
        db.conn.close()


def built_documents(db: sqlite_utils.Database) -> dict[str, str]:
    """``{document id: source digest}`` of what a generation holds."""
    return {r["id"]: r["source"] for r in db.query("select id, source from documents")}


def read_records(path: Path, documents: list[str] | None = None):
    """The evaluations of a database (of ``documents`` only, if given), in document order, as dicts."""
    db = sqlite_utils.Database(path)
    try:
        order = {d["id"]: n for n, d in enumerate(db["documents"].rows_where(order_by=document_order(db)))}
        if documents is None:
            rows = [decode(r) for r in db["evaluations"].rows]
        else:
            marks = ",".join("?" * len(documents))
            rows = [decode(r) for r in db["evaluations"].rows_where(f"document in ({marks})", documents)]
    finally:
        db.conn.close()
    rows.sort(key=lambda r: (order[r["document"]], r["position"]))
    return rows
