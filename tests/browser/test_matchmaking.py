"""On a phone: an industry attendee asks a pitching startup for a meeting, the startup accepts, and once the
organiser has placed it both see the meeting with its time and table."""

from datetime import timedelta

import pytest

from pitchday.berlin import to_local
from pitchday.database import utcnow, write_intent
from pitchday.services.matchmaking import meetings
from tests.conftest import create_user
from tests.matchmaking.conftest import add_pitch, make_event, register

pytestmark = pytest.mark.browser


def _log_in(page, base, email):
    page.goto(base + "/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", "correct horse battery")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_attendee_asks_startup_accepts_and_both_see_time_and_table(app, db, camps, browser, page, live_server,
                                                                    screenshot, axe):
    start = (utcnow() + timedelta(days=30)).replace(hour=13, minute=0, second=0, microsecond=0)
    event = make_event(db, camps["essen"], start=start, title="Pitch Day Energie")
    founder = create_user("founder@example.org", "Fiona Founder")
    alpha = add_pitch(db, event, "Alpha Energy", members=[founder])
    add_pitch(db, event, "Beta Logistics")
    reg = register(db, event, "Ina Industrie", organisation="Stahlwerk Demo AG")

    # The attendee, from the link in their ticket e-mail.
    page.goto(f"{live_server}/meet/{reg.ticket_secret}")
    card = page.locator(".lineup .card", has_text="Alpha Energy")
    card.locator("input[name=reason]").fill("Pilot für unser Werk in Duisburg")
    with page.expect_navigation():
        card.get_by_role("button", name="Alpha Energy um ein Gespräch bitten").tap()
    assert "Ihre Anfrage ist an Alpha Energy gesendet." in page.inner_text(".flashes")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "matchmaking-attendee-asked-phone")
    assert axe(page) == []

    # The startup, on another phone.
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True,
                                  has_touch=True, locale="de-DE", timezone_id="Europe/Berlin")
    startup_page = context.new_page()
    _log_in(startup_page, live_server, founder.email)
    url = f"{live_server}/startups/{alpha.id}/events/{event.id}/meet"
    startup_page.goto(url)
    request_row = startup_page.locator("#incoming + ul li", has_text="Ina Industrie")
    assert "Pilot für unser Werk in Duisburg" in request_row.inner_text()
    with startup_page.expect_navigation():
        request_row.get_by_role("button", name="Annehmen").tap()

    # The organiser places the agreed meetings (their grid has its own tests).
    db.session.rollback()  # end the test's read snapshot; the server wrote since (SQLite WAL)
    with app.test_request_context(), write_intent():
        meetings.set_tables(event, ["Tisch 7", "Tisch 8"])
        meetings.run_allocation(event)
        meeting = meetings.placed_meetings(event)[0]
        time = to_local(meeting.starts_at).strftime("%H:%M")
        db.session.commit()  # also ends the transaction, so the server can write again

    startup_page.goto(url)
    card = startup_page.locator(".meeting")
    assert time in card.inner_text() and "Tisch 7" in card.inner_text() and "Ina Industrie" in card.inner_text()
    assert startup_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(startup_page, "matchmaking-startup-meeting-phone")
    assert axe(startup_page) == []

    page.goto(f"{live_server}/meet/{reg.ticket_secret}")
    card = page.locator(".meeting")
    assert time in card.inner_text() and "Tisch 7" in card.inner_text() and "Alpha Energy" in card.inner_text()
    with page.expect_navigation():
        card.get_by_role("button", name="Bestätigen").tap()
    assert "Sie haben bestätigt" in page.locator(".meeting").inner_text()
    screenshot(page, "matchmaking-attendee-meeting-phone")
    assert axe(page) == []
    context.close()


def test_organiser_grid_and_impact_report_on_a_phone(app, db, camps, page, live_server, screenshot, axe, organiser):
    start = (utcnow() - timedelta(days=40)).replace(hour=12, minute=0, second=0, microsecond=0)
    event = make_event(db, camps["essen"], start=start, title="Pitch Day Rückblick")
    alpha = add_pitch(db, event, "Alpha Energy")
    regs = [register(db, event, name) for name in ("Ina Industrie", "Ole Ordnung")]
    with app.test_request_context():
        from pitchday.models.matchmaking import RequestSide
        from pitchday.services.matchmaking import requests as mm

        for reg in regs:
            mm.respond(mm.request_by_attendee(reg, alpha, reason="Pilot"), accept=True, side=RequestSide.STARTUP)
        meetings.set_tables(event, ["Tisch 1", "Tisch 2"])
        meetings.run_allocation(event)
        db.session.commit()
    db.session.rollback()
    _log_in(page, live_server, organiser.email)
    page.goto(f"{live_server}/events/{event.id}/matchmaking/")
    assert "Alpha Energy" in page.inner_text(".grid-table")
    screenshot(page, "matchmaking-organiser-grid-phone")
    assert axe(page) == []
    page.goto(f"{live_server}/impact/?period=year")
    assert page.locator(".charts svg[role=img]").count() == 4
    screenshot(page, "impact-report-phone")
    assert axe(page) == []
