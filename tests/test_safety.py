"""Safe under hostile use (issue 17), over the real server and the real command."""

from __future__ import annotations

import csv
import gc
import io
import json
import shutil
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

import pytest
from whoosh.query import Every

import search.budget
import search.scoring

from bench.hostile import hostile_requests
from bench.spawn import hyoka_search
from index.build import Workspace
from search.export import inert
from search.limits import (MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL, MAX_PHRASE_LENGTH, MAX_QUERY_CHARACTERS,
                           MAX_QUERY_WORDS)
from search.query import parse_query
from search.suggest import MOST_DROPPED_VALUES, _candidates
from web import create_app

from .conftest import LiveServer, rid
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


# --- Security headers: a strict Content-Security-Policy that every page keeps ---

PAGES = ["/", "/search", "/search?q=" + quote("コロナ") + "&progress=C&direction=" + quote("イ"),
         "/search?q=" + quote("空き屋") + "&progress=E", "/search?view=table", "/search?group=department",
         "/search?q=" + quote("コロナ") + "&group=progress", f"/evaluations/{rid(572)}", "/overview",
         "/legend", "/ask", "/ask?q=" + quote("電子申請システムへの入替を実施したのはどの課ですか"),
         "/plan", "/departments/" + quote("企画課"), "/evaluations/none:1", "/search?page=0"]
DOWNLOADS = {"views.search_csv", "views.search_xlsx", "views.search_json"}


def test_the_policy_check_opens_every_page(app):
    """A page added later must be added to PAGES, so that Chromium checks it too."""
    adapter = app.url_map.bind("localhost")
    opened = {adapter.match(urlsplit(path).path)[0] for path in PAGES}
    pages = {rule.endpoint for rule in app.url_map.iter_rules()
             if rule.endpoint.startswith("views.") and "GET" in rule.methods} - DOWNLOADS
    assert pages <= opened, f"add a page of each of {sorted(pages - opened)} to PAGES"
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


@pytest.mark.parametrize("path", ["/", "/search", "/api/search", "/openapi.json", "/static/app.js",
                                  "/evaluations/none:1", "/api/nothing"])
