"""The OpenAPI description served at ``/openapi.json``."""

from __future__ import annotations

from index.grades import DIRECTION, EFFORT, PROGRESS
from search.ask import KINDS as ASK_KINDS
from search.limits import (MATCH_BUDGET_SECONDS, MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL, MAX_PHRASE_LENGTH,
                           MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS)
from search.query import MAX_PAGE
from search.related import DEFAULT_LIMIT as RELATED_DEFAULT_LIMIT
from search.related import MAX_LIMIT as RELATED_MAX_LIMIT
from search.related import RELATIONS as RELATED_RELATIONS
from search.related import SCOPES as RELATED_SCOPES
from search.settings import DEFAULTS


def _array(name: str, description: str, enum: str | None = None) -> dict:
    items = {"type": "string"} | ({"enum": list(enum)} if enum else {})
    return {"name": name, "in": "query", "required": False,
            "description": f"{description}; at most {MAX_FILTER_VALUES} values, "
                           f"{MAX_FILTER_VALUES_TOTAL} over all filters (else 400 too_many_values)",
            "schema": {"type": "array", "items": items, "maxItems": MAX_FILTER_VALUES},
            "style": "form", "explode": True}


ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string"}, "message": {"type": "string"},
        "message_ja": {"type": "string"}, "message_en": {"type": "string"},
        "status": {"type": "integer"}}}},
}

FACET = {"type": "array", "items": {"type": "object", "required": ["value", "label", "count"], "properties": {
    "value": {"type": "string"}, "label": {"type": "string"}, "count": {"type": "integer"},
    "selected": {"type": "boolean"}}}}

RECORD = {
    "type": "object",
    "required": ["id", "document", "chapter", "section", "item", "measure", "content", "progress",
                 "effort", "effort_comment", "direction", "direction_comment", "departments",
                 "corrections", "source"],
    "properties": {
        "id": {"type": "string", "example": "iruma-6th-first-half-evaluation:33"},
        "document": {"type": "string"}, "chapter": {"type": "string"}, "section": {"type": "string"},
        "item": {"type": "string"}, "measure": {"type": "string"}, "content": {"type": "string"},
        "progress": {"type": "string", "enum": list(PROGRESS)},
        "effort": {"type": "string", "enum": list(EFFORT)},
        "effort_comment": {"type": "string"},
        "direction": {"type": "array", "items": {"type": "string", "enum": list(DIRECTION)}},
        "direction_comment": {"type": "string"},
        "departments": {"type": "array", "items": {"type": "string"}},
        "corrections": {"type": "array", "items": {"type": "object"}},
        "source": {"type": "object", "required": ["file", "line"],
                   "properties": {"file": {"type": "string"}, "line": {"type": "integer"},
                                  "page": {"type": ["integer", "null"], "description":
                                           "printed page of the published PDF, when the text shows it"}}},
        "score": {"type": "number"},
        "match": {"type": "string", "enum": ["words", "related", "partial"], "description":
                  "words: the query's words match the row; related: a measure related to the best of "
                  "few matches, listed after them; partial: a row holding one specific word of the query, "
                  "after the related ones"},
        "highlights": {"type": "array", "items": {"type": "object", "properties": {
            "field": {"type": "string"}, "fragment": {"type": "string"}}}},
    },
}

RELATED = {
    "type": "object",
    "required": ["id", "scope", "limit", "results"],
    "properties": {
        "id": {"type": "string"}, "scope": {"type": "string", "enum": list(RELATED_SCOPES)},
        "limit": {"type": "integer"},
        "results": {"type": "array", "items": {"allOf": [RECORD, {"type": "object", "required": [
            "score", "relation", "same_chapter", "shared", "reason", "rows"], "properties": {
            "score": {"type": "number", "description": "関連の強さ（0〜1: 共通する語の重みが双方に占める割合の平均、同じ項なら加点）"},
            "relation": {"type": "string", "enum": list(RELATED_RELATIONS),
                         "description": "item: 同じ項の施策、chapter: 同じ章の施策、other: 他の章の施策"},
            "same_chapter": {"type": "boolean", "description": "元の取組と同じ章か"},
            "shared": {"type": "object", "properties": {n: {"type": "array", "items": {"type": "string"}}
                                                        for n in ("terms", "concepts", "departments")}},
            "reason": {"type": "string", "example": "同じ項の施策／共通の語: 空き家対策、調査／同じ所管課: 都市計画課"},
            "rows": {"type": "array", "description": "この取組の各行（所管課ごと）の区分", "items": {
                "type": "object", "required": ["id", "departments", "progress", "effort", "direction"], "properties": {
                    "id": {"type": "string"}, "departments": {"type": "array", "items": {"type": "string"}},
                    "progress": {"type": "string", "enum": list(PROGRESS)},
                    "effort": {"type": "string", "enum": list(EFFORT)},
                    "direction": {"type": "array", "items": {"type": "string", "enum": list(DIRECTION)}}}}}}}]}},
    },
}

ERRORS = {
    "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ERROR}}},
    "404": {"description": "Not found", "content": {"application/json": {"schema": ERROR}}},
}


