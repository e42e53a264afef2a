"""HTML pages in Japanese. Each view reads ``request.args`` and calls one ``search`` function."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from search.engine import get_record, run_search
from search.query import parse_query
from search.related import related_groups

from .library import get_corpus, get_settings

bp = Blueprint("views", __name__)


@bp.get("/")
def home():
    corpus = get_corpus()
    return render_template("index.html", documents=corpus.documents)


@bp.get("/search")
def search():
    settings = get_settings()
    parsed = parse_query(request.args.to_dict(flat=False), settings)
    response = run_search(get_corpus(), parsed, settings)
    return render_template("search.html", response=response, args=request.args)


@bp.get("/evaluations/<record_id>")
def evaluation(record_id: str):
    return render_template("record.html", record=get_record(get_corpus(), record_id),
                           related=related_groups(get_corpus(), record_id))
