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


# --- Pages of the published document -------------------------------------------------------

def test_every_row_knows_its_printed_page(corpus):
    from .conftest import DOCUMENT

    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    headers = [n for n, line in enumerate(lines, 1) if line.startswith("節")]
    records = sorted((corpus.stored(d) for d in range(len(corpus.facets))), key=lambda r: r["source"]["line"])
    pages = [r["source"]["page"] for r in records]
    assert pages == sorted(pages) and pages[0] == 1 and set(pages) == set(range(1, pages[-1] + 1))
    # A row below the n-th column header is on page n at least; two pages of chapter 3 lost
    # their header in the extraction (blank lines 199 and 229 still end them).
    for record in records:
        seen = sum(1 for h in headers if h < record["source"]["line"])
        extra = sum(1 for b in (199, 229) if b < record["source"]["line"])
        assert record["source"]["page"] == seen + extra, record["id"]
    assert pages[-1] == len(headers) + 2 == 22


def test_pages_from_headers_and_blank_lines():
    from index.parse import parse_document
    from index.tables import Tables

    header = "節\t項\t施策の方向性\t内容\t進捗区分\t取組評価\t\t今後の方向性\t\t所管課"
    row = "\t\t施策{n}\t内容{n}\tB\tい\t記述\tイ\t記述\t企画課"
    text = "\n".join(["<進捗区分>", "A=よい", "", "第1章 まち", "", header, row.format(n=1),
                      row.format(n=2), "", row.format(n=3), "", "第1章 まち", "", header, row.format(n=4)])
    parsed = parse_document(text, "t", "t.txt", Tables())
    assert [r["page"] for r in parsed.records] == [1, 1, 2, 3]


# --- Exports ---------------------------------------------------------------------------------

def test_xlsx_export_has_a_frozen_filtered_header_and_the_csv_rows(client):
    import csv
    import io

    from openpyxl import load_workbook

    params = {"q": "コロナ", "progress": ["D", "E"]}
    response = client.get("/search.xlsx", query_string=params)
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(csv.reader(io.StringIO(client.get("/search.csv", query_string=params).get_data(as_text=True).lstrip("\ufeff"))))
    assert rows == csv_rows  # same columns, order and escaping as the CSV
    assert len(rows) - 1 == api(client, **params)["total"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:Q{len(rows)}"
    assert sheet["A1"].font.b and sheet.column_dimensions["E"].width == 40


def test_grouped_export_lists_each_group_under_its_name(client):
    import csv
    import io

    body = client.get("/search.csv", query_string={"q": "コロナ", "group": "department"}).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0][0] == "所管課（グループ）"
    facets = {v["value"]: v["count"] for v in api(client, q="コロナ")["facets"]["department"]}
    groups = [r[0] for r in rows[1:]]
    assert {g: groups.count(g) for g in groups} == facets
    assert groups == sorted(groups, key=lambda g: (-facets[g], g))  # contiguous, biggest first
    for name in facets:
        assert all(name in r[6].split("、") for r in rows[1:] if r[0] == name)
    grouped = client.get("/search.json", query_string={"q": "コロナ", "group": "chapter"}).get_json()
    assert sum(g["count"] for g in grouped["groups"]) == grouped["total"]


def test_exports_keep_a_sort_the_user_chose(client):
    import csv
    import io

    body = client.get("/search.csv", query_string={"q": "コロナ", "sort": "progress"}).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    grades = [r[rows[0].index("進捗区分")] for r in rows[1:]]
    assert grades == sorted(grades)


@pytest.mark.parametrize("params, expected", [
    ({}, "取組評価_2026-12-04"),
    ({"q": "コロナ", "progress": ["D", "E"], "group": "department"}, "取組評価_コロナ_進捗区分D・E_所管課ごと_2026-12-04"),
    ({"chapter": "第4章 住みやすく緑豊かなまちづくり（都市環境、生活環境、自然環境）"}, "取組評価_章第4章_2026-12-04"),
    ({"q": 'a/b:"c"', "chapter": "4"}, "取組評価_a_b_c__章第4章_2026-12-04"),
])
def test_export_names_say_what_the_file_holds(params, expected):
    from datetime import date

    from search.export import export_name

    request = {k: v if isinstance(v, list) else [v] for k, v in params.items() if k != "group"}
    assert export_name(parse_query(request), params.get("group", ""), date(2026, 12, 4)) == expected