def _ok(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


SEARCH_PARAMETERS = [
    {"name": "q", "in": "query", "required": False,
     "description": f"検索語（空なら全件）; at most {MAX_QUERY_WORDS} distinct words or phrases of at most "
                    f"{MAX_PHRASE_LENGTH} characters each, {MAX_QUERY_CHARACTERS} in all (else 400 "
                    f"query_too_complex)",
     "schema": {"type": "string", "maxLength": DEFAULTS["max_query_length"]}},
    _array("progress", "進捗区分 (A–E)", PROGRESS),
    _array("effort", "取組区分 (あ–お)", EFFORT),
    _array("direction", "今後の方向性 (ア–オ)", DIRECTION),
    _array("department", "所管課"),
    _array("chapter", "章（題名、第N章、または番号）"),
    _array("document", "文書 id または題名"),
    {"name": "page", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
    {"name": "per_page", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": DEFAULTS["max_per_page"]}},
    {"name": "sort", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["relevance", "document", "progress"]}},
]

CITATION = {
    "type": "object",
    "required": ["id", "source", "measure", "departments", "progress", "quote"],
    "properties": {
        "id": {"type": "string"},
        "source": RECORD["properties"]["source"],
        "measure": {"type": "string"},
        "departments": {"type": "array", "items": {"type": "string"}},
        "progress": {"type": "string", "enum": list(PROGRESS)},
        "quote": {"type": "string", "description": "The supporting sentence, verbatim from the stored text"},
        "field": {"type": "string", "description": "The cell the quote is from (effort_comment …)"},
        "field_label": {"type": "string"},
    },
}

ANSWER = {
    "type": "object",
    "required": ["question", "answer", "kind", "citations", "filters", "confidence"],
    "properties": {
        "question": {"type": "string"},
        "answer": {"type": "string", "description": "The answer in Japanese, saying how it was found"},
        "kind": {"type": "string", "enum": list(ASK_KINDS)},
        "citations": {"type": "array", "items": CITATION},
        "filters": {"type": "object", "description": "Facets read from the question",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "total": {"type": "integer", "description": "Rows counted or listed (citations are capped)"},
        "summary": {"type": "array", "items": {"type": "object"}},
        "search": {"type": "object", "description": "The search that selects the rows the answer rests on: "
                                                    "/api/search with these parameters ({q, progress, department …})",
                   "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "verdict": {"type": "string", "description": "A yes/no answer: はい, いいえ, 一部 or 文書からは判断できません; "
                                                     "empty for other kinds"},
        "table": {"type": "object", "nullable": True,
                  "description": "An aggregate's ranking: {group, label, order, groups, rows: [{rank, value, "
                                 "count, total, rate, q, filters}]}, each row's q and filters its search"},
        "suggestions": {"type": "array", "items": {"type": "object", "properties": {
            "q": {"type": "string"}, "total": {"type": "integer"}}}},
        "interpretation": {"type": "object", "description": "How the question was read"},
    },
}

SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "hyoka-search API", "version": "1.0",
             "description": "第6次入間市総合計画・前期基本計画の取組評価の検索 API"},
    "paths": {
        "/api/search": {"get": {
            "summary": "Search evaluations with facets",
            "parameters": SEARCH_PARAMETERS,
            "responses": {"200": _ok({"type": "object", "required": [
                "query", "total", "page", "per_page", "results", "facets", "interpretation"], "properties": {
                "query": {"type": "string"}, "total": {"type": "integer"}, "page": {"type": "integer"},
                "per_page": {"type": "integer"}, "results": {"type": "array", "items": RECORD},
                "facets": {"type": "object", "properties": {n: FACET for n in (
                    "progress", "effort", "direction", "department", "chapter", "document")}},
                "interpretation": {"type": "object", "properties": {"truncated": {
                    "type": "boolean",
                    "description": f"matching stopped after its time budget ({MATCH_BUDGET_SECONDS} s of CPU): "
                                   "the results are those found until then (a note says so)"}, "unquoted": {
                    "type": "boolean",
                    "description": "a phrase in 「」 matched no row and was searched as words (a note says so)"}}}}},
                "Search results"), **ERRORS},
        }},
        "/api/ask": {"get": {
            "summary": "Answer a question in Japanese with cited sentences",
            "parameters": [{"name": "q", "in": "query", "required": True, "description": "質問",
                            "schema": {"type": "string", "minLength": 1,
                                       "maxLength": DEFAULTS["max_query_length"]}}],
            "responses": {"200": _ok(ANSWER, "The answer"), **ERRORS},
        }},
        "/api/evaluations/{id}": {"get": {
            "summary": "One evaluation record",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": _ok(RECORD, "The record"), **ERRORS},
        }},
        "/api/evaluations/{id}/related": {"get": {
            "summary": "Related measures across the plan, best first, with the reason in Japanese",
            "description": "計画全体から関連の強い順に、関連の下限を超えた取組だけを返します（該当がなければ空）。"
                           "1 つの取組（他の所管課の行・続きの行）は 1 件にまとめ、rows に各行の所管課と区分を示します。"
                           "同じ取組自身は含みません。relation は item（同じ項）、chapter（同じ章）、"
                           "other（他の章）。scope=other では他の章の取組だけを返します。",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "required": False, "schema": {
                    "type": "integer", "minimum": 1, "maximum": RELATED_MAX_LIMIT, "default": RELATED_DEFAULT_LIMIT}},
                {"name": "scope", "in": "query", "required": False, "schema": {
                    "type": "string", "enum": list(RELATED_SCOPES), "default": "all"}},
            ],
            "responses": {"200": _ok(RELATED, "Related measures"), **ERRORS},
        }},
        "/api/legend": {"get": {
            "summary": "Grade definitions read from the documents",
            "responses": {"200": _ok({"type": "object"}, "The legend")},
        }},
        "/api/documents": {"get": {
            "summary": "Indexed documents",
            "responses": {"200": _ok({"type": "object"}, "The documents")},
        }},
    },
}
