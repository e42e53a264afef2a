"""The JSON API: ``/api/search``, ``/api/ask``, ``/api/evaluations/<id>`` (and its ``/related``),
``/api/legend``, ``/api/documents``."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from search.ask import ask as ask_question
from search.engine import get_record, legend, run_search
from search.query import parse_query
from search.related import cached_related, parse_related

from .library import get_corpus, get_settings
from .openapi import SPEC

bp = Blueprint("api", __name__)


def request_params() -> dict[str, list[str]]:
    return request.args.to_dict(flat=False)


@bp.get("/search")
def search():
    settings = get_settings()
    parsed = parse_query(request_params(), settings)
    return jsonify(run_search(get_corpus(), parsed, settings))


@bp.get("/ask")
def ask():
    return jsonify(ask_question(get_corpus(), request_params(), get_settings()))


@bp.get("/evaluations/<record_id>")
def evaluation(record_id: str):
    return jsonify(get_record(get_corpus(), record_id))


@bp.get("/evaluations/<record_id>/related")
def related(record_id: str):
    return jsonify(cached_related(get_corpus(), record_id, parse_related(request_params())))


@bp.get("/legend")
def legend_view():
    return jsonify(legend(get_corpus()))


@bp.get("/documents")
def documents():
    return jsonify({"documents": get_corpus().documents})


def openapi():
    return jsonify(SPEC)
