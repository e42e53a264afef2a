"""The HTML pages through Flask's test client: escaping, error pages, exports, links."""

import csv
import io
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from search.engine import get_record, run_search
from search.query import parse_query

from .conftest import rid

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"]


def api_total(client, **params) -> int:
    return client.get("/api/search", query_string=params).get_json()["total"]


def page(client, path, status=200, **params):
    response = client.get(path, query_string=params)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_home_has_a_focused_search_box_examples_ask_box_and_summary(client, corpus):
    html = page(client, "/")
    assert '<html lang="ja">' in html
    assert re.search(r'<input id="q" name="q" type="search" autofocus', html)
    assert 'href="/search?q=%E3%82%B3%E3%83%AD%E3%83%8A"' in html  # the example コロナ
    assert re.search(r'<form class="search ask" action="/ask" method="get">', html)
    assert f"評価 {len(corpus.facets)} 件" in html
    for grade in "ABCDE":
        count = api_total(client, progress=grade)
        assert f'<strong>{count}</strong> 件' in html


def test_search_page_shows_total_highlights_badges_and_breadcrumb(client):
    html = page(client, "/search", q="コロナ")
    total = api_total(client, q="コロナ")
    assert f'data-total="{total}"' in html
    assert html.count('class="hit"') == 20 and "<mark>" in html
    assert "順調に進んでおり、計画目標の達成が近いもの" in html  # a legend label beside a badge
    assert 'class="crumbs"' in html and "›" in html
    assert "同じ意味の語" in html  # the concept expansion of コロナ is explained


def test_facets_show_disjunctive_counts_checked_boxes_and_chips(client):
    html = page(client, "/search", q="コロナ", progress="B")
    facets = client.get("/api/search", query_string={"q": "コロナ", "progress": "B"}).get_json()["facets"]
    for value in facets["progress"]:
        pattern = (rf'type="checkbox" name="progress" value="{value["value"]}"( checked)?>.*?data-count="{value["count"]}"')
        match = re.search(pattern, html, re.S)
        assert match and bool(match.group(1)) == value["selected"], value
    # The chip removes exactly its own filter and keeps the query.
    chip = re.search(r'<ul class="chips".*?<a href="([^"]+)"', html, re.S).group(1)
    assert parse_qs(urlsplit(unescape(chip)).query) == {"q": ["コロナ"]}


def test_pagination_and_sort_keep_the_other_parameters(client):
    html = page(client, "/search", q="市", sort="progress", page=2)
    nxt = unescape(re.search(r'<a rel="next" href="([^"]+)"', html).group(1))
    assert parse_qs(urlsplit(nxt).query) == {"q": ["市"], "sort": ["progress"], "page": ["3"]}
    assert '<option value="progress" selected>' in html
    assert '<span aria-current="page">2</span>' in html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_queries_are_escaped_everywhere(client, hostile):
    for path, params in [("/search", {"q": hostile}), ("/search", {"q": hostile, "department": hostile}),
                         ("/search", {"q": hostile, "page": "0"}), ("/evaluations/" + hostile, {})]:
        response = client.get(path, query_string=params)
        html = response.get_data(as_text=True)
        assert response.status_code in (200, 400, 404)
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    html = page(client, "/search", q=hostile)
    assert "&lt;" in html and "alert(1)" in html  # shown, as text


def test_unknown_page_and_record_are_friendly_404s(client):
    for path in ("/no-such-page", "/evaluations/no-such-document:1"):
        response = client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 404 and response.mimetype == "text/html"
        assert "見つかりません" in html and "Traceback" not in html and 'lang="ja"' in html


@pytest.mark.parametrize("path, params", [
    ("/search", {"page": "0"}),
    ("/search", {"per_page": "1000"}),
    ("/search", {"progress": "Z"}),
    ("/search", {"sort": "random"}),
    ("/search", {"q": "あ" * 1001}),
    ("/search.csv", {"effort": "か"}),
    ("/overview", {"dept_sort": "size"}),
])
def test_bad_parameters_give_a_friendly_400_page(client, path, params):
    response = client.get(path, query_string=params)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and response.mimetype == "text/html"
    assert "検索条件を読み取れませんでした" in html and "Traceback" not in html
    assert '<form class="search"' in html  # a way forward


def test_json_export_errors_are_json(client):
    response = client.get("/search.json", query_string={"page": "0"})
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_parameter"


