"""The secretariat's workflow pages through Flask's test client: grouped and table views, short
chapter links, every department listed."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from search.groups import grouped_results
from search.query import parse_query


def api(client, **params) -> dict:
    return client.get("/api/search", query_string=params).get_json()


def page(client, path, status=200, **params) -> str:
    response = client.get(path, query_string=params)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


@pytest.mark.parametrize("grouping", ["department", "chapter", "progress"])
def test_groups_count_their_rows_in_plan_order(corpus, client, grouping):
    parsed = parse_query({"q": ["コロナ"], "sort": ["document"]})
    grouped = grouped_results(corpus, parsed, grouping)
    assert grouped["total"] == api(client, q="コロナ")["total"]
    for group in grouped["groups"]:
        assert group["count"] == len(group["records"]) == api(client, q="コロナ", **{grouping: group["value"]})["total"]
        positions = [r["position"] for r in group["records"]]
        assert positions == sorted(positions)  # plan order inside a group
        assert sum(group["grades"].values()) == group["count"]
    if grouping == "department":
        counts = [g["count"] for g in grouped["groups"]]
        assert counts == sorted(counts, reverse=True)
    else:
        assert sum(g["count"] for g in grouped["groups"]) == grouped["total"]


def test_grouped_page_shows_each_group_with_its_count(client):
    html = page(client, "/search", q="コロナ", group="department")
    facets = {v["value"]: v["count"] for v in api(client, q="コロナ")["facets"]["department"]}
    headings = re.findall(r'<h2 id="group-\d+" tabindex="-1">([^<]+) <span class="n">(\d+)件</span>', html)
    assert {name: int(n) for name, n in headings} == facets
    assert 'aria-current="page">所管課ごと</a>' in html
    assert '<option value="document" selected>' in html  # plan order unless the user sorts
    assert html.count('<table class="records">') == len(headings)


def test_table_view_pages_by_50_100_or_all(client):
    total = api(client)["total"]
    assert page(client, "/search", view="table").count("<tr>") - 1 == 50  # default 50 rows
    assert page(client, "/search", view="table", per_page="100").count("<tr>") - 1 == 100
    html = page(client, "/search", view="table", per_page="all")
    assert html.count("<tr>") - 1 == total > 100
    assert 'aria-current="page">すべて</a>' in html and 'rel="next"' not in html
    # The forms carry the view and the page size, so a filter keeps them.
    assert '<input type="hidden" name="view" value="table">' in html
    assert '<input type="hidden" name="per_page" value="all">' in html


@pytest.mark.parametrize("params", [{"view": "grid"}, {"group": "effort_comment"}, {"per_page": "al"}])
def test_bad_view_parameters_are_friendly_400s(client, params):
    html = page(client, "/search", status=400, **params)
    assert "検索条件を読み取れませんでした" in html


def test_view_links_keep_the_search_and_filters(client):
    html = page(client, "/search", q="コロナ", progress=["D", "E"])
    links = dict((label, unescape(href)) for href, label in
                 re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', html.split('class="views"')[1].split("</nav>")[0]))
    assert parse_qs(urlsplit(links["所管課ごと"]).query) == {"q": ["コロナ"], "progress": ["D", "E"], "group": ["department"]}
    assert parse_qs(urlsplit(links["表"]).query) == {"q": ["コロナ"], "progress": ["D", "E"], "view": ["table"]}


def test_every_department_is_a_checkbox(client):
    html = page(client, "/search")
    departments = api(client)["facets"]["department"]
    boxes = re.findall(r'name="department" value="([^"]+)"', html)
    assert len(boxes) == len(departments) > 40 and "ほかの所管課" not in html


def test_chapter_links_carry_a_short_value(client):
    for path in ("/overview", "/search", "/evaluations/iruma-6th-first-half-evaluation:301"):
        html = page(client, path)
        chapters = [parse_qs(urlsplit(unescape(h)).query)["chapter"][0]
                    for h in re.findall(r'href="(/search\?[^"]*chapter=[^"]+)"', html)]
        assert chapters and all(len(c) <= 12 for c in chapters), chapters[:3]
    assert api(client, chapter="4")["total"] == api(client, chapter="第4章")["total"] > 0
    html = page(client, "/search", chapter="4")
    assert re.search(r'name="chapter" value="4" checked>', html) and "章: 第4章" in html
