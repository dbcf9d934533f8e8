"""Journeys of issue 16 at both sizes (1280×800 and 390×844): a postponed event pauses registration with a
note (point 10); cancelling sends a confirmation, deleting one's data ends on a page saying what was deleted
(point 11)."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pitchday.database import utcnow, write_intent
from pitchday.extensions import db
from pitchday.models import Event, EventStatus, EventType
from pitchday.services.events import schedule as events
from pitchday.services.registrations import seats as registrations
from tests.browser.conftest import log_in_page as _log_in
from tests.browser.sizes import fits

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
def test_registration_pauses_with_a_note_while_the_new_date_is_open(live_server, sized_page, event, organiser, size,
                                                                    screenshot, axe):
    events.postpone(event, by=organiser)
    db.session.commit()
    page = sized_page(size)
    page.goto(f"{live_server}/events/{event.id}")
    note = page.locator("#registration-h ~ .notice")
    expect(note).to_contain_text("Die Anmeldung ruht")
    expect(note).to_contain_text("Bestehende Anmeldungen bleiben gültig")
    assert page.locator("#registration-h ~ form").count() == 0  # no form to fill in for nothing
    assert fits(page, size)
    screenshot(page, f"event-postponed-{size}")
    assert axe(page) == []


def _register(event, email="nina@example.org"):
    db.session.rollback()
    with write_intent():
        registration = registrations.register(event, name="Nina Neumann", email=email,
                                              organisation="Neumann GmbH", attendee_type="industry").registration
        secret = registration.ticket_secret
        db.session.commit()  # and no read after it: with write intent that read would hold the server's writes up
    return secret


@pytest.mark.parametrize("size", SIZES)
def test_cancelling_sends_a_confirmation_mail(live_server, sized_page, event, outbox, size, screenshot, axe):
    secret = _register(event)
    page = sized_page(size)
    page.goto(f"{live_server}/tickets/{secret}")
    page.get_by_text("Anmeldung stornieren", exact=True).click()
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()
    expect(page.get_by_text("Diese Anmeldung ist storniert.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Wir haben Ihnen eine Bestätigung an nina@example.org geschickt.")
    mails = [m for m in outbox() if m["To"] == "nina@example.org"]
    assert mails[-1]["Subject"] == "Storniert: Ihre Anmeldung für Pitch Day Energie"
    text = mails[-1].get_body(("plain",)).get_content()
    assert "Ihre Anmeldung für Pitch Day Energie ist storniert" in text
    assert fits(page, size)
    assert axe(page) == []


@pytest.mark.parametrize("size", SIZES)
def test_deleting_ones_data_ends_on_a_page_that_says_what_was_deleted(live_server, sized_page, event, size,
                                                                      screenshot, axe):
    secret = _register(event)
    page = sized_page(size)
    page.goto(f"{live_server}/tickets/{secret}")
    page.get_by_text("Meine Daten löschen", exact=True).click()
    page.get_by_role("button", name="Ja, meine Daten löschen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Daten sind gelöscht")
    main = page.locator("main")
    expect(main).to_contain_text("Was gelöscht wurde")
    expect(main).to_contain_text("Ihr Name, Ihre E-Mail-Adresse und Organisation")
    expect(main).to_contain_text("Ihr Ticket mit seinem QR-Code")
    expect(main).to_contain_text("Was bleibt")
    expect(main).not_to_contain_text("Nina Neumann")  # nothing that names the person is shown again
    assert fits(page, size)
    screenshot(page, f"registration-deleted-{size}")
    assert axe(page) == []
    # Reloading or switching the language does not end on a 404.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihre Daten sind gelöscht")
    page.locator("form.lang button[value=en]").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Your data is deleted"))


@pytest.fixture
def founder_setup(db, camps):
    from pitchday.models import StartupMember
    from pitchday.services.jury import rubric as jury_rubric
    from tests.conftest import create_user
    from tests.jury.conftest import make_event, pitches

    pitch_day = make_event(camps["essen"], title="Pitch Day Ruhr", n_pitches=3)
    jury_rubric.add_default_rubric(pitch_day)
    founder = create_user("frida@example.org", "Frida Founder")
    startup = pitches(pitch_day)[1].startup
    db.session.add(StartupMember(startup_id=startup.id, user_id=founder.id))
    db.session.commit()
    return pitch_day, founder, startup



@pytest.mark.parametrize("size", SIZES)
def test_a_founder_finds_slot_meetings_and_feedback_and_a_refusal_says_why(live_server, sized_page, founder_setup,
                                                                           size, screenshot, axe):
    pitch_day, founder, startup = founder_setup
    page = sized_page(size)
    _log_in(page, live_server, founder)
    page.goto(f"{live_server}/events/{pitch_day.id}")
    corner = page.locator(".founder-panel")
    expect(corner).to_contain_text("Für Ihr Startup")
    expect(corner).to_contain_text(startup.name)
    expect(corner).to_contain_text("Ihr Pitch-Slot")
    expect(corner.get_by_role("link", name="Anfragen für Treffen sehen, beantworten und senden")).to_be_visible()
    expect(corner).to_contain_text("Feedback der Jury: erscheint hier, sobald")
    assert fits(page, size)
    screenshot(page, f"founder-event-{size}")
    assert axe(page) == []

    # The attendees' meeting page refuses a founder, says why and links to the startup's own page.
    page.goto(f"{live_server}/events/{pitch_day.id}/meet")
    expect(page.locator("main")).to_contain_text(f"Als Mitglied von {startup.name}")
    assert fits(page, size)
    screenshot(page, f"refused-meet-{size}")
    assert axe(page) == []
    page.get_by_role("link", name=f"Anfragen für Treffen von {startup.name}").click()
    expect(page).to_have_url(re.compile(f"/startups/{startup.id}/events/{pitch_day.id}/meet$"))
