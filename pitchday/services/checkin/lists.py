"""What the door reads: search by name, organisation or e-mail, the scan log and badges (the offline ticket list
is ``ticket_list``)."""

import sqlalchemy as sa

from ... import text_fold
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus
from ...models.checkin import CheckIn, ScanLog
from ..paging import Page, PageRequest, page_of
from .scan import attendee_type_label

SEARCH_LIMIT = 20
MAX_TERMS = 6


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


def scan_log_page(event: Event, *, result: str = "", request: PageRequest = PageRequest()) -> tuple[Page, dict]:
    """A page of every scan, newest first, optionally of one result, and the counts by result (one aggregate
    query): two queries at any size."""
    counts = {str(r): n for r, n in db.session.execute(
        sa.select(ScanLog.result, sa.func.count()).where(ScanLog.event_id == event.id).group_by(ScanLog.result))}
    query = (sa.select(ScanLog).where(ScanLog.event_id == event.id)
             .options(sa.orm.joinedload(ScanLog.device), sa.orm.joinedload(ScanLog.registration))
             .order_by(ScanLog.at.desc(), ScanLog.id.desc()))
    if result:
        query = query.where(ScanLog.result == result)
    return page_of(query, request, total=counts.get(result, 0) if result else sum(counts.values())), counts


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

