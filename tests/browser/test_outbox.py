"""The mail log and the decision mails page on a phone and on a desktop: from the dashboard to a ticket mail, and
a ticket the worker has not composed yet, composed for the page."""

import pytest

from pitchday import mail
from pitchday.database import write_intent
from pitchday.models import Application, ApplicationStatus
from pitchday.services.registrations import seats
from tests.applications.conftest import make_startup
from tests.browser.conftest import DESKTOP
from tests.conftest import PASSWORD, create_user, deliver_outbox
from tests.registrations.conftest import create_event

pytestmark = pytest.mark.browser


@pytest.fixture
def mails(app, db, camps, organiser):
    event = create_event(db, camps["essen"], capacity=50)
    for n in range(3):
        mail.queue(mail.Mail(to=f"gast{n}@example.org", subject=f"Ihr Ticket für {event.title}", text="Hallo",
                             event_id=event.id, template="registrations_ticket"))
    db.session.commit()
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=9)  # nobody listens: failed
    deliver_outbox(app)
    founder = create_user("fenja@example.org", "Fenja Gründerin", locale="en")
    startup = make_startup(db, founder, name="Gridwise")
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED)
    db.session.add(application)
    db.session.commit()
    from flask import current_app

    from pitchday.services.applications import selection

    with current_app.test_request_context("/"):
        selection.decide(application, ApplicationStatus.SHORTLISTED, by=organiser)
        selection.decide(application, ApplicationStatus.ACCEPTED, by=organiser)
    db.session.commit()
    # A registration's ticket the worker has not composed yet: the log composes it for the page.
    with write_intent():
        seats.register(event, name="Lena Weber", email="lena@example.org", attendee_type="industry")
        db.session.commit()
    return event


def _look(page, live_server, event, screenshot, axe, size):
    page.goto(live_server + "/auth/login")
    page.fill("#email", "orga@example.org")
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(live_server + "/organise/")
    with page.expect_navigation():
        page.locator(f'a[href="/events/{event.id}/mails"]').click()
    page.fill("#q", "gast1@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Suchen").click()
    page.locator("td", has_text="vorerst fehlgeschlagen, wird wiederholt").wait_for()
    assert page.locator("td", has_text="gast0@example.org").count() == 0
    assert axe(page) == []
    screenshot(page, f"outbox-log-{size}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width
    page.goto(f"{live_server}/events/{event.id}/mails?q=lena%40example.org")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Ihr Ticket für {event.title}").click()
    page.get_by_text("wartet auf Versand").wait_for()
    assert "/tickets/" in page.locator("pre.mail-text").inner_text()
    assert axe(page) == []
    screenshot(page, f"outbox-message-waiting-{size}")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.goto(f"{live_server}/events/{event.id}/decision-mails")
    page.get_by_text("Accepted: Gridwise pitches at").wait_for()
    assert axe(page) == []
    screenshot(page, f"outbox-decisions-{size}")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_mail_log_and_decision_mails_on_a_phone(page, live_server, mails, screenshot, axe):
    _look(page, live_server, mails, screenshot, axe, "phone")


def test_mail_log_and_decision_mails_on_a_desktop(browser, live_server, mails, screenshot, axe):
    context = browser.new_context(**{**DESKTOP, "viewport": {"width": 1280, "height": 800}}, locale="de-DE",
                                  timezone_id="Europe/Berlin")
    try:
        _look(context.new_page(), live_server, mails, screenshot, axe, "desktop")
    finally:
        context.close()
