"""E-mails to attendees, in their own language: ticket (confirmed, promoted, re-sent, reminder), waiting list and
the confirmation of a cancellation.

Ticket mails carry the QR code as an inline PNG, the ticket link and the event as an .ics attachment.
"""

import functools

from flask import current_app, has_request_context

from ... import mail
from ...models import Registration, RegistrationStatus
from ..calendar.ics import event_ics
from .tickets import qr_png
from .waiting_list import waiting_position

QR_CID = "ticket-qr@pitchday"


class QrAttachment:
    """The ticket's QR code as a mail attachment, drawn only when the mail is built after the commit.

    Drawing it is the slowest part of registering; on SQLite a registration rush queues on the write lock,
    which should be held for the seat decision only. Quacks like ``mail.Attachment``.
    """

    filename = "ticket-qr.png"
    mimetype = "image/png"
    inline_id = QR_CID

    def __init__(self, secret: str):
        self.secret = secret

    @functools.cached_property
    def content(self) -> bytes:
        return qr_png(self.secret, box_size=8)


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
    attachments = [QrAttachment(registration.ticket_secret),
                   mail.Attachment("event.ics", event_ics(event), "text/calendar; method=PUBLISH")]
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