def test_csv_export_has_bom_japanese_header_and_every_row(client):
    response = client.get("/search.csv", query_string={"q": "コロナ", "page": "2", "per_page": "5"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.mimetype_params["charset"] == "utf-8" and "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["章", "節", "項", "施策の方向性", "内容", "所管課"]
    assert rows[0][-3:] == ["文書", "ページ", "行"] and len(set(rows[0])) == len(rows[0])
    assert len(rows) - 1 == api_total(client, q="コロナ")  # all rows, not one page
    results = client.get("/api/search", query_string={"q": "コロナ", "per_page": 100, "sort": "document"}).get_json()["results"]
    header = rows[0]
    assert [int(r[header.index("行")]) for r in rows[1:]] == [r["source"]["line"] for r in results]  # plan order
    assert rows[1][header.index("所管課")] == "、".join(results[0]["departments"])
    assert rows[1][header.index("ページ")] == str(results[0]["source"]["page"])


def test_json_export_lists_the_whole_filtered_result_set(client):
    response = client.get("/search.json", query_string={"q": "コロナ", "progress": ["C", "D"]})
    body = json.loads(response.get_data(as_text=True))
    total = api_total(client, q="コロナ", progress=["C", "D"])
    assert body["total"] == total == len(body["results"]) and total > 20
    assert {r["progress"] for r in body["results"]} == {"C", "D"}
    assert "source_text" not in body["results"][0]


def test_export_links_carry_the_search_but_not_the_page(client):
    html = page(client, "/search", q="コロナ", progress="B", page=2)
    for kind in ("csv", "xlsx", "json"):
        link = unescape(re.search(rf'href="(/search\.{kind}\?[^"]+)"', html).group(1))
        assert parse_qs(urlsplit(link).query) == {"q": ["コロナ"], "progress": ["B"]}


def test_record_page_shows_fields_source_line_siblings_and_corrections(client, corpus):
    record = get_record(corpus, rid(572))
    html = page(client, f"/evaluations/{rid(572)}")
    assert record["measure"] in html and record["effort_comment"] in html
    pre = re.search(r'<pre class="source-line"[^>]*>(.*?)</pre>', html, re.S).group(1)
    assert unescape(pre) == record["source_text"]  # verbatim, tabs included
    assert f"{record['source']['file']}</code> の 572 行目" in html
    assert "571 行目の施策の続き" in html  # the continues field, explained
    siblings = re.findall(r'href="/evaluations/([^"]+)"', html.split('id="siblings-title"')[1].split("</table>")[0])
    assert siblings == [rid(571), rid(573), rid(574)]
    html = page(client, f"/evaluations/{rid(57)}")
    table = html.split('class="corrections"')[1]
    assert "<td>人間市</td><td>入間市</td>" in table


def test_record_page_links_back_to_the_search_it_came_from(client):
    referrer = "http://localhost/search?q=%E3%82%B3%E3%83%AD%E3%83%8A&page=2"
    html = client.get(f"/evaluations/{rid(571)}", headers={"Referer": referrer}).get_data(as_text=True)
    assert 'href="/search?q=%E3%82%B3%E3%83%AD%E3%83%8A&amp;page=2">検索結果へ戻る' in html
    html = client.get(f"/evaluations/{rid(571)}", headers={"Referer": "http://evil.example/search?q=x"}).get_data(as_text=True)
    assert 'href="/search">評価の一覧へ' in html


def test_legend_page_lists_every_grade_from_the_document(client, corpus):
    html = page(client, "/legend")
    for kind, labels in corpus.labels.items():
        for code, label in labels.items():
            assert label in html and f">{code}</span>" in html


def test_every_overview_bar_links_to_a_search_with_its_count(client):
    html = page(client, "/overview")
    links = re.findall(r'<a href="(/search\?[^"]+)"[^>]*data-count="(\d+)"', html)
    assert len(links) > 50
    for href, count in links:
        params = parse_qs(urlsplit(unescape(href)).query)
        assert api_total(client, **params) == int(count), href


def test_overview_department_table_sorts(client):
    by_name = page(client, "/overview", dept_sort="name")
    names = re.findall(r'<th scope="row"><a href="/departments/[^"]+">([^<]+)</a>', by_name)
    assert names == sorted(names) and len(names) > 10
    by_d = page(client, "/overview", dept_sort="D")
    rows = re.findall(r'<th scope="row"><a href="/departments/[^"]+">([^<]+)</a>', by_d)
    d_counts = [api_total(client, department=name, progress="D") for name in rows]
    assert d_counts == sorted(d_counts, reverse=True)


def test_no_results_page_suggests_searches_that_find_rows(client):
    html = page(client, "/search", q="ハザドマプ", progress="E")  # two edits off ハザードマップ
    assert 'id="no-results"' in html
    suggestions = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>（(\d+) 件）', html)
    assert suggestions
    for href, label, count in suggestions:
        params = parse_qs(urlsplit(unescape(href)).query)
        assert api_total(client, **params) == int(count) > 0
    assert any("ハザードマップ" in label for _, label, _ in suggestions)


def test_search_page_agrees_with_the_engine(client, corpus):
    parsed = parse_query({"q": ["地区センター"], "sort": ["document"]})
    response = run_search(corpus, parsed)
    html = page(client, "/search", q="地区センター", sort="document")
    ids = re.findall(r'<h2><a href="/evaluations/([^"?]+)(?:\?q=[^"]*)?">', html)
    assert ids == [r["id"] for r in response["results"]]


def test_an_unexpected_error_is_a_friendly_page_without_a_traceback(workspace):
    from web import create_app

    app = create_app({"VAR_DIR": str(workspace.root), "BUILD_ON_START": False})  # not TESTING

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and 'lang="ja"' in html
    assert "サーバーで問題が起きました" in html
    assert "secret internals" not in html and "Traceback" not in html


def test_a_chosen_filter_stays_a_checked_box_when_nothing_matches_it(client):
    html = page(client, "/search", q="公共施設", chapter="第4章", department="管財課")
    assert re.search(r'type="checkbox" name="department" value="管財課" checked>', html)
    assert re.search(r'type="checkbox" name="chapter" value="4" checked>', html)  # chapter=4 in links


def test_a_record_opened_with_a_query_the_search_refuses_still_shows(client):
    too_many = " ".join(f"語{n}" for n in range(20))
    response = client.get(f"/evaluations/{rid(571)}", query_string={"q": too_many})
    assert response.status_code == 200 and "<mark>" not in response.get_data(as_text=True)
