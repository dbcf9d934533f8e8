"""What registrations add to the shared extension points: the event's audience, personal calendars and the
organisers' dashboard figures. Imported once by the registrations blueprint."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...extensions import db
from ...models import Registration, RegistrationStatus
from ..calendar import personal as personal_calendar
from ..events import audience as event_audience
from ..events import counts as event_counts
from .seats import for_user


@event_audience.register
def confirmed_attendees(event) -> list[event_audience.Recipient]:
    rows = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED,
        Registration.anonymised_at.is_(None)))
    return [event_audience.Recipient(email=r.email, name=r.name, locale=r.locale, reason="attendee") for r in rows]


@personal_calendar.register
def my_registrations(user) -> list[personal_calendar.PersonalEntry]:
    return [personal_calendar.PersonalEntry(event=r.event, role="attendee") for r in for_user(user)]


def confirmed_counts(event_ids: list[int]) -> dict[int, int]:
    if not event_ids:
        return {}
    rows = db.session.execute(
        sa.select(Registration.event_id, sa.func.count()).where(
            Registration.event_id.in_(event_ids), Registration.status == RegistrationStatus.CONFIRMED)
        .group_by(Registration.event_id))
    counts = dict.fromkeys(event_ids, 0)
    counts.update(dict(rows.all()))
    return counts


event_counts.register("registrations", _l("Registrations"), confirmed_counts)
