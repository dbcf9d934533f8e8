"""Scheduling events: create, edit, publish, postpone, cancel and copy.

Every function takes the acting user (``by``) and plain data, raises ``DomainError`` and flushes but never
commits. A change to the time, place or status of an event that people may already have in their calendar
raises its iCal SEQUENCE and tells everyone concerned (``events_notify``).
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import AgendaBlock, Camp, Event, EventStatus, EventType
from ...sectors import SECTORS
from ..audit import trail as audit
from ..cache.versions import touch_event
from . import notify as events_notify
from .labels import status_label

# Fields whose change makes a calendar entry out of date (RFC 5545: SEQUENCE must grow).
SCHEDULE_FIELDS = ("starts_at", "ends_at", "venue_name", "venue_address", "online_url")
EDITABLE_FIELDS = (
    "title", "type", "description", "starts_at", "ends_at", "venue_name", "venue_address", "online_url",
    "capacity", "sector_slugs", "registration_opens_at", "registration_closes_at", "cfp_opens_at",
    "cfp_closes_at", "pitch_minutes", "qa_minutes",
)

# The allowed moves of the status, and nothing else.
TRANSITIONS = {
    (EventStatus.DRAFT, EventStatus.PUBLISHED),
    (EventStatus.PUBLISHED, EventStatus.POSTPONED),
    (EventStatus.PUBLISHED, EventStatus.CANCELLED),
    (EventStatus.POSTPONED, EventStatus.PUBLISHED),
    (EventStatus.POSTPONED, EventStatus.CANCELLED),
}

# What the audit trail calls each move.
_STATUS_ACTIONS = {
    (EventStatus.DRAFT, EventStatus.PUBLISHED): "event.published",
    (EventStatus.PUBLISHED, EventStatus.POSTPONED): "event.postponed",
    (EventStatus.PUBLISHED, EventStatus.CANCELLED): "event.cancelled",
    (EventStatus.POSTPONED, EventStatus.PUBLISHED): "event.republished",
    (EventStatus.POSTPONED, EventStatus.CANCELLED): "event.cancelled",
}


@dataclass(frozen=True)
class Change:
    """One thing about an event that changed, for the notification e-mail."""

    field: str
    old: object
    new: object


def _check(values: dict) -> None:
    """The rules of a consistent event; each error names the field to show it on."""
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if not values.get("title", "").strip():
        raise Invalid(_l("Please give the event a title."), field="title")
    if starts is None or ends is None:
        raise Invalid(_l("Please give a start and an end."), field="starts_at" if starts is None else "ends_at")
    if ends <= starts:
        raise Invalid(_l("The event must end after it starts."), field="ends_at")
    if values.get("capacity", 0) < 0:
        raise Invalid(_l("The capacity cannot be negative."), field="capacity")
    for minutes in ("pitch_minutes", "qa_minutes"):
        if values.get(minutes, 0) < 0:
            raise Invalid(_l("Minutes cannot be negative."), field=minutes)
    unknown = [s for s in values.get("sector_slugs", "").split(",") if s and s not in SECTORS]
    if unknown:
        raise Invalid(_l("Unknown sector."), field="sectors")
    for window in ("registration", "cfp"):
        opens, closes = values.get(f"{window}_opens_at"), values.get(f"{window}_closes_at")
        if opens and closes and closes <= opens:
            raise Invalid(_l("The window must close after it opens."), field=f"{window}_closes_at")
        if closes and closes > starts:
            raise Invalid(_l("The window must close before the event starts."), field=f"{window}_closes_at")
        if opens and opens >= starts:
            raise Invalid(_l("The window must open before the event starts."), field=f"{window}_opens_at")


def _clean(values: dict) -> dict:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    cleaned = dict(values)
    for key in ("title", "venue_name", "venue_address", "online_url"):
        if key in cleaned and cleaned[key] is not None:
            cleaned[key] = cleaned[key].strip()
    if "type" in cleaned:
        cleaned["type"] = EventType(cleaned["type"])
    return cleaned


def create(camp: Camp, *, by, **values) -> Event:
    """A new draft event of ``camp``."""
    values = _clean(values)
    _check({"capacity": 0, "sector_slugs": "", **values})
    event = Event(camp=camp, status=EventStatus.DRAFT, **values)
    db.session.add(event)
    db.session.flush()
    audit.record(by, "event.created", subject=event, after={"title": event.title, "starts_at": event.starts_at})
    return event


def _bump_sequence(event: Event) -> None:
    # One SQL expression, so two concurrent changes both count (no lost update of the counter).
    event.sequence = Event.sequence + 1
    db.session.flush()
    db.session.refresh(event, ["sequence", "updated_at"])


def _refuse_if_cancelled(event: Event) -> None:
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_l("A cancelled event cannot be changed. Copy it to schedule it again."),
                       code="event_cancelled")


def _take_turn_to_edit(event: Event) -> None:
    """Lock the event's row and read it and its agenda again, so that two edits at once take turns.

    The agenda moves by the difference to the start the editor saw: without the lock, on PostgreSQL the
    second edit could read the event before the first commits and its blocks after, and refuse a valid move.
    On SQLite the request's write intent already holds the database's write lock; FOR UPDATE adds nothing there.
    """
    db.session.execute(
        db.select(Event).where(Event.id == event.id).with_for_update()
        .options(db.selectinload(Event.blocks)).execution_options(populate_existing=True)
    ).scalar_one()


def update(event: Event, *, by, **values) -> list[Change]:
    """Edit an event; moving it moves its agenda with it. Returns what changed about time and place."""
    _take_turn_to_edit(event)
    _refuse_if_cancelled(event)
    values = _clean(values)
    current = {f: getattr(event, f) for f in EDITABLE_FIELDS}
    _check({**current, **values})
    new_start = values.get("starts_at", event.starts_at)
    new_end = values.get("ends_at", event.ends_at)
    delta = new_start - event.starts_at
    for block in event.blocks:
        if not (new_start <= block.starts_at + delta and block.ends_at + delta <= new_end):
            raise Invalid(_l("The agenda block “%(title)s” would fall outside the new time. Change the "
                             "agenda first.", title=block.title), field="ends_at")
    changes = [Change(f, current[f], values[f]) for f in SCHEDULE_FIELDS if f in values and values[f] != current[f]]
    changed = [f for f in EDITABLE_FIELDS if f in values and values[f] != current[f]]
    if changed:
        audit.record(by, "event.updated", subject=event, before={f: current[f] for f in changed},
                     after={f: values[f] for f in changed})
    for key, value in values.items():
        setattr(event, key, value)
    for block in event.blocks:
        block.starts_at, block.ends_at = block.starts_at + delta, block.ends_at + delta
    db.session.flush()
    if changes and event.is_public:
        _bump_sequence(event)
        events_notify.notify_change(event, changes)
    return changes


def set_status(event: Event, status: EventStatus, *, by, note: str = "") -> None:
    """The one transition function: publish, postpone, re-publish or cancel."""
    status = EventStatus(status)
    if (event.status, status) not in TRANSITIONS:
        raise Conflict(_l("This event cannot go from “%(old)s” to “%(new)s”.",
                          old=status_label(event.status), new=status_label(status)), code="bad_transition")
    old = event.status
    # Conditional write: of two organisers pressing "cancel" at once, only one moves the status.
    moved = db.session.execute(
        db.update(Event).where(Event.id == event.id, Event.status == old)
        .values(status=status, sequence=Event.sequence + (0 if old == EventStatus.DRAFT else 1),
                updated_at=utcnow(),
                **({"postponed_from": Event.starts_at} if status == EventStatus.POSTPONED else {}))
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        raise Conflict(_l("Someone else changed this event at the same time. Please reload."), code="stale")
    touch_event(event)  # a bulk UPDATE: the session hook does not see it
    db.session.refresh(event)
    audit.record(by, _STATUS_ACTIONS[old, status], subject=event, before={"status": old},
                 after={"status": status, **({"note": note} if note else {})})
    if old != EventStatus.DRAFT:
        events_notify.notify_change(event, [Change("status", old, status)], note=note)


def publish(event: Event, *, by) -> None:
    set_status(event, EventStatus.PUBLISHED, by=by)


def postpone(event: Event, *, by, note: str = "") -> None:
    set_status(event, EventStatus.POSTPONED, by=by, note=note)


def cancel(event: Event, *, by, note: str = "") -> None:
    set_status(event, EventStatus.CANCELLED, by=by, note=note)


def copy(event: Event, *, by, starts_at: datetime, title: str | None = None) -> Event:
    """A new draft like ``event`` on a new date: same agenda, windows and settings, all shifted."""
    if starts_at is None:
        raise Invalid(_l("Please give the new start."), field="starts_at")
    delta = starts_at - event.starts_at

    def shift(value):
        return value + delta if value else None

    new = Event(
        camp_id=event.camp_id, title=(title or event.title).strip(), type=event.type,
        description=event.description, starts_at=starts_at, ends_at=event.ends_at + delta,
        venue_name=event.venue_name, venue_address=event.venue_address, online_url=event.online_url,
        capacity=event.capacity, sector_slugs=event.sector_slugs, pitch_minutes=event.pitch_minutes,
        qa_minutes=event.qa_minutes, status=EventStatus.DRAFT, copied_from_id=event.id,
        registration_opens_at=shift(event.registration_opens_at),
        registration_closes_at=shift(event.registration_closes_at),
        cfp_opens_at=shift(event.cfp_opens_at), cfp_closes_at=shift(event.cfp_closes_at),
    )
    new.blocks = [AgendaBlock(kind=b.kind, title=b.title, starts_at=b.starts_at + delta,
                              ends_at=b.ends_at + delta) for b in event.blocks]
    db.session.add(new)
    db.session.flush()
    audit.record(by, "event.copied", subject=new, after={"from_event": event.title, "starts_at": starts_at})
    return new
