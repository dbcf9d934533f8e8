"""Live pages for organisers (audience vote counts, jury results) at laptop (1280×800) and phone (390×844) size:
they reload by script while asked to, can be stopped, never use <meta http-equiv="refresh"> (axe: critical), and
pass axe with 0 critical and 0 serious violations."""

import pytest

from pitchday.demo.foundation import ADMIN_EMAIL, DEMO_PASSWORD
from tests.browser.test_frame import SIZES, sign_in
from tests.browser.test_tables import demo  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_live_pages_reload_by_script_and_pass_axe(browser, live_server, demo, size, axe):  # noqa: F811
    context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    for path, seconds in ((f"/events/{demo['event']}/vote?live=1", 10),
                          (f"/events/{demo['event']}/jury/results?live=1", 20)):
        page.goto(live_server + path)
        assert page.locator("meta[http-equiv=refresh]").count() == 0
        assert page.get_by_text(f"Diese Seite lädt sich alle {seconds} Sekunden neu.").is_visible()
        assert page.get_by_role("link", name="Jetzt neu laden").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
        assert axe(page) == [], path
    context.close()


def test_the_vote_page_reloads_itself_until_stopped(browser, live_server, demo):  # noqa: F811
    context = browser.new_context(**SIZES["laptop"], locale="de-DE")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/events/{demo['event']}/vote?live=1")
    page.evaluate("window.notReloaded = true")
    page.wait_for_function("() => !window.notReloaded", timeout=15_000)  # a reload clears the page's globals
    page.get_by_role("link", name="Nicht mehr neu laden").click()
    page.wait_for_load_state()
    assert "live=1" not in page.url
    assert page.get_by_role("link", name="Alle 10 Sekunden aktualisieren").count() == 1
    context.close()
