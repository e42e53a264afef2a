"""The secretariat's workflow in a real headless Chromium (Debian's): grouped and table views,
exports, print, citations, keyboard and phone. Screenshots of each new view at 1280 px, 390 px and
in print media go to tests/screenshots/ (git-ignored)."""

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .conftest import SCREENSHOTS, rid

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CORONA = quote("コロナ")


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="ja-JP", accept_downloads=True)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


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
}


@pytest.mark.parametrize("name", list(VIEWS))
def test_new_views_fit_a_phone_and_are_saved_as_screenshots(live, browser, name):
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
