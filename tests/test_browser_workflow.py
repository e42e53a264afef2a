"""The secretariat's workflow in a real headless Chromium (Debian's): grouped and table views,
exports, print, citations, keyboard and phone. Screenshots of each new view at 1280 px, 390 px and
in print media go to tests/screenshots/ (git-ignored)."""

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .conftest import DESKTOP, PHONE, SCREENSHOTS, rid

CORONA = quote("コロナ")



def params_of(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def api(live, **params) -> dict:
    return live.get("/api/search", **params)[2]


def test_group_by_department_from_the_results_page(live, page):
    page.goto(live.url + f"/search?q={CORONA}&progress=D&progress=E")
    with page.expect_navigation():
        page.get_by_role("link", name="所管課ごと").click()
    assert params_of(page.url) == {"q": ["コロナ"], "progress": ["D", "E"], "group": ["department"]}
    expected = {v["value"]: v["count"] for v in api(live, q="コロナ", progress=["D", "E"])["facets"]["department"]}
    shown = {}
    for heading in page.locator("section.group h2").all():
        name, count = heading.inner_text().rsplit(" ", 1)
        shown[name] = int(count.removesuffix("件"))
    assert shown == expected and len(shown) > 1
    first = page.locator("section.group").first
    assert first.locator("tbody tr").count() == list(expected.values())[0]
    # The table keeps its filter when a facet is ticked: the group stays in the URL.
    with page.expect_navigation():
        page.locator('#facet-progress input[value="D"]').uncheck()
    assert params_of(page.url)["group"] == ["department"]


def test_table_view_shows_all_rows(live, page):
    page.goto(live.url + "/search")
    with page.expect_navigation():
        page.get_by_role("link", name="表", exact=True).click()
    assert page.locator("table.records tbody tr").count() == 50
    with page.expect_navigation():
        page.get_by_role("link", name="すべて").click()
    assert params_of(page.url) == {"view": ["table"], "per_page": ["all"]}
    assert page.locator("table.records tbody tr").count() == api(live)["total"]
    headers = page.locator("table.records thead th").all_inner_texts()
    assert headers[:6] == ["施策", "所管課", "進捗", "取組", "方向性", "取組評価（抜粋）"]


VIEWS = {
    "group-department": f"/search?q={CORONA}&group=department",
    "group-chapter": "/search?group=chapter&progress=D&progress=E",
    "table": "/search?view=table",
    "overview-by-rate": "/overview?dept_sort=rate",
    "plan": "/plan",
    "department": "/departments/" + quote("企画課"),
    "record-marked": f"/evaluations/{rid(153)}?q={CORONA}",
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_new_views_fit_a_phone_and_are_saved_as_screenshots_also_in_print(live, browser, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport, locale="ja-JP")
        try:
            page = context.new_page()
            page.goto(live.url + VIEWS[name])
            width, client = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
            assert width <= client, f"{name} scrolls sideways at {viewport['width']} px: {width} > {client}"
            height = min(page.evaluate("document.scrollingElement.scrollHeight"), 2400)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True,
                            clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
            if label == "desktop":
                page.emulate_media(media="print")
                height = min(page.evaluate("document.scrollingElement.scrollHeight"), 2400)
                page.screenshot(path=str(SCREENSHOTS / f"{name}-print.png"), full_page=True,
                                clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
        finally:
            context.close()


def test_download_the_grouped_view_as_xlsx(live, page, tmp_path):
    from datetime import date

    from openpyxl import load_workbook

    page.goto(live.url + f"/search?q={CORONA}&progress=D&progress=E&group=department")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel（.xlsx）").click()
    download = download_info.value
    assert download.suggested_filename == f"取組評価_コロナ_進捗区分D・E_所管課ごと_{date.today().isoformat()}.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = load_workbook(path).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:2] == ("所管課（グループ）", "章") and "行" in header and "ID" not in header
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    shown = [h.inner_text().rsplit(" ", 1)[0] for h in page.locator("section.group h2").all()]
    groups = list(dict.fromkeys(row[0] for row in rows))
    assert groups == shown  # the file lists the groups as the page does
    lines = [row[header.index("行")] for row in rows if row[0] == groups[0]]
    assert lines == sorted(lines) and len(lines) == page.locator("section.group").first.locator("tbody tr").count()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    assert download_info.value.suggested_filename.endswith(".csv")


def pdf_pages(page) -> int:
    """How many A4 pages the page prints on (Chromium's own print layout)."""
    page.emulate_media(media="print")
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


@pytest.mark.parametrize("line", [572, 214, 33])  # a continuation row, the longest text, a plain row
def test_a_record_prints_on_one_a4_page(live, page, line):
    page.goto(live.url + f"/evaluations/{rid(line)}")
    record = live.get(f"/api/evaluations/{rid(line)}")[2]
    assert pdf_pages(page) == 1
    for hidden in ("header.site nav", "form.search", "nav.back", "section.related", "button.copy"):
        assert all(not e.is_visible() for e in page.locator(hidden).all()), hidden
    meta = page.locator(".print-meta")
    assert meta.is_visible() and page.url in meta.inner_text() and "印刷日" in meta.inner_text()
    badge = page.locator("dl.record .badge").first
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert badge.evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("dl.record .grade-label").first.is_visible()  # the label beside the letter
    source = page.locator("dl.record .ref").inner_text()
    assert source == f"{record['source']['page']}ページ・{line}行目"
    assert "第6次入間市総合計画・前期基本計画の取組評価" in page.locator("dl.record").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"record-{line}-print.png"), full_page=True)


@pytest.mark.parametrize("name, path", [("results", f"/search?q={CORONA}"),
                                         ("results-table", f"/search?q={CORONA}&view=table"),
                                         ("results-group", f"/search?q={CORONA}&group=department"),
                                         ("answer", "/ask?q=" + quote("電子申請システムへの入替を実施したのはどの課ですか"))])
def test_results_and_answers_print_without_navigation_or_forms(live, page, name, path):
    page.goto(live.url + path)
    page.emulate_media(media="print")
    for hidden in ("header.site nav", "form.search", "aside.facets", "nav.views", "nav.pages", ".export"):
        assert all(not e.is_visible() for e in page.locator(hidden).all()), hidden
    assert page.locator("h1").first.is_visible() and page.locator(".print-meta").is_visible()
    badges = page.locator(".badge").all()[:5]
    assert all(b.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)" for b in badges)
    if name != "answer":
        assert page.locator(".ref").first.is_visible()  # page and line of each row
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-print.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": DESKTOP["width"], "height": 2400})


def test_copy_a_citation_of_a_record(live, browser):
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live.url)
    try:
        page = context.new_page()
        page.goto(live.url + f"/evaluations/{rid(572)}")
        record = live.get(f"/api/evaluations/{rid(572)}")[2]
        page.get_by_role("button", name="引用をコピー").click()
        from playwright.sync_api import expect

        expect(page.locator(".copy-status")).to_have_text("引用をコピーしました。")  # once written
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == (f"「{record['effort_comment']}」（施策「{record['measure']}」、収税課、"
                          f"『第6次入間市総合計画・前期基本計画の取組評価』{record['source']['page']}ページ）")
    finally:
        context.close()


