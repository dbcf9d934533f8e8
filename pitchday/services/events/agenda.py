"""An event's agenda: ordered blocks inside the event's time that never overlap."""

from flask_babel import lazy_gettext as _l

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import AgendaBlock, BlockKind, Event, EventStatus
from ..audit import trail as audit


def _check(event: Event, *, kind, title, starts_at, ends_at, ignore: AgendaBlock | None = None) -> None:
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_l("A cancelled event cannot be changed. Copy it to schedule it again."),
                       code="event_cancelled")
    if not (title or "").strip():
        raise Invalid(_l("Please give the block a title."), field="title")
    if starts_at is None or ends_at is None:
        raise Invalid(_l("Please give a start and an end."), field="starts_at" if starts_at is None else "ends_at")
    if ends_at <= starts_at:
        raise Invalid(_l("The block must end after it starts."), field="ends_at")
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise Invalid(_l("The block must lie within the event's time."), field="starts_at")
    for other in event.blocks:
        if other is ignore:
            continue
        if starts_at < other.ends_at and other.starts_at < ends_at:
            raise Invalid(_l("This overlaps with “%(title)s”.", title=other.title), field="starts_at")
    if BlockKind(kind) == BlockKind.PITCH_BLOCK and any(
        b.kind == BlockKind.PITCH_BLOCK for b in event.blocks if b is not ignore
    ):
        raise Invalid(_l("An event has at most one pitch block."), field="kind")


def _touch(event: Event) -> None:
    # The agenda is part of the event's calendar entry: its feeds' ETag must change too.
    event.updated_at = utcnow()


def add_block(event: Event, *, by, kind, title, starts_at, ends_at) -> AgendaBlock:
    _check(event, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at)
    block = AgendaBlock(kind=BlockKind(kind), title=title.strip(), starts_at=starts_at, ends_at=ends_at)
    event.blocks.append(block)
    event.blocks.sort(key=lambda b: b.starts_at)
    _touch(event)
    db.session.flush()
    audit.record(by, "event.block_added", subject=block, event=event, after=_times(block))
    return block


def _times(block: AgendaBlock) -> dict:
    return {"title": block.title, "starts_at": block.starts_at, "ends_at": block.ends_at}


def update_block(block: AgendaBlock, *, by, kind, title, starts_at, ends_at) -> None:
    event = block.event
    _check(event, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, ignore=block)
    before = _times(block)
    block.kind, block.title, block.starts_at, block.ends_at = BlockKind(kind), title.strip(), starts_at, ends_at
    event.blocks.sort(key=lambda b: b.starts_at)
    _touch(event)
    db.session.flush()
    after = _times(block)
    changed = [k for k in after if after[k] != before[k]]
    if changed:
        audit.record(by, "event.block_changed", subject=block, event=event,
                     before={k: before[k] for k in changed}, after={k: after[k] for k in changed})


def remove_block(block: AgendaBlock, *, by) -> None:
    event = block.event
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_l("A cancelled event cannot be changed. Copy it to schedule it again."),
                       code="event_cancelled")
    audit.record(by, "event.block_removed", subject=block, event=event, before=_times(block))
    event.blocks.remove(block)
    _touch(event)
    db.session.flush()
