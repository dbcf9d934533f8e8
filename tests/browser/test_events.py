"""An organiser schedules a pitch day on a phone; visitors find it on /events and in the camp's feed."""

from datetime import timedelta
from urllib.request import urlopen

import pytest

from pitchday.berlin import to_local_naive
from pitchday.demo.foundation import DEMO_PASSWORD
from tests.browser.conftest import log_in_page as _log_in
from tests.events.conftest import future_day
from tests.events.ical_helpers import vevents

pytestmark = pytest.mark.browser


def _local(value):
    return to_local_naive(value).strftime("%Y-%m-%dT%H:%M")



def test_organiser_creates_and_publishes_an_event_with_two_blocks_on_a_phone(
        page, live_server, organiser, screenshot, axe):
    start = future_day(21, hour=18)
    _log_in(page, live_server, organiser)
    page.goto(live_server + "/camps/essen/events/new")
    page.fill("#title", "Pitch Day Essen: Wasserstoff")
    page.select_option("#type", "pitch_day")
    page.fill("#description", "Acht Startups aus der **Energiewende** pitchen vor Stadtwerken und Industrie.")
    page.fill("#starts_at", _local(start))
    page.fill("#ends_at", _local(start + timedelta(hours=3)))
    page.fill("#capacity", "90")
    page.locator("form.event-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/agenda" in page.url
    screenshot(page, "events-agenda-phone")

    for kind, title, begin, end in [("pitch_block", "Pitches", 30, 110), ("networking", "Networking", 120, 180)]:
        page.select_option("#kind", kind)
        page.fill("#title", title)
        page.fill("#starts_at", _local(start + timedelta(minutes=begin)))
        page.fill("#ends_at", _local(start + timedelta(minutes=end)))
        page.get_by_role("button", name="Hinzufügen").click()
        page.wait_for_load_state()
    assert page.locator(".agenda-block").count() == 2

    page.get_by_role("button", name="Veröffentlichen").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Pitch Day Essen: Wasserstoff"
    assert page.locator(".agenda-block").count() == 2
    assert "MEZ" in page.locator(".event-facts").inner_text()  # the zone is named
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator(".add-calendar summary").tap()
    assert page.get_by_role("link", name="Google Kalender").is_visible()
    screenshot(page, "events-page-phone")
    assert axe(page) == []

    page.goto(live_server + "/events/")
    assert page.get_by_role("link", name="Pitch Day Essen: Wasserstoff").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "events-list-phone")
    assert axe(page) == []

    with urlopen(live_server + "/camps/essen/calendar.ics", timeout=10) as response:  # noqa: S310 (local server)
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        items = vevents(response.read())
    assert [str(i["SUMMARY"]) for i in items] == ["Pitch Day Essen: Wasserstoff"]
    assert "Networking" in str(items[0]["DESCRIPTION"])


def test_form_errors_on_a_phone_keep_the_input(page, live_server, organiser, screenshot, axe):
    start = future_day(21)
    _log_in(page, live_server, organiser)
    page.goto(live_server + "/camps/essen/events/new")
    page.fill("#title", "Falsch herum")
    page.fill("#starts_at", _local(start))
    page.fill("#ends_at", _local(start - timedelta(hours=2)))
    page.locator("form.event-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#title").input_value() == "Falsch herum"
    assert page.locator("#ends_at-error").is_visible()
    screenshot(page, "events-form-error-phone", full_page=False)
    assert axe(page) == []


def test_demo_calendar_on_a_phone_camp_page_and_dashboard(page, live_server, db, screenshot, axe):
    from pitchday.demo import seed_all
    from pitchday.demo.events import DEMO_PITCH_DAY_TITLE
    from pitchday.models import User

    seed_all()
    page.goto(live_server + "/camps/essen")
    assert page.get_by_role("link", name=DEMO_PITCH_DAY_TITLE).first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "events-camp-essen-phone")
    assert axe(page) == []

    organiser = db.session.scalar(db.select(User).filter_by(email="orga-essen@pitchday.example"))
    page.goto(live_server + "/auth/login")
    page.fill("#email", organiser.email)
    page.fill("#password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(live_server + "/organise/")
    assert page.get_by_role("link", name=DEMO_PITCH_DAY_TITLE).is_visible()
    screenshot(page, "events-dashboard-phone")
    assert axe(page) == []
