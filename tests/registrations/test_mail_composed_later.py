"""Registration mails are written as a reference and composed by the worker when it sends them (a registration
holds SQLite's write lock while it writes its mail): what arrives is the full ticket, the mail log shows it before
and after, and a mail whose news is no longer true by then is not sent."""

import re

import sqlalchemy as sa

from pitchday.models import Registration
from pitchday.services.registrations import seats
from pitchday.services.registrations.retention import anonymise
from tests.conftest import log_in
from tests.outbox.test_delivery import register, rows


def _registration(db, n) -> Registration:
    return db.session.scalar(sa.select(Registration).where(Registration.email == f"p{n}@example.org"))


def test_the_request_writes_a_reference_and_the_worker_composes_the_full_ticket(app, db, client, event, outbox):
    register(client, event, 0)
    [row] = rows(db)
    assert (row.subject, row.body_text, row.attachments) == ("", "", [])
    assert row.composer["kind"] == "registration" and row.template == "registrations_ticket"

    [message] = outbox()
    secret = _registration(db, 0).ticket_secret
    assert message["To"] == "p0@example.org" and message["Message-ID"] == row.message_id
    assert message["Subject"] == f"Ihr Ticket für {event.title}"
    parts = {part.get_content_type(): part for part in message.walk()}
    assert secret in parts["text/plain"].get_content()
    assert {"image/png", "text/calendar"} <= set(parts)
    # Stored once sent: the mail log shows and resends exactly what went out.
    [row] = rows(db)
    assert row.composer is None and row.subject == message["Subject"] and secret in row.body_text


def test_a_ticket_cancelled_before_the_worker_sends_it_is_not_sent_the_cancellation_is(app, db, client, event,
                                                                                       outbox):
    register(client, event, 0)
    seats.cancel_own(_registration(db, 0))
    db.session.commit()
    messages = outbox()
    assert [m["Subject"] for m in messages] == [f"Storniert: Ihre Anmeldung für {event.title}"]
    ticket, cancellation = rows(db)
    assert str(ticket.state) == "discarded" and "Nothing to send" in ticket.last_error
    assert str(cancellation.state) == "delivered"


def test_nothing_is_sent_for_a_registration_anonymised_before_its_mail_went_out(app, db, client, event, outbox):
    register(client, event, 0)
    anonymise(_registration(db, 0))  # as the retention purge does; "delete my data" forgets the row outright
    db.session.commit()
    assert outbox() == []
    [row] = rows(db)
    assert str(row.state) == "discarded" and "Nothing to send" in row.last_error


def test_the_mail_log_shows_and_resends_a_message_the_worker_has_not_composed_yet(app, db, client, event,
                                                                                organiser, outbox):
    register(client, event, 0)
    log_in(client, organiser)
    page = client.get(f"/events/{event.id}/mails").get_data(as_text=True)
    assert f"Ihr Ticket für {event.title}</a>" in page and "wartet auf Versand" in page
    link = re.search(r'href="(/mails/\d+)"', page).group(1)
    message = client.get(link).get_data(as_text=True)
    assert f"<h1>Ihr Ticket für {event.title}</h1>" in message
    assert _registration(db, 0).ticket_secret in message
    response = client.post_form(link + "/resend", page=link)
    assert response.status_code == 302
    assert [m["To"] for m in outbox()] == ["p0@example.org", "p0@example.org"]
    original, copy = rows(db)
    assert copy.resent_from_id == original.id and copy.subject == original.subject