def test_copy_a_citation_of_an_answer_quote(live, browser):
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live.url)
    try:
        page = context.new_page()
        question = "電子申請システムへの入替を実施したのはどの課ですか"
        page.goto(live.url + "/ask?q=" + quote(question))
        answer = live.get("/api/ask", q=question)[2]
        first = answer["citations"][0]
        page.get_by_role("button", name="引用をコピー（根拠 1）").click()
        from playwright.sync_api import expect

        expect(page.locator(".citations .copy-status").first).to_have_text("引用をコピーしました。")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(f"「{first['quote']}」（施策「{first['measure']}」、{'・'.join(first['departments'])}、")
        assert copied.endswith(f"』{first['source']['page']}ページ）")
    finally:
        context.close()


def test_citations_are_on_the_page_without_javascript(live, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live.url + f"/evaluations/{rid(572)}")
        assert "『第6次入間市総合計画・前期基本計画の取組評価』" in page.locator("#citation").inner_text()
        assert not page.locator("button.copy").is_visible()  # nothing that would not work
    finally:
        context.close()


def test_a_record_opened_from_a_search_marks_the_words(live, page):
    page.goto(live.url + f"/search?q={CORONA}")
    link = page.locator("li.hit h2 a").first
    assert params_of(link.get_attribute("href")) == {"q": ["コロナ"]}
    with page.expect_navigation():
        link.click()
    marks = page.locator("dl.record mark, h1 mark").all_inner_texts()
    assert marks and all(m for m in marks)
    record_id = urlsplit(page.url).path.rsplit("/", 1)[1]
    # The marked words are the ones the search marks in its fragments for this row.
    hit = [r for r in live.get("/api/search", q="コロナ", per_page=100)[2]["results"] if r["id"] == record_id][0]
    searched = {m for h in hit["highlights"] for m in re.findall(r"<mark>(.*?)</mark>", h["fragment"])}
    assert set(marks) == searched
    page.goto(live.url + f"/evaluations/{record_id}")  # opened directly: no marks
    assert page.locator("dl.record mark").count() == 0
