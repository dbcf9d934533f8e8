"""Personal data kept no longer than needed: attendees delete their own, and retention periods do the rest.

Anonymising keeps a registration's event, status and attendee type (the hub's reports count them) and drops
everything that names a person. Other areas add their own purgers (e.g. check-in scan logs) to ``PURGERS``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from ...database import utcnow
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus
from ...models.registrations import new_ticket_secret
from . import seats as registrations


@dataclass(frozen=True)
class PurgeResult:
    kind: str  # what was purged, e.g. "attendee details"
    count: int
    action: str  # "anonymised" or "deleted"


# A purger takes (now, dry_run) and returns a PurgeResult; it flushes, the command commits.
PURGERS: list[Callable[[datetime, bool], PurgeResult]] = []


def register_purger(purger: Callable[[datetime, bool], PurgeResult]) -> Callable:
    PURGERS.append(purger)
    return purger


# Areas that keep something else about an attendee (the mail log's messages to them) forget it when the attendee
# deletes their data; each takes the registration before it is anonymised.
FORGETTERS: list[Callable[[Registration], None]] = []


def register_forgetter(forget: Callable[[Registration], None]) -> Callable:
    FORGETTERS.append(forget)
    return forget


def anonymise(registration: Registration, *, now: datetime | None = None) -> None:
    """Drop the person from a registration; its status and attendee type stay for the counts."""
    now = now or utcnow()
    registration.name = ""
    registration.email = f"anonymised-{registration.id}@invalid"
    registration.organisation = ""
    registration.answers = {}
    registration.user_id = None
    registration.ticket_secret = new_ticket_secret()  # the old ticket link and QR code stop working
    registration.anonymised_at = now
    db.session.flush()


def delete_own_data(registration: Registration, *, now: datetime | None = None) -> list:
    """The attendee deletes their registration from the ticket page: cancelled (seat passed on), then anonymised."""
    promoted = []
    if registration.status != RegistrationStatus.CANCELLED:
        promoted = registrations.cancel(registration, now=now)
    for forget in FORGETTERS:
        forget(registration)
    anonymise(registration, now=now)
    return promoted


@register_purger
def purge_attendee_details(now: datetime, dry_run: bool) -> PurgeResult:
    """Anonymise registrations of events that ended more than RETENTION_ATTENDEE_DAYS ago."""
    cutoff = now - timedelta(days=current_app.config["RETENTION_ATTENDEE_DAYS"])
    due = list(db.session.scalars(
        sa.select(Registration).join(Event, Event.id == Registration.event_id)
        .where(Event.ends_at < cutoff, Registration.anonymised_at.is_(None))))
    if not dry_run:
        for registration in due:
            anonymise(registration, now=now)
    return PurgeResult("attendee details", len(due), "anonymised")


def purge(*, dry_run: bool = False, now: datetime | None = None) -> list[PurgeResult]:
    now = now or utcnow()
    return [purger(now, dry_run) for purger in PURGERS]
