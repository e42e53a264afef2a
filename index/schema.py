"""The Whoosh schema: searchable text, facet columns and the stored record.

Text is indexed twice: as Sudachi words (``*_words``) and as character bigrams
(``*_grams``, the recall fallback). ``title`` holds the measure with its item and section
titles, ``body`` the content and both comments. The chapter title is not searchable text: it
is too broad to say what a row is about; it is a facet.
"""

from __future__ import annotations

import json

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import gram_analyzer, japanese_analyzer

# Bump when the schema or the analysis changes: a build with another version is stale.
SCHEMA_VERSION = "2"  # 2: related-measure tables

TITLE_FIELDS = ("measure", "item", "section")
BODY_FIELDS = ("content", "effort_comment", "direction_comment")
TEXT_FIELDS = TITLE_FIELDS + BODY_FIELDS
FACET_COLUMNS = ("progress", "effort", "direction", "department", "chapter", "document")
PUBLIC_FIELDS = ("id", "document", "chapter", "section", "item", "measure", "content", "progress",
                 "effort", "effort_comment", "direction", "direction_comment", "departments",
                 "corrections")


def build_schema(corrections: tuple[tuple[str, str], ...]) -> Schema:
    words = japanese_analyzer(corrections)
    grams = gram_analyzer(corrections)
    return Schema(
        id=ID(stored=True, unique=True),
        position=NUMERIC(int, bits=64, sortable=True),
        record=STORED(),
        # Facet columns: one value per document; multi-valued ones joined with "\t".
        progress=ID(sortable=True),
        effort=ID(sortable=True),
        direction=ID(sortable=True),
        department=ID(sortable=True),
        chapter=ID(sortable=True),
        document=ID(sortable=True),
        # Filter terms, one per value.
        direction_terms=KEYWORD(commas=True),
        department_terms=KEYWORD(commas=True),
        title_words=TEXT(analyzer=words),
        body_words=TEXT(analyzer=words),
        title_grams=TEXT(analyzer=grams),
        body_grams=TEXT(analyzer=grams),
    )


def public_record(row: dict) -> dict:
    """The record as the API returns it, from an ``evaluations`` row."""
    record = {name: row[name] for name in PUBLIC_FIELDS}
    record["source"] = {"file": row["source_file"], "line": row["line"]}
    record["department_notes"] = row["department_notes"]
    record["continues"] = row["continues"]
    record["position"] = row["position"]
    return record


def index_document(row: dict, position: int) -> dict:
    """The Whoosh fields of one evaluation row."""
    return {
        "id": row["id"],
        "position": position,
        "record": json.dumps(public_record(row) | {"source_text": row["source_text"],
                                                   "chapter_written": row["chapter_written"],
                                                   "departments_written": row["departments_written"]},
                             ensure_ascii=False),
        "progress": row["progress"],
        "effort": row["effort"],
        "direction": "\t".join(row["direction"]),
        "department": "\t".join(row["departments"]),
        "chapter": row["chapter"],
        "document": row["document"],
        "direction_terms": ",".join(row["direction"]),
        "department_terms": ",".join(row["departments"]),
        "title_words": "\n".join(row[f] for f in TITLE_FIELDS),
        "body_words": "\n".join(row[f] for f in BODY_FIELDS),
        "title_grams": "\n".join(row[f] for f in TITLE_FIELDS),
        "body_grams": "\n".join(row[f] for f in BODY_FIELDS),
    }
