"""The pages in a real headless Chromium (Debian's), against the app served by waitress.

Screenshots of the main pages at desktop and phone width go to tests/screenshots/ (git-ignored).
"""

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .conftest import DESKTOP, PHONE, SCREENSHOTS, rid

HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
MAIN_PAGES = {
    "home": "/",
    "search": "/search?q=" + quote("コロナ"),
    "filtered": "/search?q=" + quote("コロナ") + "&progress=C&direction=" + quote("イ"),
    "no-results": "/search?q=" + quote("空き屋") + "&progress=E",
    "record": f"/evaluations/{rid(572)}",
    "overview": "/overview",
    "legend": "/legend",
    "not-found": "/evaluations/none:1",
}


def api_total(live, **params) -> int:
    return live.get("/api/search", **params)[2]["total"]


def shown_total(page) -> int:
    return int(page.locator("#count strong").get_attribute("data-total"))


def params_of(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def test_type_a_word_and_see_highlighted_results(live, page):
    page.goto(live.url + "/")
    assert page.evaluate("document.activeElement.id") == "q"  # focused on arrival
    page.keyboard.type("コロナ")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert params_of(page.url) == {"q": ["コロナ"]}
    assert shown_total(page) == api_total(live, q="コロナ")
    assert page.locator("li.hit").count() == 20
    marks = page.locator("li.hit mark")
    assert marks.count() > 20 and marks.first.is_visible()
    assert any("コロナ" in text for text in marks.all_inner_texts())


def test_tick_a_facet_and_see_counts_and_url_change(live, page):
    page.goto(live.url + MAIN_PAGES["search"])
    before = page.locator("#facet-effort .n").all_inner_texts()
    with page.expect_navigation():
        page.locator('#facet-progress input[value="B"]').check()  # the script submits the form
    assert params_of(page.url) == {"q": ["コロナ"], "progress": ["B"]}
    assert shown_total(page) == api_total(live, q="コロナ", progress="B")
    assert page.locator('#facet-progress input[value="B"]').is_checked()
    after = page.locator("#facet-effort .n").all_inner_texts()
    assert after != before  # the other facets count only progress B now
    facets = live.get("/api/search", q="コロナ", progress="B")[2]["facets"]
    assert after == [str(v["count"]) for v in facets["effort"]]
    chip = page.locator(".chips a", has_text="進捗区分: B")
    with page.expect_navigation():
        chip.click()
    assert params_of(page.url) == {"q": ["コロナ"]}


def test_open_a_record_see_its_source_line_and_go_back(live, page):
    page.goto(live.url + MAIN_PAGES["search"])
    results_url = page.url
    first = page.locator("li.hit h2 a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    record_id = urlsplit(page.url).path.rsplit("/", 1)[1]
    record = live.get(f"/api/evaluations/{record_id}")[2]
    assert page.locator("h1").inner_text() == title == record["measure"]
    source = page.locator("pre.source-line")
    assert source.is_visible()
    assert source.evaluate("e => e.textContent") == record["source_text"]
    assert f"{record['source']['line']} 行目" in page.locator("section.source").inner_text()
    assert page.locator("nav.back a").get_attribute("href") == urlsplit(results_url).path + "?" + urlsplit(results_url).query
    page.go_back()
    page.wait_for_url(results_url)
    assert page.locator("li.hit h2 a").first.inner_text() == title


def test_overview_bars_link_to_the_right_searches(live, page):
    page.goto(live.url + "/overview")
    segments = page.locator("svg.bar a.segment")
    assert segments.count() > 50
    for index in (0, 7, segments.count() - 1):  # a chapter bar, another, the last direction bar
        segment = segments.nth(index)
        href, count = segment.get_attribute("href"), int(segment.get_attribute("data-count"))
        assert api_total(live, **params_of(href)) == count
    bar = page.locator("#progress-chart svg.bar").nth(2).locator("a.segment").nth(1)
    count = int(bar.get_attribute("data-count"))
    with page.expect_navigation():
        bar.click()
    assert set(params_of(page.url)) == {"chapter", "progress"}
    assert shown_total(page) == count == page.locator("li.hit").count()


def test_hostile_query_is_shown_as_text(live, page):
    page.goto(live.url + "/")
    page.fill("#q", HOSTILE)
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert page.locator("#q").input_value() == HOSTILE
    assert HOSTILE in page.locator("#count").inner_text()
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    page.goto(live.url + "/search?page=0&q=" + quote(HOSTILE))  # the error page too
    assert "検索条件を読み取れませんでした" in page.locator("h1").inner_text()
    assert page.locator("#q").input_value() == HOSTILE and page.locator("img").count() == 0
    page.goto(live.url + "/evaluations/" + quote(HOSTILE, safe=""))
    assert page.locator("img").count() == 0
    assert page.dialogs == []


def test_search_and_filter_without_javascript(live, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live.url + "/")
        page.fill("#q", "地区センター")
        with page.expect_navigation():
            page.click("form.search.big button")
        assert shown_total(page) == api_total(live, q="地区センター")
        assert page.locator("#facet-panel").get_attribute("open") is not None  # nothing folds it
        page.locator('#facet-progress input[value="C"]').check()
        with page.expect_navigation():
            page.click("#facet-form button.apply")
        assert params_of(page.url) == {"q": ["地区センター"], "progress": ["C"]}
        assert shown_total(page) == api_total(live, q="地区センター", progress="C")
        page.select_option("#sort", "document")
        with page.expect_navigation():
            page.click("#search-form noscript button, #search-form .options button")
        assert params_of(page.url)["sort"] == ["document"]
        assert params_of(page.url)["progress"] == ["C"]  # the search form keeps the filters
    finally:
        context.close()


@pytest.mark.parametrize("name", list(MAIN_PAGES))
def test_pages_fit_a_phone_and_are_saved_as_screenshots(live, browser, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        context = browser.new_context(viewport=viewport, locale="ja-JP")
        try:
            page = context.new_page()
            page.goto(live.url + MAIN_PAGES[name])
            width, client = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
            assert width <= client, f"{name} scrolls sideways at {viewport['width']} px: {width} > {client}"
            assert page.locator("html").get_attribute("lang") == "ja"
            height = min(page.evaluate("document.scrollingElement.scrollHeight"), 2400)  # long lists: the top
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True,
                            clip={"x": 0, "y": 0, "width": viewport["width"], "height": height})
        finally:
            context.close()


def test_keyboard_reaches_facets_and_results_with_a_visible_focus(live, page):
    page.goto(live.url + MAIN_PAGES["search"])
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement, style = getComputedStyle(e);
            return {kind: e.closest('#facet-form') ? 'facet' : e.closest('li.hit') ? 'result' : 'other',
                    outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
        }""")
        if focused["kind"] != "other":
            assert focused["outline"] != "none" and focused["width"] >= 2, focused
            reached.add(focused["kind"])
        if reached == {"facet", "result"}:
            break
    assert reached == {"facet", "result"}


def test_charts_have_text_alternatives(live, page):
    page.goto(live.url + "/overview")
    for svg in page.locator("svg.bar").all()[:10]:
        assert "件" in svg.get_attribute("aria-label")
    for link in page.locator("svg.bar a.segment").all()[:10]:
        label = link.get_attribute("aria-label")  # starts with what the segment shows: "B 12件: …"
        assert label.endswith("を検索") and re.match(r"^\S+ \d+件: ", label)
    tables = page.locator("details.table-alt table")
    assert tables.count() == 2
    page.locator("details.table-alt summary").first.click()
    assert tables.first.is_visible()


def test_ask_page_shows_an_aggregate_as_a_table_and_a_yes_no_with_its_quote(live, page):
    page.goto(live.url + "/ask?q=" + quote("進捗区分がEの取組が一番多いのはどの所管課ですか"))
    table = page.locator("table.ranking")
    assert table.is_visible()
    assert "所管課ごとの件数（件数の多い順）" in table.locator("caption").inner_text()
    first = table.locator("tbody tr").first
    assert first.locator("th").inner_text() == "危機管理課"
    assert [c.inner_text() for c in first.locator("td").all()] == ["1", "3", "18", "17%"]
    page.screenshot(path=str(SCREENSHOTS / "ask-aggregate.png"), full_page=True)
    first.locator("th a").click()  # the group's own search lists the rows counted
    page.wait_for_url("**/search?**")
    assert params_of(page.url)["department"] == ["危機管理課"] and params_of(page.url)["progress"] == ["E"]
    assert shown_total(page) == 3

    page.goto(live.url + "/ask?q=" + quote("国民保護訓練は令和3年度に実施されましたか"))
    assert page.locator(".answer .verdict").inner_text() == "いいえ"
    quote_text = page.locator(".citations blockquote").first.inner_text()
    assert "平成30年度を最後に実施していません" in quote_text
    assert page.locator(".citations a").first.get_attribute("href") == f"/evaluations/{rid(455)}"
    page.screenshot(path=str(SCREENSHOTS / "ask-yesno.png"), full_page=True)
