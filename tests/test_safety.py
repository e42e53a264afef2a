"""Safe under hostile use (issue 17): bounded work per request, over the real server."""

from __future__ import annotations

import pytest

from search.limits import MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL
from search.query import parse_query
from search.suggest import MOST_DROPPED_VALUES, _candidates


def departments(count: int) -> list[str]:
    return [f"存在しない課{n}" for n in range(count)]


@pytest.mark.parametrize("path", ["/api/search", "/search", "/search.csv", "/search.json"])
def test_the_most_filter_values_allowed_are_answered(live, path):
    status, _, body = live.get(path, department=departments(MAX_FILTER_VALUES),
                               chapter=[str(n) for n in range(MAX_FILTER_VALUES_TOTAL - MAX_FILTER_VALUES)])
    assert status == 200
    if path == "/api/search":
        assert body["total"] == 0 and len(body["interpretation"]["filters"]["department"]) == MAX_FILTER_VALUES


def test_one_value_too_many_for_a_parameter_is_a_400_naming_it(live):
    status, headers, body = live.get("/api/search", q="コロナ", department=departments(MAX_FILTER_VALUES + 1))
    assert status == 400 and headers.get_content_type() == "application/json"
    error = body["error"]
    assert error["code"] == "too_many_values"
    assert "department" in error["message_en"] and "所管課（department）" in error["message_ja"]
    assert str(MAX_FILTER_VALUES) in error["message_ja"]


def test_one_value_too_many_over_all_filters_is_a_400_naming_where(live):
    status, _, body = live.get("/api/search", progress=["A"] * 40, effort=["あ"] * 40,
                               chapter=["1"] * (MAX_FILTER_VALUES_TOTAL - 79))
    assert status == 400
    assert body["error"]["code"] == "too_many_values"
    assert "chapter" in body["error"]["message_en"] and str(MAX_FILTER_VALUES_TOTAL) in body["error"]["message_ja"]


def test_the_page_says_which_filter_has_too_many_values(live):
    status, headers, page = live.get("/search", q="コロナ", department=departments(MAX_FILTER_VALUES * 4))
    assert status == 400 and headers.get_content_type() == "text/html"
    assert "所管課（department）の値が多すぎます" in page and "エラーコード 400" in page


def test_openapi_publishes_the_filter_limits(live):
    _, _, spec = live.get("/openapi.json")
    parameters = {p["name"]: p for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    for name in ("progress", "effort", "direction", "department", "chapter", "document"):
        assert parameters[name]["schema"]["maxItems"] == MAX_FILTER_VALUES
        assert str(MAX_FILTER_VALUES_TOTAL) in parameters[name]["description"]


def test_suggestions_try_a_bounded_number_of_filter_values(corpus):
    """Each candidate "drop this value" is a pass over all values: all of them made it quadratic."""
    parsed = parse_query({"q": ["コロナ"], "department": departments(MAX_FILTER_VALUES)})
    dropped = [label for kind, label, _ in _candidates(corpus, parsed) if kind == "drop_filter"]
    assert len(dropped) == MOST_DROPPED_VALUES + 1  # and "remove every filter"
