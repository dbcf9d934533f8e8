"""Telling people that an event they care about changed: one e-mail each, in their language, with the
updated calendar entry attached (same UID, higher SEQUENCE; METHOD:CANCEL once cancelled), so calendar apps
update the entry they have instead of adding a second one."""

from flask_babel import force_locale

from ... import mail
from ...models import EventStatus
from ..calendar.ics import event_ics, event_url
from .audience import recipients_for


def notify_change(event, changes, *, note: str = "") -> int:
    """Queue the change e-mail to everyone concerned; returns how many were queued."""
    recipients = recipients_for(event)
    method = "CANCEL" if event.status == EventStatus.CANCELLED else "PUBLISH"
    for recipient in recipients:
        locale = recipient.locale or "de"
        with force_locale(locale):
            ics = event_ics(event, method=method)
        attachment = mail.Attachment(filename="event.ics", content=ics,
                                     mimetype=f"text/calendar; method={method}")
        mail.queue(mail.render("events_changed", to=recipient.email, locale=locale, event=event,
                               changes=changes, note=note, recipient=recipient, url=event_url(event),
                               attachments=[attachment]))
    return len(recipients)
