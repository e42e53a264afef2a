"""Safe under hostile use (issue 17), over the real server and the real command."""

from __future__ import annotations

import csv
import io
import shutil
import urllib.error
import urllib.request

import pytest

from bench.spawn import hyoka_search
from index.build import Workspace
from search.export import inert
from search.limits import MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL
from search.query import parse_query
from search.suggest import MOST_DROPPED_VALUES, _candidates
from web import create_app

from .conftest import LiveServer
from .sheetdata import seed_records, table_rows, write_csv


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


# --- 405 answers name the allowed methods; exports never hand a spreadsheet a formula ---

@pytest.mark.parametrize("path", ["/api/search", "/search", "/search.csv", "/"])
def test_a_405_says_which_methods_are_allowed(live, path):
    request = urllib.request.Request(live.url + path, data=b"q=x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    with answer.value:
        assert answer.value.code == 405
        assert {"GET", "HEAD"} <= {m.strip() for m in answer.value.headers["Allow"].split(",")}


FORMULAS = ["＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦HYPERLINK(\"x\")", "−1", "=1+1", "@SUM(A1)"]


@pytest.fixture(scope="module")
def hostile_workspace(workspace, tmp_path_factory) -> Workspace:
    """The seed plus a CSV document whose comments start with formula characters, ingested by the
    real command."""
    folder = tmp_path_factory.mktemp("hostile")
    rows = table_rows(seed_records()[:len(FORMULAS)])
    for row, formula in zip(rows, FORMULAS):
        row[7] = formula  # 取組評価（自由記述）
    path = write_csv(folder / "hostile.csv", rows)
    var = Workspace(folder / "var")
    shutil.copytree(workspace.root, var.root, symlinks=True)
    ingested = hyoka_search(var.root, "ingest", str(path))
    assert ingested.returncode == 0, ingested.stderr
    return var


def test_csv_export_quotes_full_width_formula_characters(hostile_workspace):
    app = create_app({"TESTING": True, "VAR_DIR": str(hostile_workspace.root), "BUILD_ON_START": False})
    server = LiveServer(app)
    try:
        status, _, body = server.get("/search.csv", document="hostile", sort="document")
    finally:
        server.close()
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))
    assert [r["取組評価（自由記述）"] for r in rows] == ["'" + f for f in FORMULAS]
    assert all(not r["施策の方向性"].startswith("'") for r in rows)


@pytest.mark.parametrize("value, expected", [("　＝1", "'　＝1"), (" +1", "' +1"), ("ー", "ー"), ("・＝", "・＝"), (3, 3)])
def test_blanks_before_a_formula_character_do_not_hide_it(value, expected):
    assert inert(value) == expected


def test_xlsx_export_quotes_formulas_like_the_csv(hostile_workspace):
    from openpyxl import load_workbook

    app = create_app({"TESTING": True, "VAR_DIR": str(hostile_workspace.root), "BUILD_ON_START": False})
    response = app.test_client().get("/search.xlsx", query_string={"document": "hostile"})
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    column = header.index("取組評価（自由記述）")
    assert [r[column] for r in rows] == ["'" + f for f in FORMULAS]  # search.export.inert, as in the CSV
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
