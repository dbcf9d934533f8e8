"""How long the mail log keeps messages, which carry addresses, names and ticket links: an event's messages are
deleted by ``purge-personal-data`` once its attendees' details are (RETENTION_ATTENDEE_DAYS after it ended),
messages of no event (password resets, confirmations) as long after they were written; an attendee who deletes
their data takes the event's messages to them along."""

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from ...extensions import db
from ...models import Event
from ...models.outbox import MessageState, OutboxMessage
from ..registrations.retention import PurgeResult, register_forgetter, register_purger

# A message a worker is sending right now is left to finish; it goes with the next run.
IN_FLIGHT = (MessageState.SENDING,)


@register_purger
def purge_old_messages(now: datetime, dry_run: bool) -> PurgeResult:
    cutoff = now - timedelta(days=current_app.config["RETENTION_ATTENDEE_DAYS"])
    ended = sa.select(Event.id).where(Event.ends_at < cutoff)
    due = sa.and_(OutboxMessage.state.not_in(IN_FLIGHT), sa.or_(
        OutboxMessage.event_id.in_(ended),
        sa.and_(OutboxMessage.event_id.is_(None), OutboxMessage.created_at < cutoff)))
    if dry_run:
        count = db.session.scalar(sa.select(sa.func.count()).select_from(OutboxMessage).where(due))
    else:
        count = _delete(due)
    return PurgeResult("sent messages", count, "deleted")


@register_forgetter
def forget_messages_to(registration) -> None:
    _delete(sa.and_(OutboxMessage.event_id == registration.event_id,
                    OutboxMessage.recipient == registration.email,
                    OutboxMessage.state.not_in(IN_FLIGHT)))


def _delete(condition) -> int:
    # A copy resent from a deleted message keeps its row; the foreign key clears its link (ON DELETE SET NULL).
    return db.session.execute(sa.delete(OutboxMessage).where(condition)
                              .execution_options(synchronize_session=False)).rowcount