def test_export_file_names_use_rfc_5987_for_japanese(client):
    from datetime import date
    from urllib.parse import unquote

    response = client.get("/search.xlsx", query_string={"q": "コロナ", "progress": "D"})
    disposition = response.headers["Content-Disposition"]
    today = date.today().isoformat()
    assert disposition.startswith(f'attachment; filename="hyoka-search_{today}.xlsx"; filename*=UTF-8\'\'')
    assert unquote(disposition.split("''", 1)[1]) == f"取組評価_コロナ_進捗区分D_{today}.xlsx"
    disposition.encode("ascii")  # the header itself is ASCII


# --- Overview: D+E and its rate, the plan's table of contents, a page per department ---------

@pytest.mark.parametrize("sort", ["rate", "de", "rows", "name", "D"])
def test_department_table_has_d_plus_e_and_rate_and_sorts(corpus, client, sort):
    from search.overview import department_table

    table = department_table(corpus, sort)
    for row in table[:5]:
        behind = api(client, department=row["department"], progress=["D", "E"])["total"]
        assert row["de"] == behind and row["rate"] == round(100 * behind / row["rows"], 1)
    key = {"rate": "rate", "de": "de", "rows": "rows"}.get(sort)
    if key:
        assert [r[key] for r in table] == sorted((r[key] for r in table), reverse=True)
    html = page(client, "/overview", dept_sort=sort)
    shown = re.findall(r'<th scope="row"><a href="/departments/[^"]+">([^<]+)</a>', html)
    assert shown == [r["department"] for r in table]


def test_chapter_table_sorts_by_rate(corpus, client):
    from search.overview import chapter_table

    table = chapter_table(corpus, "rate")
    assert [r["rate"] for r in table] == sorted((r["rate"] for r in table), reverse=True)
    assert sum(r["rows"] for r in table) == api(client)["total"]
    assert [r["chapter"] for r in chapter_table(corpus)] == corpus.chapter_titles()
    html = page(client, "/overview", chapter_sort="rate")
    assert 'aria-sort="descending"><a href="/overview?dept_sort=rows&amp;chapter_sort=rate#chapters"' in html
    page(client, "/overview", status=400, chapter_sort="size")


def test_every_chart_segment_has_a_visible_count(client):
    html = page(client, "/overview")
    # Chapter bars: a line of counts under each; department bars: the counts are the table's columns.
    assert html.count('class="bar-counts"') == html.count('<svg class="bar"') > 10
    first = re.search(r'<p class="bar-counts">(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", first).replace("・", " ").split()[::2] == list("ABCDE")


def test_plan_outline_counts_chapters_sections_and_items(corpus, client):
    from search.overview import plan_outline

    outline = plan_outline(corpus)
    assert [c["title"] for c in outline] == corpus.chapter_titles()
    assert sum(c["rows_count"] for c in outline) == api(client)["total"]
    for chapter in outline:
        assert chapter["rows_count"] == api(client, chapter=chapter["title"])["total"]
        assert chapter["rows_count"] == sum(s["rows_count"] for s in chapter["sections"])
        for section in chapter["sections"]:
            assert section["rows_count"] == sum(i["rows_count"] for i in section["items"])
            assert all(i["rows_count"] == len(i["rows"]) for i in section["items"])
    html = page(client, "/plan")
    assert "<h1>計画の目次（章・節・項）</h1>" in html
    assert html.count("<details>") == sum(len(s["items"]) for c in outline for s in c["sections"])
    assert html.count('href="/evaluations/') == api(client)["total"]


def test_department_page_lists_its_rows_by_grade_and_its_directions(client):
    html = page(client, "/departments/企画課")
    rows = api(client, department="企画課")
    assert f"評価 {rows['total']} 件" in html
    for grade in rows["facets"]["progress"]:
        if grade["count"]:
            assert re.search(rf'<h2 id="grade-{grade["value"]}">進捗区分 {grade["value"]}（[^<]+） <span class="n">{grade["count"]}件', html)
    for direction in rows["facets"]["direction"]:
        assert f'{direction["label"]}</span></span> <strong>{direction["count"]}</strong> 件' in html
    assert html.count('<li>\n      <h3><a href="/evaluations/') == rows["total"]
    page(client, "/departments/存在しない課", status=404)
