"""The frame every page shares, at laptop (1280×800) and phone (390×844) size: the navigation is visible on a
laptop, one tap away on a phone, offers what the visitor's role allows, and logging out works from it."""

import pytest

from tests.browser.conftest import complete_two_step_page
from tests.browser.conftest import log_in_page as sign_in

pytestmark = pytest.mark.browser

LAPTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
SIZES = {"laptop": LAPTOP, "phone": PHONE}


@pytest.fixture(params=list(SIZES))
def sized_page(request, browser):
    """A German page at each of the two sizes; yields (page, size name)."""
    context = browser.new_context(**SIZES[request.param], locale="de-DE", timezone_id="Europe/Berlin")
    yield context.new_page(), request.param
    context.close()



def nav(page):
    return page.get_by_role("navigation", name="Hauptnavigation")


def open_menu_if_phone(page, size):
    if size == "phone":
        button = page.get_by_role("button", name="Menü")
        assert button.is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        button.tap()
        assert button.get_attribute("aria-expanded") == "true"


def no_sideways_scrolling(page):
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_visitor_sees_the_public_links_and_log_in(sized_page, live_server, camps, axe):
    page, size = sized_page
    page.goto(live_server + "/")
    links = nav(page).get_by_role("link")
    if size == "laptop":  # the links themselves, no menu to open
        assert not page.get_by_role("button", name="Menü").is_visible()
        for name in ("Veranstaltungen", "Camps", "Startups", "Anmelden"):
            assert nav(page).get_by_role("link", name=name, exact=True).is_visible(), name
    else:  # one tap away
        assert not nav(page).get_by_role("link", name="Anmelden").is_visible()
        open_menu_if_phone(page, size)
        assert nav(page).get_by_role("link", name="Anmelden").is_visible()
    names = links.all_inner_texts()
    assert "Organisieren" not in names and "Verwaltung" not in names and "Mein Konto" not in names
    no_sideways_scrolling(page)
    assert axe(page) == []


def test_an_organiser_reaches_the_dashboard_and_logs_out(sized_page, live_server, organiser, screenshot, axe):
    page, size = sized_page
    sign_in(page, live_server, organiser.email)
    page.goto(live_server + "/events/")
    open_menu_if_phone(page, size)
    for name in ("Veranstaltungen", "Camps", "Startups", "Organisieren", "Mein Konto"):
        assert nav(page).get_by_role("link", name=name, exact=True).is_visible(), name
    assert "Verwaltung" not in nav(page).get_by_role("link").all_inner_texts()
    assert not nav(page).get_by_role("link", name="Anmelden").count()
    no_sideways_scrolling(page)
    screenshot(page, f"frame-organiser-menu-{size}", full_page=False)
    assert axe(page) == []

    nav(page).get_by_role("link", name="Organisieren").click()
    page.wait_for_url("**/organise/**")
    assert page.locator("h1").inner_text() == "Veranstaltungen Ihrer Camps"
    open_menu_if_phone(page, size)
    nav(page).get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()
    open_menu_if_phone(page, size)
    assert nav(page).get_by_role("link", name="Anmelden").is_visible()


def test_a_hub_admin_sees_admin_and_the_bar_fits(sized_page, live_server, hub_admin, screenshot, axe):
    page, size = sized_page
    sign_in(page, live_server, hub_admin.email)
    complete_two_step_page(page, hub_admin)  # hub admins type a two-step code (issue 14)
    page.goto(live_server + "/")
    open_menu_if_phone(page, size)
    assert nav(page).get_by_role("link", name="Verwaltung", exact=True).is_visible()
    assert nav(page).get_by_role("button", name="Abmelden").is_visible()
    if size == "laptop":  # every link inside the header, none pushed off the side
        for box in [link.bounding_box() for link in nav(page).get_by_role("link").all()]:
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    no_sideways_scrolling(page)
    screenshot(page, f"frame-hub-admin-{size}", full_page=False)
    assert axe(page) == []


def test_escape_closes_the_phone_menu(browser, live_server, camps):
    context = browser.new_context(**PHONE, locale="de-DE")
    page = context.new_page()
    page.goto(live_server + "/")
    open_menu_if_phone(page, "phone")
    page.keyboard.press("Escape")
    button = page.get_by_role("button", name="Menü")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav(page).get_by_role("link", name="Anmelden").is_visible()
    context.close()
