"""Links between the pages: every view of a search is a URL with the API's parameter names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence
from urllib.parse import quote_plus

from flask import g, request, url_for

from index.grades import GRADES, grade_rank

from .library import get_corpus

PARAM_ORDER = ("q", "progress", "effort", "direction", "department", "chapter", "document",
               "view", "group", "sort", "per_page", "page")


def current_params() -> dict[str, list[str]]:
    """The request's parameters without empty values, ``name -> [values]``."""
    params = {}
    for name, values in request.args.lists():
        kept = [v for v in values if v.strip()]
        if kept:
            params[name] = kept
    return params


def chapter_keys() -> dict[str, str]:
    """Chapter title -> its key (第4章), for keys that name one title only."""
    if "chapter_keys" not in g:  # once per request: a page encodes a chapter in many links
        titles: dict[str, set[str]] = {}
        for chapter in get_corpus().chapters:
            titles.setdefault(chapter["key"], set()).add(chapter["title"])
        g.chapter_keys = {next(iter(t)): key for key, t in titles.items() if len(t) == 1}
    return g.chapter_keys


def chapter_value(value: str) -> str:
    """A chapter as a URL names it: ``4`` for 第4章 …, the key of an unnumbered chapter, else as is.

    The search reads the number, the key and the title alike (search.engine.resolve_filters).
    """
    key = chapter_keys().get(value, value)
    number = re.fullmatch(r"第(\d+)章", key)
    return number.group(1) if number else key


def chapter_label(value: str) -> str:
    """A chapter filter value (number, key or title) as a short label: ``第4章``."""
    short = chapter_value(value)
    return f"第{short}章" if short.isdigit() else short


def encode(params: Mapping[str, Sequence[str] | str]) -> str:
    """A query string in a stable order (q, filters, sort, paging), so equal views share a URL."""
    names = [n for n in PARAM_ORDER if n in params] + sorted(n for n in params if n not in PARAM_ORDER)
    pairs = []
    for name in names:
        values = params[name]
        for value in [values] if isinstance(values, (str, int)) else values:
            if name == "chapter" and isinstance(value, str):
                value = chapter_value(value)
            if value not in ("", None):
                pairs.append(f"{_quoted(name)}={_quoted(str(value))}")
    return "&".join(pairs)


@lru_cache(maxsize=4096)
def _quoted(text: str) -> str:
    # A page links to many variants of one search (each chip removes one of up to 100 filter
    # values): each value is quoted once, not once per link.
    return quote_plus(text)


def search_url(params: Mapping | None = None, endpoint: str = "views.search", drop: Sequence[str] = (),
               remove: tuple[str, str] | None = None, **changes) -> str:
    """The URL of ``endpoint`` with ``params`` changed: names dropped, one value removed, others set."""
    result = {name: list(values) if not isinstance(values, str) else [values]
              for name, values in (params or {}).items() if name not in drop}
    if remove is not None:
        name, value = remove
        result[name] = [v for v in result.get(name, []) if v != value]
    for name, value in changes.items():
        result[name] = [] if value is None else [str(value)]
    query = encode({n: v for n, v in result.items() if v})
    return url_for(endpoint) + ("?" + query if query else "")


def filter_url(q: str = "", filters: Mapping[str, Sequence[str]] | None = None,
               add: tuple[str, str] | None = None, **extra) -> str:
    """The search listing rows with query ``q`` and ``filters`` (plus the value ``add``)."""
    params: dict = {"q": [q] if q else []}
    params.update({name: list(values) for name, values in (filters or {}).items()})
    if add is not None:
        params[add[0]] = params.get(add[0], []) + [add[1]]
    return search_url(params, **extra)


def grade_class(kind: str, code: str) -> str:
    """A CSS class naming the grade's colour: ``progress-1`` for B."""
    if kind not in GRADES or not code or code not in GRADES[kind]:
        return f"{kind}-x"
    return f"{kind}-{grade_rank(kind, code)}"


def init_app(bp) -> None:
    """Make the link helpers available to every template."""
    for helper in (search_url, filter_url, grade_class, current_params, chapter_value, chapter_label):
        bp.add_app_template_global(helper)
