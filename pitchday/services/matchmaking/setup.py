"""Whether and how an event arranges meetings: its settings, the slots of its networking block, its tables.

Both the requests (who may ask) and the meetings (where pairs sit) read these; neither owns them.
"""

from datetime import timedelta

import sqlalchemy as sa

from ...extensions import db
from ...models import BlockKind, EventStatus, RegistrationStatus
from ...models.matchmaking import MatchmakingSettings, MeetingTable


def current_settings(event) -> MatchmakingSettings:
    """The event's settings, or the defaults (not saved) when the organiser has not set any."""
    return db.session.get(MatchmakingSettings, event.id) or MatchmakingSettings(event_id=event.id, slot_minutes=15)


def settings_for(event) -> MatchmakingSettings:
    """The event's settings row, created when missing (for writing)."""
    settings = db.session.get(MatchmakingSettings, event.id)
    if settings is None:
        settings = MatchmakingSettings(event_id=event.id, slot_minutes=15)
        db.session.add(settings)
        db.session.flush()
    return settings


def networking_block(event):
    return next((b for b in event.blocks if b.kind == BlockKind.NETWORKING), None)


def networking_slots(event, slot_minutes: int | None = None) -> list[tuple]:
    """[(index, starts_at, ends_at)] of the meeting slots that fit whole into the networking block."""
    block = networking_block(event)
    if block is None:
        return []
    minutes = slot_minutes or current_settings(event).slot_minutes
    length = timedelta(minutes=minutes)
    count = int((block.ends_at - block.starts_at) // length)
    return [(i, block.starts_at + i * length, block.starts_at + (i + 1) * length) for i in range(count)]


def is_set_up(event) -> bool:
    """Meetings can be arranged at the event: its networking block holds at least one slot and the organiser
    keeps at least one table. Other areas ask this before pointing attendees to the meeting page."""
    if not networking_slots(event):
        return False
    return db.session.scalar(sa.select(sa.exists().where(MeetingTable.event_id == event.id,
                                                         MeetingTable.active.is_(True))))


def meetings_open_to(registration) -> bool:
    """The ticket's holder can use the meeting page (``matchmaking.attendee``) now: a confirmed ticket of a
    published (or postponed) event that has matchmaking set up. The same condition as ``matchmaking.ticket``."""
    event = registration.event
    return (registration.status == RegistrationStatus.CONFIRMED
            and event.status in (EventStatus.PUBLISHED, EventStatus.POSTPONED) and is_set_up(event))
