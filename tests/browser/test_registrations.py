"""At phone size: an attendee registers for the demo pitch day, gets the e-mail, opens the ticket, adds the event
to the calendar, prints it, and later cancels; the first on the waiting list is promoted and e-mailed."""

import re

import pytest
import sqlalchemy as sa
from icalendar import Calendar
from playwright.sync_api import expect

from pitchday.database import write_intent
from pitchday.demo import seed_all
from pitchday.models import Registration
from pitchday.services.registrations import seats as registrations
from tests.browser.conftest import log_in_page

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_event(db):
    from pitchday.demo.events import demo_pitch_day
    from pitchday.models import RegistrationStatus

    seed_all()
    event = demo_pitch_day()
    taken = db.session.scalar(sa.select(sa.func.count()).select_from(Registration)
                              .filter_by(event_id=event.id, status=RegistrationStatus.CONFIRMED))
    event.capacity = taken + 1  # our attendee takes the last seat
    db.session.commit()
    return event


def test_attendee_registers_gets_ticket_cancels_and_the_next_is_promoted(page, live_server, db, demo_event,
                                                                         outbox, screenshot, axe):
    page.goto(f"{live_server}/events/{demo_event.id}/register")
    assert page.get_by_text("Noch 1 Platz frei.").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "registrations-form-phone")
    assert axe(page) == []

    page.get_by_label("Name").fill("Clara Neumann")
    page.get_by_label("E-Mail").fill("clara@example.org")
    page.get_by_label("Organisation").fill("Neumann Energietechnik GmbH")
    page.get_by_label("Ich nehme teil als").select_option("industry")
    page.get_by_label("Ich bin einverstanden").check()
    page.get_by_role("button", name="Anmelden").tap()
    page.wait_for_url(re.compile(r"/tickets/"))

    # Someone else arrives after the last seat has gone: waiting list.
    db.session.rollback()  # a fresh transaction, begun as a writer (BEGIN IMMEDIATE on SQLite)
    with write_intent():
        registrations.register(demo_event, name="Wanda Wartend", email="wanda@example.org", attendee_type="investor")
        db.session.commit()

    mail = next(m for m in outbox() if m["To"] == "clara@example.org")
    assert mail["Subject"] == f"Ihr Ticket für {demo_event.title}"
    link = re.search(r"http://\S+/tickets/\S+", mail.get_body(("plain",)).get_content()).group(0)
    page.goto(link)
    assert page.get_by_role("heading", name=demo_event.title).is_visible()
    assert page.get_by_text("Clara Neumann").is_visible()
    qr = page.get_by_role("img", name="QR-Code Ihres Tickets: am Einlass vorzeigen")
    assert qr.bounding_box()["width"] >= 300  # big enough to scan from the phone's screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "registrations-ticket-phone")
    assert axe(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="In den Kalender").tap()
    with open(download.value.path(), "rb") as fh:
        vevent = Calendar.from_ical(fh.read()).walk("VEVENT")[0]
    assert str(vevent["UID"]) == demo_event.uid

    page.emulate_media(media="print")
    screenshot(page, "registrations-ticket-print")
    assert not page.get_by_role("link", name="In den Kalender").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # the ticket prints on one A4 page
    page.emulate_media(media="screen")

    page.get_by_text("Anmeldung stornieren", exact=True).tap()
    page.get_by_role("button", name="Ja, Anmeldung stornieren").tap()
    expect(page.get_by_text("Diese Anmeldung ist storniert.")).to_be_visible()
    screenshot(page, "registrations-ticket-cancelled-phone")

    promotion = [m for m in outbox() if m["To"] == "wanda@example.org"][-1]
    assert promotion["Subject"] == f"Ein Platz ist frei für Sie: {demo_event.title}"
    db.session.rollback()
    wanda = db.session.scalar(sa.select(Registration).filter_by(email="wanda@example.org"))
    assert str(wanda.status) == "confirmed"


def test_organiser_sees_the_lists_on_a_phone(page, live_server, db, demo_event, screenshot, axe):
    from tests.conftest import create_user

    db.session.rollback()
    with write_intent():
        registrations.register(demo_event, name="Wanda Wartend", email="wanda@example.org", attendee_type="investor")
        registrations.register(demo_event, name="Xaver Zuletzt", email="xaver@example.org", attendee_type="other")
        db.session.commit()
    from pitchday.enums import Role
    from pitchday.models import Camp
    from pitchday.services.accounts import roles

    organiser = create_user("orga-test@example.org", "Olga Orga")
    roles.grant(actor=None, user=organiser, role=Role.CAMP_ORGANISER, camp=db.session.get(Camp, demo_event.camp_id))
    db.session.commit()
    log_in_page(page, live_server, organiser)
    page.goto(f"{live_server}/events/{demo_event.id}/registrations/")
    expect(page.get_by_role("heading", name=re.compile("Warteliste"))).to_be_visible()
    waiting = page.locator("section", has=page.locator("#waiting-h"))
    assert waiting.get_by_text("Xaver Zuletzt").is_visible()
    screenshot(page, "registrations-organiser-phone")
    assert axe(page) == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_organiser_prepares_a_large_export_in_the_background(sized_page, live_server, app, db, demo_event,
                                                             screenshot, axe, size):
    """Above the configured size the list offers a file prepared by the worker; once written it is a download."""
    from pitchday.enums import Role
    from pitchday.models import Camp, PreparedExport
    from pitchday.services.accounts import roles
    from pitchday.services.exports import prepared
    from tests.browser.sizes import fits
    from tests.conftest import create_user

    app.config["EXPORT_IN_WORKER_FROM"] = 1
    organiser = create_user("orga-export@example.org", "Olga Orga")
    roles.grant(actor=None, user=organiser, role=Role.CAMP_ORGANISER, camp=db.session.get(Camp, demo_event.camp_id))
    db.session.commit()
    page = sized_page(size)
    log_in_page(page, live_server, organiser)
    page.goto(f"{live_server}/events/{demo_event.id}/registrations/")
    with page.expect_navigation():
        page.get_by_role("button", name="Deutsches Format vorbereiten").click()
    expect(page.get_by_text("Die Datei wird vorbereitet")).to_be_visible()
    expect(page.get_by_role("cell", name="Wird vorbereitet")).to_be_visible()
    db.session.rollback()
    export = db.session.scalars(sa.select(PreparedExport)).one()
    prepared.prepare(export.id)  # what the worker does
    page.reload()
    link = page.get_by_role("link", name=re.compile(r"Herunterladen \([\d,]+ [KM]B\)"))
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"registrations-event-{demo_event.id}.csv"
    assert fits(page, size)
    screenshot(page, f"registrations-prepared-export-{size}")
    assert axe(page) == []