def test_every_answer_has_the_security_headers(live, path):
    _, headers, _ = live.get(path)
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_no_page_violates_the_policy_in_chromium(live, browser):
    """Every page with the header on: no violation reported, and the script and stylesheet ran."""
    context = browser.new_context(locale="ja-JP")
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    try:
        for path in PAGES:
            page.goto(live.url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__violations") == [], path
            assert page.evaluate("document.documentElement.classList.contains('js')"), path
            assert page.evaluate("document.styleSheets[0].cssRules.length") > 10, path
        # The script still does its work: ticking a facet submits the form.
        page.goto(live.url + "/search?q=" + quote("コロナ"))
        with page.expect_navigation():
            page.locator('#facet-progress input[value="B"]').check()
        assert "progress=B" in page.url and page.evaluate("window.__violations") == []
        assert not [m for m in console if "Content Security Policy" in m], console
        # And both watches would see one: an inline style is refused.
        page.evaluate("document.body.setAttribute('style', 'color: red')")
        page.wait_for_function("window.__violations.length > 0")
        assert page.evaluate("window.__violations")[0].startswith("style-src")
        assert [m for m in console if "Content Security Policy" in m]
    finally:
        context.close()


def test_a_page_cannot_be_framed_by_another_site(live, browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.set_content(f'<iframe src="{live.url}/search"></iframe>')
        page.wait_for_timeout(500)
        frame = page.frames[-1]
        assert "取組評価検索" not in (frame.content() if frame is not page.main_frame else "")
    finally:
        context.close()


# --- Long valid queries: bounded at parse time, and a time budget while matching ---

WORDS = ["コロナ", "地区センター", "空き家", "子育て", "図書館", "公民館", "防災", "観光", "介護", "環境", "道路"]


def phrase(length: int, word: str = "地域") -> str:
    """Unspaced text of ``length`` characters."""
    return (word * length)[:length]


def test_the_most_words_allowed_are_answered(live):
    many = WORDS[:MAX_QUERY_WORDS]
    assert sum(map(len, many)) <= MAX_QUERY_CHARACTERS
    status, _, body = live.get("/api/search", q=" ".join(many))
    assert status == 200 and body["interpretation"]["truncated"] is False
    longest = phrase(MAX_PHRASE_LENGTH, "地区センター")
    assert live.get("/api/search", q=f'"{longest}"')[0] == 200
    rest = MAX_QUERY_CHARACTERS - MAX_PHRASE_LENGTH
    assert live.get("/api/search", q=f"{longest} {phrase(rest, '子育て支援')}")[0] == 200


TOO_MANY = MAX_QUERY_WORDS + 1


@pytest.mark.parametrize("q, said", [
    (" ".join(WORDS[:TOO_MANY]), f"too many words in the query: {TOO_MANY}"),
    (" OR ".join(WORDS[:TOO_MANY]), f"too many words in the query: {TOO_MANY}"),
    (" ".join(WORDS[:TOO_MANY - 2] + ["-" + w for w in WORDS[TOO_MANY - 2:TOO_MANY]]),
     f"too many words in the query: {TOO_MANY}"),
    (phrase(MAX_PHRASE_LENGTH + 1), f"a word or phrase of {MAX_PHRASE_LENGTH + 1} characters"),
    ('"' + "地域 " * (MAX_PHRASE_LENGTH // 3 + 1) + '"', "a word or phrase of"),
    (f"{phrase(MAX_PHRASE_LENGTH)} {phrase(MAX_QUERY_CHARACTERS - MAX_PHRASE_LENGTH + 1, '子育て')}",
     f"have {MAX_QUERY_CHARACTERS + 1} characters in all"),
])
def test_a_query_past_the_bounds_is_a_400_saying_what_to_shorten(live, q, said):
    status, _, body = live.get("/api/search", q=q)
    assert status == 400 and body["error"]["code"] == "query_too_complex"
    assert said in body["error"]["message_en"]


def test_the_page_says_the_query_has_too_many_words(live):
    status, _, page = live.get("/search", q=" ".join(WORDS[:TOO_MANY]))
    assert status == 400 and f"検索語が多すぎます（{TOO_MANY}語、{MAX_QUERY_WORDS}語まで）" in page


@pytest.fixture
def no_time(monkeypatch):
    """A time budget already spent when matching starts."""
    monkeypatch.setattr(search.budget, "MATCH_BUDGET_SECONDS", 0.0)


def test_a_search_out_of_time_returns_what_it_found_and_says_so(live, no_time):
    words = "コロナ 地区センター 空き家 図書館"  # no row has all: each word is matched on its own
    status, _, cut = live.get("/api/search", q=words)
    assert status == 200
    it = cut["interpretation"]
    assert it["truncated"] is True and any("途中までに見つかった" in note for note in it["notes"])
    assert [t["text"] for t in it["terms"]] == ["コロナ"]  # the words after the first were left
    assert cut["total"] == live.get("/api/search", q="コロナ")[2]["total"]
    status, _, page = live.get("/search", q=words)
    assert status == 200 and "途中までに見つかった取組だけを表示しています" in page


def test_a_result_cut_short_is_not_kept(live, no_time, monkeypatch):
    words = "防災 図書館 子育て 介護"
    assert live.get("/api/search", q=words)[2]["interpretation"]["truncated"] is True
    monkeypatch.setattr(search.budget, "MATCH_BUDGET_SECONDS", 60.0)
    whole = live.get("/api/search", q=words)[2]
    assert whole["interpretation"]["truncated"] is False and len(whole["interpretation"]["terms"]) == 4


def test_one_whoosh_search_stops_collecting_when_out_of_time(corpus, no_time):
    """A single query over many rows: collected a block of rows, then stopped."""
    with search.budget.budget() as spent:
        with corpus.searching() as searcher:
            found = search.scoring.scored_matches(searcher, Every())
    assert spent.truncated and len(found) == search.scoring.CHECK_EVERY < len(corpus.facets)


def test_openapi_publishes_the_query_bounds(live):
    _, _, spec = live.get("/openapi.json")
    operation = spec["paths"]["/api/search"]["get"]
    q = next(p for p in operation["parameters"] if p["name"] == "q")
    assert f"at most {MAX_QUERY_WORDS} distinct words" in q["description"]
    interpretation = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["interpretation"]
    assert interpretation["properties"]["truncated"]["type"] == "boolean"


def test_the_benchmark_requests_at_the_limits_are_all_allowed(live):
    """bench/hostile.py sends these to time them and to load the server: each must be answered."""
    facets = live.get("/api/search", per_page=1)[2]["facets"]
    requests = hostile_requests([f["value"] for f in facets["department"]], [f["value"] for f in facets["chapter"]], 9)
    assert len({json.dumps(r, sort_keys=True) for r in requests}) == 9
    for params in requests:
        status, _, body = live.get("/api/search", **params)
        assert status == 200, (params, body)


def test_the_garbage_collectors_pauses_do_not_spend_a_budget(monkeypatch):
    """A full collection in a large process (0.4 s measured) is no work of the request it falls in."""
    monkeypatch.setattr(search.budget, "MATCH_BUDGET_SECONDS", 0.05)
    garbage = [[i] for i in range(200_000)]  # enough objects for each collection to take a while
    with search.budget.budget() as spent:
        start = time.thread_time()
        while time.thread_time() - start < 0.2:
            gc.collect()
        assert not search.budget.exhausted()
        own = search.budget.spent_here()
        while search.budget.spent_here() - own < 0.1:  # work of its own does
            sum(range(1000))
        assert search.budget.exhausted() and spent.truncated
    del garbage
