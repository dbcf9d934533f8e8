"""The impact report over the seeded demo, at laptop (1280×800) and phone (390×844) size: headline figures
first, then a line chart per figure with a line per camp (pygal SVG drawn into the page, styled from a
same-origin stylesheet, nothing the strict CSP refuses), then the table; the print view keeps the charts."""

import pytest

from pitchday.demo.foundation import ADMIN_EMAIL, DEMO_PASSWORD
from tests.browser.test_frame import SIZES, sign_in
from tests.browser.test_tables import demo  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

HEADLINES = ["Durchgeführte Veranstaltungen", "Anwesenheitsquote", "Gäste aus der Industrie",
             "Vermittelte Gespräche", "Ergebnisse"]


def top(page, selector):
    return page.locator(selector).first.bounding_box()["y"]


@pytest.mark.parametrize("size", list(SIZES))
def test_headlines_then_lines_per_camp_then_the_table(browser, live_server, demo, size, screenshot, axe):  # noqa: F811
    context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/impact/")

    assert page.locator(".headline dt").all_inner_texts() == HEADLINES
    assert all(text.strip() not in ("", "–") for text in page.locator(".headline dd").all_inner_texts())
    assert top(page, ".headline") < top(page, ".charts") < top(page, "table.figures")

    charts = page.locator(".charts svg[role=img]")
    assert charts.count() == 4
    assert charts.first.get_attribute("aria-label") == "Anmeldungen"
    camps = page.locator(".charts figure").first.locator(".sr-only table tbody th").all_inner_texts()
    assert len(camps) >= 2  # a line per camp, and the same figures as a table for screen readers
    width = page.viewport_size["width"]
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box["width"] > 300 and box["x"] + box["width"] <= width
    # Styled by the served stylesheet: the first camp's line is drawn in the first colour, not unstyled black.
    stroke = page.evaluate("getComputedStyle(document.querySelector('.charts svg .serie-0 .line')).stroke")
    assert stroke == "rgb(11, 79, 108)"
    assert refused == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"impact-report-{size}")
    assert axe(page) == []

    page.goto(f"{live_server}/impact/print")
    page.emulate_media(media="print")
    assert page.locator(".charts svg[role=img]").count() == 4
    assert page.locator(".charts svg[role=img]").first.is_visible()
    assert refused == []
    context.close()
