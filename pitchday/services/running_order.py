"""The running order of an event's pitches: positions in the pitch block, with times computed from it.

This is the contract the jury, the event page and the calendars read: ``slots_for(event)``.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Application, Event, PitchSlot


@dataclass(frozen=True)
class Slot:
    position: int
    application: Application
    starts_at: datetime  # the pitch itself
    ends_at: datetime  # end of its Q&A

    @property
    def startup(self):
        return self.application.startup


def slots_for(event: Event) -> list[Slot]:
    """The event's pitches in order, each with its start and end (pitch + Q&A); [] without a pitch block."""
    block = event.pitch_block()
    if block is None:
        return []
    rows = db.session.scalars(
        db.select(PitchSlot).filter_by(event_id=event.id).order_by(PitchSlot.position)
        .options(joinedload(PitchSlot.application).joinedload(Application.startup))
    ).all()
    length = timedelta(minutes=event.pitch_minutes + event.qa_minutes)
    return [Slot(position=i + 1, application=row.application, starts_at=block.starts_at + i * length,
                 ends_at=block.starts_at + (i + 1) * length) for i, row in enumerate(rows)]
