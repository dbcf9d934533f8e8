"""A visitor finds the region's startups on a phone and a desktop: filter, open a profile, switch to English."""

import pytest

from tests.browser.conftest import DESKTOP
from tests.showcase.conftest import award, make_startup, pitch, pitch_day

pytestmark = pytest.mark.browser


@pytest.fixture
def showcase_data(db, camps):
    essen = pitch_day(db, camps["essen"], title="Pitch Day Essen Herbst")
    gridwise = make_startup(db, "Gridwise", sectors="energy", team_size=7)
    award(db, pitch(db, essen, gridwise), "1. Platz der Jury")
    for n, sector in enumerate(["logistics", "health", "fintech", "energy", "mobility"]):
        pitch(db, essen, make_startup(db, f"Ruhrstartup {n}", sectors=sector, team_size=3 + n))
    make_startup(db, "Stealthco", public=False)
    return essen


def _browse(page, base, width, screenshot, axe, name):
    page.goto(base + "/startups/")
    assert page.locator(".startup-card").count() == 6
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe(page) == []
    screenshot(page, f"showcase-{name}")
    page.select_option("#sector", "energy")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state()
    assert page.locator(".startup-card").count() == 2
    assert "sector=energy" in page.url
    page.get_by_role("link", name="Gridwise").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Gridwise"
    assert "1. Platz der Jury" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe(page) == []
    screenshot(page, f"showcase-profile-{name}")


def test_a_visitor_browses_the_showcase_on_a_phone(page, live_server, showcase_data, screenshot, axe):
    _browse(page, live_server, 390, screenshot, axe, "phone")
    page.goto(live_server + "/startups/?lang=en")
    assert page.locator("h1").inner_text() == "Startups of the Ruhr region"
    assert "Stealthco" not in page.content()


def test_the_showcase_on_a_desktop(browser, live_server, showcase_data, screenshot, axe):
    context = browser.new_context(**DESKTOP, locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    try:
        _browse(page, live_server, 1280, screenshot, axe, "desktop")
    finally:
        context.close()
