"""What organisers see of an event's registrations: lists in order, search, counts by attendee type."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from ...extensions import db
from ...models import Event, Registration, RegistrationStatus

MAX_SEARCH_LENGTH = 100


@dataclass
class Overview:
    confirmed: list = field(default_factory=list)
    waiting: list = field(default_factory=list)  # in arrival order: the first is promoted next
    cancelled: list = field(default_factory=list)
    # {status: {attendee type: n}} over all of the event's registrations (not only the search hits)
    by_type: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def overview(event: Event, *, search: str = "") -> Overview:
    """The event's registrations, filtered by ``search`` (name, e-mail or organisation), in two queries."""
    query = sa.select(Registration).where(Registration.event_id == event.id).order_by(Registration.queue_number)
    search = (search or "").strip()[:MAX_SEARCH_LENGTH]
    if search:
        pattern = f"%{_escape_like(search.lower())}%"
        query = query.where(sa.or_(*(sa.func.lower(column).like(pattern, escape="\\") for column in
                                     (Registration.name, Registration.email, Registration.organisation))))
    result = Overview()
    for registration in db.session.scalars(query):
        getattr(result, str(registration.status)).append(registration)
    rows = db.session.execute(
        sa.select(Registration.status, Registration.attendee_type, sa.func.count())
        .where(Registration.event_id == event.id).group_by(Registration.status, Registration.attendee_type))
    for status, attendee_type, n in rows:
        result.by_type.setdefault(str(status), {})[str(attendee_type)] = n
    result.totals = {str(s): sum(result.by_type.get(str(s), {}).values()) for s in RegistrationStatus}
    return result


def all_of(event: Event) -> list[Registration]:
    return list(db.session.scalars(sa.select(Registration).where(Registration.event_id == event.id)))


def load_registration(event_id: int, registration_id: int) -> Registration | None:
    registration = db.session.get(Registration, registration_id)
    return registration if registration is not None and registration.event_id == event_id else None
