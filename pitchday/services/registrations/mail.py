"""E-mails to attendees, in their own language: ticket (confirmed, promoted, re-sent, reminder), waiting list and
the confirmation of a cancellation, each composed by the worker when it sends it.

Ticket mails carry the QR code as an inline PNG, the ticket link and the event as an .ics attachment.
"""

from flask import current_app, has_request_context

from ... import mail
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus
from ..calendar.entries import event_file
from .tickets import qr_png
from .waiting_list import waiting_position

QR_CID = "ticket-qr@pitchday"


def _qr(secret: str) -> bytes:
    return qr_png(secret, box_size=8)


def _event_ics(event_id: int) -> bytes:
    return event_file(db.session.get(Event, event_id))


# Drawn by the worker when it sends, from the ticket's secret and the event's id: drawing the QR code is the
# slowest part of a ticket mail.
mail.register_attachment("ticket_qr", _qr)
mail.register_attachment("event_ics", _event_ics)


def _render(template: str, **kwargs) -> mail.Mail:
    """mail.render, also from cron or a test: the app's template context processors expect a request."""
    if has_request_context():
        return mail.render(template, **kwargs)
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]):
        return mail.render(template, **kwargs)


def ticket_link(registration: Registration) -> str:
    # Built from BASE_URL by hand: reminders are sent from cron, where no request exists for url_for.
    return f"{current_app.config['BASE_URL'].rstrip('/')}/tickets/{registration.ticket_secret}"


def meeting_link(registration: Registration) -> str | None:
    """The attendee's meeting page, when the event has matchmaking set up (the matchmaking services decide)."""
    from ..accounts.account import external_url
    from ..matchmaking.setup import meetings_open_to

    if not meetings_open_to(registration):
        return None
    return external_url("matchmaking.attendee", secret=registration.ticket_secret)


# What each mail tells, the status it is true for, and its template (a ticket's by default).
_STATUS_TOLD = {"confirmed": RegistrationStatus.CONFIRMED, "promoted": RegistrationStatus.CONFIRMED,
                "again": RegistrationStatus.CONFIRMED, "reminder": RegistrationStatus.CONFIRMED,
                "waiting": RegistrationStatus.WAITING, "waiting_again": RegistrationStatus.WAITING,
                "cancelled": RegistrationStatus.CANCELLED}
_TEMPLATES = {"cancelled": "registrations_cancelled", "waiting": "registrations_waiting",
              "waiting_again": "registrations_waiting"}


# Each mail is written as a reference (the registration and what happened) and composed by the worker when it
# sends: a registration holds SQLite's write lock while it writes the row, and rendering three templates there
# made every other registration in a rush wait for it. The text is stored once sent, for the mail log.
def _compose(registration_id: int, what: str) -> mail.Mail | None:
    registration = db.session.get(Registration, registration_id)
    if registration is None or registration.anonymised_at is not None:
        return None  # deleted on request before the mail went out: nothing to send to anyone
    if registration.status != _STATUS_TOLD[what]:
        return None  # no longer true (a ticket cancelled a moment later): the mail about the later change tells
    if what == "cancelled":
        return _render("registrations_cancelled", to=registration.email, locale=registration.locale,
                       registration=registration, event=registration.event,
                       register_link=f"{current_app.config['BASE_URL'].rstrip('/')}/events/{registration.event_id}")
    if what in ("waiting", "waiting_again"):
        return _render("registrations_waiting", to=registration.email, locale=registration.locale,
                       registration=registration, event=registration.event, again=what == "waiting_again",
                       position=waiting_position(registration), link=ticket_link(registration))
    event = registration.event
    attachments = [mail.Ref("ticket_qr", "ticket-qr.png", "image/png", QR_CID, secret=registration.ticket_secret),
                   mail.Ref("event_ics", "event.ics", "text/calendar; method=PUBLISH", event_id=event.id)]
    return _render("registrations_ticket", to=registration.email, locale=registration.locale,
                   attachments=attachments, kind=what, registration=registration, event=event,
                   link=ticket_link(registration), meet_link=meeting_link(registration), qr_cid=QR_CID)


mail.register_composer("registration", _compose)


def _queue(registration: Registration, what: str) -> None:
    mail.queue_composed_later("registration", to=registration.email, locale=registration.locale,
                              template=_TEMPLATES.get(what, "registrations_ticket"),
                              event_id=registration.event_id, registration_id=registration.id, what=what)


def confirmed(registration: Registration) -> None:
    _queue(registration, "confirmed")


def promoted(registration: Registration) -> None:
    _queue(registration, "promoted")


def reminder(registration: Registration) -> None:
    _queue(registration, "reminder")


def waiting(registration: Registration) -> None:
    _queue(registration, "waiting")


def ticket_again(registration: Registration) -> None:
    """Someone registered again with the same address: re-send what they already have, nothing more."""
    _queue(registration, "again" if registration.status == RegistrationStatus.CONFIRMED else "waiting_again")


def cancelled(registration: Registration) -> None:
    """The attendee cancelled: a confirmation, so a tap by mistake (or by someone with the link) is noticed."""
    _queue(registration, "cancelled")
