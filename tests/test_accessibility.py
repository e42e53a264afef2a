"""Accessibility in a real headless Chromium (Debian's): axe-core on every page type, the skip link,
focus after a filter toggle, the focus ring's contrast, an h1 and names that contain what they show."""

from urllib.parse import quote

import pytest

from .conftest import PHONE, rid

CORONA = quote("コロナ")
PAGES = {
    "home": "/",
    "search": f"/search?q={CORONA}&progress=D",
    "search-table": f"/search?q={CORONA}&view=table&progress=D",
    "search-grouped": f"/search?q={CORONA}&group=department&progress=D",
    "no-results": "/search?q=" + quote("空き屋") + "&progress=E",
    "record": f"/evaluations/{rid(572)}",
    "record-marked": f"/evaluations/{rid(153)}?q={CORONA}",
    "ask-form": "/ask",
    "answer": "/ask?q=" + quote("電子申請システムへの入替を実施したのはどの課ですか"),
    "overview": "/overview?dept_sort=rate",
    "plan": "/plan",
    "department": "/departments/" + quote("企画課"),
    "legend": "/legend",
    "not-found": "/evaluations/none:1",
    "bad-request": "/search?page=0",
}



@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_or_critical_violation_and_names_match(live, page, name):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(live.url + PAGES[name])
    # Check folded parts too (the first few: axe's time grows with the page).
    page.locator("details").evaluate_all("all => all.slice(0, 4).forEach(d => d.open = true)")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}: "
                                    f"{[n['target'] for n in v['nodes'][:3]]}" for v in serious)
    assert page.locator("h1").count() == 1 and page.locator("h1").is_visible()
    # Names contain what is shown (WCAG 2.5.3; axe's own rule for it is experimental, off by default).
    mismatches = page.evaluate("""() => {
        const squash = (s) => (s || "").replace(/\\s+/g, "");
        const visible = (e) => {
            const copy = e.cloneNode(true);
            copy.querySelectorAll('[aria-hidden="true"], title').forEach((n) => n.remove());
            return squash(copy.textContent);
        };
        return [...document.querySelectorAll("a[aria-label], button[aria-label], [role=button][aria-label]")]
            .filter((e) => visible(e) && !squash(e.getAttribute("aria-label")).includes(visible(e)))
            .map((e) => [e.getAttribute("aria-label"), visible(e)]);
    }""")
    assert mismatches == []


def contrast(page, selector: str, prop: str) -> float:
    """WCAG contrast between an element's ``prop`` colour and the white page behind it."""
    return page.evaluate("""([selector, prop]) => {
        const rgb = getComputedStyle(document.querySelector(selector))[prop].match(/\\d+/g).slice(0, 3).map(Number);
        const lum = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        const l = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
        return 1.05 / (l + 0.05);
    }""", [selector, prop])


def test_focus_ring_and_greyed_filters_have_enough_contrast(live, page):
    page.goto(live.url + f"/search?q={CORONA}")
    page.locator("#q").focus()
    page.keyboard.press("Tab")  # a keyboard focus: :focus-visible applies
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 2
    assert page.evaluate("""() => {
        const rgb = getComputedStyle(document.activeElement).outlineColor.match(/\\d+/g).slice(0, 3).map(Number);
        const lum = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 1.05 / (0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]) + 0.05);
    }""") >= 3
    assert page.locator(".facet label.zero").count() > 0
    assert contrast(page, ".facet label.zero", "color") >= 4.5


def test_skip_link_goes_to_the_results(live, page):
    page.goto(live.url + f"/search?q={CORONA}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "検索結果へ移動"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.closest('li.hit, nav.views') !== null")
    assert first  # the next stop is in the results, past the form and ~60 filters


def test_toggling_a_filter_keeps_focus_on_it(live, page):
    page.goto(live.url + f"/search?q={CORONA}")
    box = page.locator('#facet-progress input[value="D"]')
    box.focus()
    with page.expect_navigation():
        page.keyboard.press("Space")  # the script submits the form
    assert page.evaluate("[document.activeElement.name, document.activeElement.value, document.activeElement.checked]") == ["progress", "D", True]
    with page.expect_navigation():
        page.locator('#facet-progress input[value="E"]').press("Space")
    assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == ["progress", "E"]
    assert "progress=D&progress=E" in page.url


def test_phone_filter_panel_stays_open_while_choosing(live, browser):
    context = browser.new_context(viewport=PHONE, locale="ja-JP", has_touch=True)
    try:
        page = context.new_page()
        page.goto(live.url + f"/search?q={CORONA}")
        panel = page.locator("#facet-panel")
        assert panel.get_attribute("open") is None  # folded on arrival
        page.locator("#facets-title").tap()
        for grade in ("D", "E"):
            with page.expect_navigation():
                page.locator(f'#facet-progress input[value="{grade}"]').tap()
            assert panel.get_attribute("open") is not None, grade  # still open for the next tap
        assert page.locator('#facet-progress input[value="D"]').is_checked()
        assert page.locator('#facet-progress input[value="E"]').is_checked()
        assert page.evaluate("document.activeElement.value") == "E"
    finally:
        context.close()
