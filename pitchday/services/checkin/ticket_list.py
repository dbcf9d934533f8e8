"""The scanners' offline ticket list: versioned, and as a delta since a device's last sync.

The version is read from indexes alone (counts per status, the newest registration, confirmation, cancellation
and check-in), so a phone whose list is current gets a 304 without the list being read. A full list is
built once per version and kept in the shared cache; a phone that synced before asks with ``since=`` and
gets only the tickets that changed from then on (and the ids of tickets that went away), so a sha256 is
computed only for those.
"""

import hashlib
import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from ...database import utcnow
from ...extensions import db
from ...models import AttendeeType, Event, Registration
from ...models.checkin import CheckIn, ScanLog, ScanResult
from ..cache import store
from .scan import attendee_type_label

# A change committed a moment after a sync may carry an earlier time: deltas reach back this far (devices
# apply tickets by id, so seeing one twice is harmless).
OVERLAP = timedelta(seconds=60)


def secret_hash(secret: str) -> str:
    """What the offline list holds instead of the secret: a phone can recognise a ticket, not forge one."""
    return hashlib.sha256(secret.encode()).hexdigest()


def version(event: Event) -> str:
    """Changes whenever a ticket of the event is added, changes status, is checked in or out.

    Each part is read from an index alone, so the version costs the same at any size: the count per status
    (every move changes two of them), the newest registration, the latest confirmation and cancellation (moves
    that undo each other's counts still move one of these), and the number and newest of the check-ins (an
    undo lowers the number, a new check-in brings a new id). Anonymised tickets leave the list months after
    the event, when no door scans any more."""
    r, c = Registration, CheckIn

    def scalar(*columns, model=r):
        return sa.select(*columns).where(model.event_id == event.id).scalar_subquery()

    by_status = db.session.execute(sa.select(r.status, sa.func.count()).where(r.event_id == event.id)
                                   .group_by(r.status).order_by(r.status)).all()
    latest = db.session.execute(sa.select(
        scalar(sa.func.max(r.id)), scalar(sa.func.max(r.confirmed_at)), scalar(sa.func.max(r.cancelled_at)),
        scalar(sa.func.count(), model=c), scalar(sa.func.max(c.id), model=c))).one()
    return hashlib.sha256(f"{event.id}|{by_status}|{tuple(latest)}".encode()).hexdigest()[:24]


def _rows(event: Event, since: datetime | None):
    query = (sa.select(Registration.id, Registration.ticket_secret, Registration.name, Registration.organisation,
                       Registration.attendee_type, Registration.status, CheckIn.checked_in_at)
             .outerjoin(CheckIn, CheckIn.registration_id == Registration.id)
             .where(Registration.event_id == event.id, Registration.anonymised_at.is_(None))
             .order_by(Registration.id))
    if since is not None:
        undone = sa.select(ScanLog.registration_id).where(
            ScanLog.event_id == event.id, ScanLog.result == ScanResult.UNDONE, ScanLog.at >= since)
        query = query.where(sa.or_(Registration.created_at >= since, Registration.confirmed_at >= since,
                                   Registration.cancelled_at >= since, CheckIn.checked_in_at >= since,
                                   Registration.id.in_(undone)))
    labels = {t: str(attendee_type_label(t)) for t in AttendeeType}
    return [{"id": r.id, "hash": secret_hash(r.ticket_secret), "name": r.name, "organisation": r.organisation,
             "attendee_type": str(r.attendee_type), "attendee_type_label": labels[r.attendee_type],
             "state": str(r.status), "checked_in": r.checked_in_at is not None}
            for r in db.session.execute(query)]


def parse_since(raw: str | None) -> datetime | None:
    """The ``since`` a device sends back (the ``synced_at`` it was given); None if missing or malformed."""
    try:  # a "+" of the offset that arrives unescaped in a query string reads as a space
        value = datetime.fromisoformat((raw or "")[:40].replace(" ", "+"))
    except ValueError:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)) - OVERLAP


def offline_list(event: Event) -> list[dict]:
    """Every ticket of the event with only what a door needs to recognise it (no e-mail, no secret)."""
    return _rows(event, None)


def full_body(event: Event, list_version: str, extra: dict) -> bytes:
    """The full list as JSON, built once per version for every process."""
    tickets = store.get_or_build(f"tickets:{event.id}:{list_version}",
                                 lambda: json.dumps(_rows(event, None), separators=(",", ":")))
    head = json.dumps({**extra, "full": True, "version": list_version, "removed": []}, separators=(",", ":"))
    return f'{head[:-1]},"tickets":{tickets}}}'.encode()


def delta_body(event: Event, list_version: str, since: datetime, extra: dict) -> bytes:
    """The tickets that changed from ``since`` on, and the ids of those deleted (anonymised) since."""
    removed = db.session.scalars(sa.select(Registration.id).where(
        Registration.event_id == event.id, Registration.anonymised_at >= since)).all()
    return json.dumps({**extra, "full": False, "version": list_version, "removed": removed,
                       "tickets": _rows(event, since)}, separators=(",", ":")).encode()


def synced_at() -> str:
    return utcnow().isoformat()
