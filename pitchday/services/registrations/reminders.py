"""The reminder the day before an event, sent once per registration however often cron runs the command."""

from datetime import datetime, timedelta

import sqlalchemy as sa

from ...berlin import to_local
from ...database import utcnow
from ...extensions import db
from ...models import Event, EventStatus, Registration, RegistrationStatus
from . import mail as notify


def due(now: datetime) -> list[Registration]:
    """Confirmed registrations of published events starting on the next calendar day in Berlin (or later today,
    should yesterday's run have been missed), not yet reminded."""
    today = to_local(now).date()
    candidates = db.session.scalars(
        sa.select(Registration).join(Event, Event.id == Registration.event_id)
        .where(Registration.status == RegistrationStatus.CONFIRMED, Registration.reminder_sent_at.is_(None),
               Registration.anonymised_at.is_(None), Event.status == EventStatus.PUBLISHED,
               Event.starts_at > now, Event.starts_at < now + timedelta(days=2))
        .order_by(Registration.id))
    return [r for r in candidates if to_local(r.event.starts_at).date() <= today + timedelta(days=1)]


def send_reminders(*, now: datetime | None = None) -> int:
    """Queue a reminder for each due registration; a conditional UPDATE marks it, so no one gets two."""
    now = now or utcnow()
    sent = 0
    for registration in due(now):
        claimed = db.session.execute(
            sa.update(Registration)
            .where(Registration.id == registration.id, Registration.reminder_sent_at.is_(None))
            .values(reminder_sent_at=now).execution_options(synchronize_session=False)).rowcount
        if claimed:
            notify.reminder(registration)
            sent += 1
    return sent
