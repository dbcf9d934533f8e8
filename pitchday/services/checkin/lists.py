"""What the door reads: the offline ticket list, search by name, organisation or e-mail, the scan log and badges."""

import hashlib

import sqlalchemy as sa

from ... import text_fold
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus
from ...models.checkin import CheckIn, ScanLog
from .scan import attendee_type_label

SEARCH_LIMIT = 20
MAX_TERMS = 6


def secret_hash(secret: str) -> str:
    """What the offline list holds instead of the secret: a phone can recognise a ticket, not forge one."""
    return hashlib.sha256(secret.encode()).hexdigest()


def offline_list(event: Event) -> list[dict]:
    """Every ticket of the event with only what a door needs to recognise it (no e-mail, no secret)."""
    rows = db.session.execute(
        sa.select(Registration.id, Registration.ticket_secret, Registration.name, Registration.organisation,
                  Registration.attendee_type, Registration.status, CheckIn.checked_in_at)
        .outerjoin(CheckIn, CheckIn.registration_id == Registration.id)
        .where(Registration.event_id == event.id, Registration.anonymised_at.is_(None))
        .order_by(Registration.id)
    )
    return [{"id": r.id, "hash": secret_hash(r.ticket_secret), "name": r.name, "organisation": r.organisation,
             "attendee_type": str(r.attendee_type), "attendee_type_label": attendee_type_label(r.attendee_type),
             "state": str(r.status), "checked_in": r.checked_in_at is not None} for r in rows]


def search(event: Event, query: str) -> list[dict]:
    """Registrations where each word typed starts a word of the name, organisation or e-mail, ignoring case,
    accents and umlaut spellings (``Registration.search_key``), for people without their ticket."""
    terms = text_fold.words(query)[:MAX_TERMS]
    if not terms or sum(map(len, terms)) < 2:
        return []
    # Folded words hold only letters and digits, so no LIKE wildcard can come in with the query.
    rows = db.session.execute(
        sa.select(Registration, CheckIn.checked_in_at)
        .outerjoin(CheckIn, CheckIn.registration_id == Registration.id)
        .where(Registration.event_id == event.id, Registration.anonymised_at.is_(None),
               *[Registration.search_key.like(f"% {term}%") for term in terms])
        .order_by(Registration.name).limit(SEARCH_LIMIT)
    )
    return [{"id": reg.id, "name": reg.name, "email": reg.email, "organisation": reg.organisation,
             "attendee_type_label": attendee_type_label(reg.attendee_type), "state": str(reg.status),
             "checked_in": at is not None, "checked_in_at": at.isoformat() if at else None,
             # The door can check in a confirmed person found by name; the secret stays on the server.
             "can_check_in": reg.status == RegistrationStatus.CONFIRMED and at is None}
            for reg, at in rows]


def scan_log(event: Event, *, limit: int = 500) -> list[ScanLog]:
    return list(db.session.scalars(
        sa.select(ScanLog).where(ScanLog.event_id == event.id)
        .options(sa.orm.joinedload(ScanLog.device), sa.orm.joinedload(ScanLog.registration))
        .order_by(ScanLog.at.desc(), ScanLog.id.desc()).limit(limit)
    ))


def last_scan_by_device(event: Event) -> dict[int, object]:
    rows = db.session.execute(sa.select(ScanLog.device_id, sa.func.max(ScanLog.at))
                              .where(ScanLog.event_id == event.id).group_by(ScanLog.device_id))
    return dict(rows.all())


def badge_list(event: Event) -> list[Registration]:
    """Confirmed attendees, by name, for printing badges."""
    return list(db.session.scalars(
        sa.select(Registration).where(Registration.event_id == event.id,
                                      Registration.status == RegistrationStatus.CONFIRMED,
                                      Registration.anonymised_at.is_(None))
        .order_by(sa.func.lower(Registration.name))
    ))


def secret_of(event: Event, registration_id: int) -> str | None:
    """The ticket secret of a registration found by search, so a manual check-in goes the same way as a scan."""
    return db.session.scalar(sa.select(Registration.ticket_secret)
                             .where(Registration.id == registration_id, Registration.event_id == event.id))

