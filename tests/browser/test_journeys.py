"""Journeys of issue 16 at both sizes (1280×800 and 390×844): a postponed event pauses registration with a
note (point 10)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pitchday.database import utcnow
from pitchday.extensions import db
from pitchday.models import Event, EventStatus, EventType
from pitchday.services.events import schedule as events
from tests.browser.sizes import fits, new_page

pytestmark = pytest.mark.browser
SIZES = ["desktop", "phone"]


@pytest.fixture
def event(db, camps):
    start = (utcnow() + timedelta(days=30)).replace(hour=17, minute=0, second=0, microsecond=0)
    event = Event(camp=camps["essen"], title="Pitch Day Energie", type=EventType.PITCH_DAY, starts_at=start,
                  ends_at=start + timedelta(hours=3), status=EventStatus.PUBLISHED, capacity=50,
                  venue_name="Deutschland-Haus", venue_address="Lindenallee 10, 45127 Essen")
    db.session.add(event)
    db.session.commit()
    return event


@pytest.mark.parametrize("size", SIZES)
def test_registration_pauses_with_a_note_while_the_new_date_is_open(live_server, browser, event, organiser, size,
                                                                    screenshot, axe):
    events.postpone(event, by=organiser)
    db.session.commit()
    page = new_page(browser, size)
    page.goto(f"{live_server}/events/{event.id}")
    note = page.locator("#registration-h ~ .notice")
    expect(note).to_contain_text("Die Anmeldung ruht")
    expect(note).to_contain_text("Bestehende Anmeldungen bleiben gültig")
    assert page.locator("#registration-h ~ form").count() == 0  # no form to fill in for nothing
    assert fits(page, size)
    screenshot(page, f"event-postponed-{size}")
    assert axe(page) == []
