"""The home and camp pages as visitors see them on a phone and on a desktop."""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser


def test_home_page_on_a_phone_shows_the_camps_and_passes_axe(page, live_server, camps, screenshot, axe):
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text().startswith("Wo Startups")
    cards = page.locator(".cards .card h3 a")
    assert cards.count() == 6
    assert "Camp Essen" in cards.all_inner_texts()
    # Nothing wider than the phone: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "home-phone")
    assert axe(page) == []


def test_menu_opens_with_a_tap_on_a_phone(page, live_server, camps):
    page.goto(live_server + "/")
    page.get_by_text("Menü").tap()
    assert page.get_by_role("link", name="Anmelden").is_visible()


def test_camp_page_on_a_phone(page, live_server, camps, screenshot, axe):
    page.goto(live_server + "/camps/essen")
    assert "Lindenallee 10" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "camp-essen-phone")
    assert axe(page) == []


def test_home_page_on_a_desktop(browser, live_server, camps, screenshot, axe):
    context = browser.new_context(**DESKTOP, locale="en-GB")
    page = context.new_page()
    page.goto(live_server + "/")
    assert page.locator(".cards .card").count() == 6
    screenshot(page, "home-desktop")
    assert axe(page) == []
    context.close()


def test_language_switch_changes_the_page_to_english_and_is_remembered(page, live_server, camps):
    page.goto(live_server + "/camps/")
    page.get_by_role("button", name="EN", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Camps"
    page.goto(live_server + "/auth/login")
    assert page.locator("h1").inner_text() == "Log in"
