"""The Whoosh schema: searchable text, facet columns and the stored record.

Text is indexed twice: as Sudachi words (``title_words``, ``body_words``) and as character
bigrams (``grams``, the recall fallback). ``title`` holds the measure with its item and section
titles, ``body`` the content and both comments. The chapter title is not searchable text: it
is too broad to say what a row is about; it is a facet.

``concepts`` lists the terms of the concept table (data/synonyms.tsv) that a row's text
contains, found at index time: a query expanded to ten phrases then costs ten term look-ups
instead of ten phrase queries.
"""

from __future__ import annotations

import json

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import gram_analyzer, gram_document, gram_text, japanese_analyzer
from .grades import FACETS

# Bump when the schema or the analysis changes: a build with another version is stale.
SCHEMA_VERSION = "14"  # 2: related-measure tables; 4: one bigram field, gram documents, concepts; 5: page; 6: vocabulary; 7: related counts per term; 8: rows keep their place in their document, segments of whole documents; 9: related terms: determiner prefixes (各, 全) and the item title at 0.5; 10: related terms: compounds with a generic head in the measure and its content; 11: each character alone in the gram field; 12: vocabulary totals; 13: words two modifiers make with a shared head (民生・児童委員); 14: the vocabulary holds the concept names written partly in kana (広報いるま)

TITLE_FIELDS = ("measure", "item", "section")
BODY_FIELDS = ("content", "effort_comment", "direction_comment")
TEXT_FIELDS = TITLE_FIELDS + BODY_FIELDS
FACET_COLUMNS = FACETS
PUBLIC_FIELDS = ("id", "document", "chapter", "section", "item", "measure", "content", "progress",
                 "effort", "effort_comment", "direction", "direction_comment", "departments",
                 "corrections")


# The gram document of each row (UTF-8), by document number: confirms substring matches.
GRAM_COLUMN = "gram_document"


def build_schema(corrections: tuple[tuple[str, str], ...]) -> Schema:
    words = japanese_analyzer(corrections)
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
        grams=TEXT(analyzer=gram_analyzer(), phrase=False),
        gram_document=COLUMN(VarBytesColumn()),
        concepts=KEYWORD(commas=True, scorable=True),
    )


def public_record(row: dict) -> dict:
    """The record as the API returns it, from an ``evaluations`` row."""
    record = {name: row[name] for name in PUBLIC_FIELDS}
    # page: the printed page of the PDF the row stands on (index/parse.py), None for tables.
    record["source"] = {"file": row["source_file"], "line": row["line"], "page": row.get("page")}
    record["department_notes"] = row["department_notes"]
    record["continues"] = row["continues"]
    record["position"] = row["position"]
    return record


def concept_keys(tables) -> tuple[str, ...]:
    """Every term of the concept table in the form the ``concepts`` field stores it."""
    return tuple(dict.fromkeys(gram_text(term) for term in tables.concept_terms()))


def concepts_in(grams: str, keys: tuple[str, ...]) -> list[str]:
    """The concept terms whose characters occur in a row's gram document."""
    return [key for key in keys if key and key in grams]


def index_document(row: dict, position: int, keys: tuple[str, ...] = (), corrections=()) -> dict:
    """The Whoosh fields of one evaluation row."""
    grams = gram_document([row[f] for f in TEXT_FIELDS], corrections)
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
        "grams": grams,
        "gram_document": grams.encode("utf-8"),
        "concepts": ",".join(concepts_in(grams, keys)),
    }
