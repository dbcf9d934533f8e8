"""E-mails to attendees, in their own language: ticket (confirmed, promoted, re-sent, reminder), waiting list and
the confirmation of a cancellation.

Ticket mails carry the QR code as an inline PNG, the ticket link and the event as an .ics attachment.
"""

from flask import current_app, has_request_context

from ... import mail
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus
from ..calendar.ics import event_ics
from .tickets import qr_png
from .waiting_list import waiting_position

QR_CID = "ticket-qr@pitchday"


def _qr(secret: str) -> bytes:
    return qr_png(secret, box_size=8)


def _event_ics(event_id: int) -> bytes:
    return event_ics(db.session.get(Event, event_id))


# Drawn by the worker when it sends, from the ticket's secret and the event's id kept in the outbox row:
# drawing the QR code is the slowest part of a ticket mail, and a registration rush should hold SQLite's write
# lock for the seat decision only.
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


def _ticket_mail(registration: Registration, kind: str) -> None:
    event = registration.event
    attachments = [mail.Ref("ticket_qr", "ticket-qr.png", "image/png", QR_CID, secret=registration.ticket_secret),
                   mail.Ref("event_ics", "event.ics", "text/calendar; method=PUBLISH", event_id=event.id)]
    mail.queue(_render("registrations_ticket", to=registration.email, locale=registration.locale,
                       attachments=attachments, kind=kind, registration=registration, event=event,
                       link=ticket_link(registration), meet_link=meeting_link(registration), qr_cid=QR_CID))


def _waiting_mail(registration: Registration, *, again: bool = False) -> None:
    mail.queue(_render("registrations_waiting", to=registration.email, locale=registration.locale,
                       registration=registration, event=registration.event, again=again,
                       position=waiting_position(registration), link=ticket_link(registration)))


def confirmed(registration: Registration) -> None:
    _ticket_mail(registration, "confirmed")


def promoted(registration: Registration) -> None:
    _ticket_mail(registration, "promoted")


def reminder(registration: Registration) -> None:
    _ticket_mail(registration, "reminder")


def waiting(registration: Registration) -> None:
    _waiting_mail(registration)


def ticket_again(registration: Registration) -> None:
    """Someone registered again with the same address: re-send what they already have, nothing more."""
    if registration.status == RegistrationStatus.CONFIRMED:
        _ticket_mail(registration, "again")
    else:
        _waiting_mail(registration, again=True)


def cancelled(registration: Registration) -> None:
    """The attendee cancelled: a confirmation, so a tap by mistake (or by someone with the link) is noticed."""
    mail.queue(_render("registrations_cancelled", to=registration.email, locale=registration.locale,
                       registration=registration, event=registration.event,
                       register_link=f"{current_app.config['BASE_URL'].rstrip('/')}/events/{registration.event_id}"))
