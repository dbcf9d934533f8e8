"""The running order of an event's pitches: positions in the pitch block, with times computed from it.

This is the contract the jury, the event page and the calendars read: ``slots_for(event)``. The organisers'
changes (add, move, remove, lengths, publishing) live here too; times are never stored, so moving a startup
recomputes every time after it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...i18n import clock
from ...models import Application, ApplicationStatus, Event, PitchSlot, User
from ..audit import trail as audit
from .call import call_for, ensure_call


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


def slot_of(application: Application) -> Slot | None:
    return next((s for s in slots_for(application.event) if s.application.id == application.id), None)


def capacity(event: Event, pitch_minutes: int | None = None, qa_minutes: int | None = None) -> int:
    """How many pitches fit into the pitch block with these lengths (0 without a block)."""
    block = event.pitch_block()
    if block is None:
        return 0
    length = (pitch_minutes or event.pitch_minutes) + (event.qa_minutes if qa_minutes is None else qa_minutes)
    return int((block.ends_at - block.starts_at).total_seconds() // 60 // max(length, 1))


def _line_up_changed(event: Event) -> None:
    """The event's calendar file lists the line-up, so its Last-Modified/ETag must move with it."""
    event.updated_at = utcnow()


def _count(event: Event) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(PitchSlot).filter_by(event_id=event.id))


def add(application: Application, *, by: User) -> PitchSlot:
    """Put an accepted startup at the end of the running order, if it still fits into the pitch block."""
    event = application.event
    if application.status != ApplicationStatus.ACCEPTED:
        raise Invalid(_("Only accepted startups get a pitch slot."), code="not_accepted")
    if event.pitch_block() is None:
        raise Invalid(_("The event's agenda has no pitch block yet. Add one to the agenda first."), code="no_block")
    if application.slot is not None:
        raise Conflict(_("%(startup)s already has a slot.", startup=application.startup.name), code="has_slot")
    if _count(event) + 1 > capacity(event):
        raise Invalid(_("This slot would not fit into the pitch block: it holds %(n)d pitches of %(m)d minutes "
                        "(pitch and Q&A). Shorten the pitches or lengthen the block.",
                        n=capacity(event), m=event.pitch_minutes + event.qa_minutes), code="does_not_fit")
    position = (db.session.scalar(db.select(db.func.max(PitchSlot.position)).filter_by(event_id=event.id)) or 0) + 1
    slot = PitchSlot(event_id=event.id, application_id=application.id, position=position)
    try:
        with db.session.begin_nested():
            db.session.add(slot)
    except IntegrityError:
        raise Conflict(_("The running order changed meanwhile. Please try again."), code="changed_meanwhile") from None
    _line_up_changed(event)
    return slot


def move(slot: PitchSlot, *, by: User, direction: int) -> None:
    """Swap with the pitch before (-1) or after (+1); the times of both follow from their new places."""
    ordered = list(db.session.scalars(db.select(PitchSlot).filter_by(event_id=slot.event_id)
                                      .order_by(PitchSlot.position)))
    index = ordered.index(slot)
    if not 0 <= index + direction < len(ordered):
        return
    other = ordered[index + direction]
    mine, theirs = slot.position, other.position
    # (event, position) is unique: park one slot on a free negative position while the other moves.
    slot.position = -mine
    db.session.flush()
    other.position = mine
    db.session.flush()
    slot.position = theirs
    db.session.flush()
    _line_up_changed(slot.application.event)


def remove(slot: PitchSlot, *, by: User) -> None:
    _line_up_changed(slot.application.event)
    db.session.delete(slot)
    db.session.flush()


def set_lengths(event: Event, *, by: User, pitch_minutes: int, qa_minutes: int) -> None:
    if pitch_minutes < 1 or qa_minutes < 0:
        raise Invalid(_("A pitch takes at least one minute."), field="pitch_minutes")
    if event.pitch_block() is not None and _count(event) > capacity(event, pitch_minutes, qa_minutes):
        raise Invalid(_("With these lengths the %(n)d pitches would not fit into the pitch block.", n=_count(event)),
                      field="pitch_minutes", code="does_not_fit")
    event.pitch_minutes, event.qa_minutes = pitch_minutes, qa_minutes
    _line_up_changed(event)


def is_published(event: Event) -> bool:
    call = call_for(event)
    return bool(call and call.lineup_published_at)


def publish(event: Event, *, by: User, published: bool = True) -> None:
    call = ensure_call(event)
    if bool(call.lineup_published_at) != published:
        audit.record(by, "application.lineup_published" if published else "application.lineup_withdrawn",
                     subject=event)
    call.lineup_published_at = utcnow() if published else None
    _line_up_changed(event)


def lineup_lines(event: Event) -> list[str]:
    """The published line-up as plain text lines for the event's iCal DESCRIPTION ("14:00–14:10 Name: one-liner").

    Times in Berlin; [] while the line-up is not published. The caller escapes them for iCal.
    """
    if not is_published(event):
        return []
    lines = []
    for slot in slots_for(event):
        text = f"{clock(slot.starts_at)}–{clock(slot.ends_at)} {slot.startup.name}"
        lines.append(f"{text}: {slot.startup.one_liner}" if slot.startup.one_liner else text)
    return lines
