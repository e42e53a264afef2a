"""The JSON API over real HTTP (waitress on loopback): contract, errors, hostile input."""

import pytest

from .conftest import rid


def test_search_contract(live):
    status, headers, body = live.get("/api/search", q="コロナ", per_page=5)
    assert status == 200 and headers.get_content_type() == "application/json"
    assert list(body) == ["query", "total", "page", "per_page", "results", "facets", "interpretation"]
    assert body["query"] == "コロナ" and body["page"] == 1 and body["per_page"] == 5
    assert len(body["results"]) == 5 and body["total"] > 5
    assert set(body["facets"]) == {"progress", "effort", "direction", "department", "chapter", "document"}
    for facet in body["facets"].values():
        assert all({"value", "label", "count"} <= set(v) for v in facet)
    result = body["results"][0]
    assert result["id"] == rid(result["source"]["line"])
    assert isinstance(result["direction"], list) and isinstance(result["departments"], list)
    assert all("<mark>" in h["fragment"] for h in result["highlights"])


def test_repeatable_filters_and_empty_values(live):
    _, _, both = live.get("/api/search", progress=["A", "B", ""], effort="")
    _, _, a = live.get("/api/search", progress="A")
    _, _, b = live.get("/api/search", progress="B")
    assert both["total"] == a["total"] + b["total"] == 52 + 120


def test_record_and_legend(live):
    status, _, record = live.get(f"/api/evaluations/{rid(556)}")
    assert status == 200 and record["direction"] == ["ア", "イ"]
    status, _, legend = live.get("/api/legend")
    assert status == 200
    assert [e["code"] for e in legend["legend"]["direction"]] == list("アイウエオ")


def test_openapi_describes_the_endpoints(live):
    status, _, spec = live.get("/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert {"/api/search", "/api/evaluations/{id}", "/api/legend"} <= set(spec["paths"])


@pytest.mark.parametrize("params, code", [
    ({"page": "0"}, "bad_parameter"),
    ({"page": "x"}, "bad_parameter"),
    ({"per_page": "100000"}, "bad_parameter"),
    ({"per_page": "0"}, "bad_parameter"),
    ({"progress": "Z"}, "bad_parameter"),
    ({"effort": "か"}, "bad_parameter"),
    ({"direction": "A"}, "bad_parameter"),
    ({"sort": "random"}, "bad_parameter"),
    ({"q": "あ" * 1001}, "query_too_long"),
])
def test_bad_parameters_are_400_with_a_message(live, params, code):
    status, _, body = live.get("/api/search", **params)
    assert status == 400
    assert body["error"]["code"] == code
    assert body["error"]["message_ja"] and body["error"]["message_en"]


def test_unknown_record_is_404_json(live):
    status, _, body = live.get("/api/evaluations/no-such-document:1")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, _, body = live.get("/api/no-such-endpoint")
    assert status == 404 and "error" in body


def test_page_past_the_end_is_empty(live):
    status, _, body = live.get("/api/search", q="婚活", page=50)
    # Three rows say 婚活; the measures related to them follow (few matches have neighbours).
    assert status == 200 and body["results"] == [] and body["total"] - body["interpretation"]["neighbours"] == 3


@pytest.mark.parametrize("raw", [
    "/api/search?q=%ED%A0%80",          # a lone surrogate, UTF-8 encoded
    "/api/search?q=%FF%FE",             # not UTF-8 at all
    "/api/search?q=%00%07%1B",          # control characters
    "/api/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/api/search?q=1%27%20OR%20%271%27%3D%271",
    "/api/search?q=%22%22%22",
    "/api/search?department=%3Cb%3E&chapter=%00",
])
def test_hostile_input_is_just_text(live, raw):
    status, body = live.get_raw(raw)
    assert status == 200 and "results" in body


def test_markup_in_results_is_escaped(live):
    _, _, body = live.get("/api/search", q="<script>男女共同参画")
    for result in body["results"]:
        for h in result["highlights"]:
            assert "<script>" not in h["fragment"]
