"""HTML pages in Japanese. Each view reads ``request.args`` and calls the ``search`` functions it shows."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote, urlsplit

from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from index.grades import FACET_NAMES_JA
from search.ask import ask as ask_question
from search.engine import find, get_record, legend, run_search
from search.errors import BadParameter, NotFound
from search.export import export_csv, export_json, export_name, export_xlsx
from search.groups import check_grouping, grouped_results
from search.highlight import highlight
from search.measures import sibling_rows
from search.overview import (chapter_chart, chapter_table, department_summary, department_table,
                             plan_outline, summary)
from search.query import parse_query
from search.related import related_groups
from search.suggest import suggest

from . import cite, links
from .library import get_corpus, get_settings

bp = Blueprint("views", __name__)
links.init_app(bp)
cite.init_app(bp)

EXPORT_NAME = "hyoka-search"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VIEWS = ("list", "table")
TABLE_PER_PAGE = 50
# "すべて" in the table view, and the grouped view, list at most this many rows on one page.
ALL_ROWS = 2000
WHOLE_FIELD = 1_000_000  # a highlight "fragment" this long is the whole field


@bp.app_context_processor
def page_globals() -> dict:
    """The date a printed page shows (the script sets the reader's own date when printing), and
    what the document calls each facet."""
    return {"today": date.today(), "facet_names_ja": FACET_NAMES_JA}


def grade_labels(corpus) -> dict[str, dict[str, str]]:
    """``kind -> code -> label`` from the legend, for badges."""
    return {kind: {e["code"]: e["label"] for e in entries}
            for kind, entries in legend(corpus)["legend"].items()}


def last_value(args: dict, name: str) -> str:
    values = [v.strip() for v in args.get(name, []) if v.strip()]
    return values[-1] if values else ""


def page_options(args: dict) -> dict:
    """The results page's own parameters: ``view`` (list, table), ``group`` and ``per_page=all``."""
    view = last_value(args, "view") or "list"
    if view not in VIEWS:
        raise BadParameter(f"表示は {'、'.join(VIEWS)} のいずれかです: {view[:20]!r}",
                           f"view must be one of {', '.join(VIEWS)}")
    group = last_value(args, "group")
    return {"view": view, "group": check_grouping(group) if group else "",
            "all": last_value(args, "per_page") == "all", "sorted": bool(last_value(args, "sort"))}


def parse_page_query(args: dict, options: dict, settings: dict):
    """``parse_query`` of a results page: plan order in groups unless the user sorted."""
    args = dict(args)
    settings = dict(settings)
    if options["all"]:
        args["per_page"] = [str(ALL_ROWS)]
        settings["max_per_page"] = ALL_ROWS
    elif options["view"] == "table" and not last_value(args, "per_page"):
        args["per_page"] = [str(TABLE_PER_PAGE)]
    if options["group"] and not options["sorted"]:
        args["sort"] = ["document"]
    return parse_query(args, settings)


@bp.get("/")
def home():
    corpus = get_corpus()
    return render_template("index.html", documents=corpus.documents, summary=summary(corpus),
                           labels=grade_labels(corpus))


@bp.get("/search")
def search():
    settings = get_settings()
    corpus = get_corpus()
    args = request.args.to_dict(flat=False)
    options = page_options(args)
    parsed = parse_page_query(args, options, settings)
    response = run_search(corpus, parsed, settings)
    groups = grouped_results(corpus, parsed, options["group"], ALL_ROWS) if options["group"] else None
    suggestions = suggest(corpus, parsed) if response["total"] == 0 else []
    return render_template("search.html", response=response, params=links.current_params(),
                           labels=grade_labels(corpus), suggestions=suggestions,
                           documents=corpus.documents, options=options, groups=groups)


def export_query():
    """``(parsed, grouping)`` of an export: the search's rows, in plan order unless the user sorted."""
    args = request.args.to_dict(flat=False)
    group = last_value(args, "group")
    if not last_value(args, "sort"):
        args["sort"] = ["document"]
    return parse_query(args, get_settings()), check_grouping(group) if group else ""


def attachment(parsed, grouping: str, extension: str) -> dict:
    """A Content-Disposition naming what the file holds; RFC 5987 ``filename*`` for Japanese
    names, an ASCII ``filename`` for clients without it."""
    today = date.today()
    name = f"{export_name(parsed, grouping, today)}.{extension}"
    fallback = f"{EXPORT_NAME}_{today.isoformat()}.{extension}"
    return {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"}


@bp.get("/search.csv")
def search_csv():
    parsed, grouping = export_query()
    return Response(export_csv(get_corpus(), parsed, grouping), mimetype="text/csv",
                    headers=attachment(parsed, grouping, "csv"))


@bp.get("/search.xlsx")
def search_xlsx():
    parsed, grouping = export_query()
    return Response(export_xlsx(get_corpus(), parsed, grouping), mimetype=XLSX,
                    headers=attachment(parsed, grouping, "xlsx"))


@bp.get("/search.json")
def search_json():
    parsed, grouping = export_query()
    body = json.dumps(export_json(get_corpus(), parsed, grouping), ensure_ascii=False, indent=1)
    return Response(body, mimetype="application/json", headers=attachment(parsed, grouping, "json"))


def back_url() -> str:
    """The results page the user came from (same host), else the list of all rows."""
    search_path = links.search_url()
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path == search_path:
        return search_path + ("?" + referrer.query if referrer.query else "")
    return search_path


@bp.get("/ask")
def ask():
    if not request.args.get("q", "").strip():  # no question yet: the form alone
        return render_template("ask.html", response=None)
    response = ask_question(get_corpus(), request.args.to_dict(flat=False), get_settings())
    return render_template("ask.html", response=response)


@bp.get("/evaluations/<record_id>")
def evaluation(record_id: str):
    corpus = get_corpus()
    record = get_record(corpus, record_id)
    documents = {d["id"]: d for d in corpus.documents}
    query = request.args.get("q", "").strip()
    return render_template("record.html", record=record, siblings=sibling_rows(corpus, record),
                           labels=grade_labels(corpus), document=documents.get(record["document"]),
                           back=back_url(), related=related_groups(corpus, record_id), query=query,
                           marked=marked_fields(corpus, record, query))


def marked_fields(corpus, record: dict, query: str) -> dict[str, Markup]:
    """The record's text fields with the words of ``query`` in ``<mark>``, as the search marks
    them (the same parsing, matching and highlighting: search.highlight), whole, not fragments."""
    if not query:
        return {}
    try:
        parsed = parse_query({"q": [query]}, get_settings())
    except BadParameter:  # a query the search would refuse marks nothing; the record still shows
        return {}
    readings = find(corpus, parsed)[0]
    found = highlight(record, readings, corpus.corrections, length=WHOLE_FIELD, most=1)
    return {h["field"]: Markup(h["fragment"]) for h in found}


@bp.get("/overview")
def overview():
    corpus = get_corpus()
    dept_sort = request.args.get("dept_sort", "rows").strip() or "rows"
    chapter_sort = request.args.get("chapter_sort", "plan").strip() or "plan"
    return render_template("overview.html", summary=summary(corpus), labels=grade_labels(corpus),
                           progress=chapter_chart(corpus, "progress"),
                           direction=chapter_chart(corpus, "direction"),
                           chapters=chapter_table(corpus, chapter_sort), chapter_sort=chapter_sort,
                           departments=department_table(corpus, dept_sort), dept_sort=dept_sort)


@bp.get("/plan")
def plan():
    corpus = get_corpus()
    return render_template("plan.html", outline=plan_outline(corpus), labels=grade_labels(corpus))


@bp.get("/departments/<path:name>")
def department(name: str):
    corpus = get_corpus()
    found = department_summary(corpus, name)
    if found is None:
        raise NotFound(f"所管課「{name[:40]}」の評価はありません", f"no evaluation names {name[:40]!r}")
    parsed = parse_query({"department": [name], "sort": ["document"]}, get_settings())
    return render_template("department.html", department=found, labels=grade_labels(corpus),
                           by_grade=grouped_results(corpus, parsed, "progress"))


@bp.get("/legend")
def legend_page():
    return render_template("legend.html", legend=legend(get_corpus()))
