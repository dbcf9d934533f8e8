"""Meetings of agreed pairs: the organiser's tables, running the allocation, moving, cancelling, confirming.

The database holds the rules (a table, a startup, a person at most once per slot: unique constraints on
``meetings``), so a hand move that would collide fails there even if two organisers act at once.
"""

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ...database import utcnow
from ...errors import Conflict, Invalid, NotAllowed
from ...extensions import db
from ...models.matchmaking import Meeting, MeetingRequest, MeetingStatus, MeetingTable, RequestSide, RequestStatus
from .allocation import Pair, allocate
from .notify import notify_meeting
from .setup import networking_slots, settings_for


def tables_of(event, *, active_only=True) -> list[MeetingTable]:
    query = sa.select(MeetingTable).filter_by(event_id=event.id).order_by(MeetingTable.position, MeetingTable.id)
    if active_only:
        query = query.filter_by(active=True)
    return list(db.session.scalars(query))


def placed_meetings(event) -> list[Meeting]:
    return list(db.session.scalars(
        sa.select(Meeting).where(Meeting.event_id == event.id, Meeting.status == MeetingStatus.PLACED,
                                 Meeting.slot_index.is_not(None))
        .order_by(Meeting.slot_index, Meeting.table_id)))


def set_tables(event, names: list[str]) -> list[MeetingTable]:
    """The organiser's list of tables or rooms, in order; a table with placed meetings can't be removed."""
    wanted = []
    for name in (n.strip() for n in names):
        if name and name.lower() not in {w.lower() for w in wanted}:
            if len(name) > 60:
                raise Invalid(_("A table name has at most 60 characters."), field="tables")
            wanted.append(name)
    existing = {t.name.lower(): t for t in tables_of(event, active_only=False)}
    busy = {m.table_id for m in placed_meetings(event)}
    for key, table in existing.items():
        if key not in {w.lower() for w in wanted} and table.active:
            if table.id in busy:
                raise Conflict(_("%(table)s still has meetings. Move or cancel them first.", table=table.name),
                               field="tables")
            table.active = False
    for position, name in enumerate(wanted):
        table = existing.get(name.lower())
        if table is None:
            table = MeetingTable(event_id=event.id, name=name)
            db.session.add(table)
        table.name, table.position, table.active = name, position, True
    db.session.flush()
    return tables_of(event)


def set_slot_minutes(event, minutes: int) -> None:
    settings = settings_for(event)
    if minutes != settings.slot_minutes and placed_meetings(event):
        raise Conflict(_("Meetings are already placed. Cancel them before changing the slot length."),
                       field="slot_minutes")
    if not 5 <= minutes <= 120:
        raise Invalid(_("A slot lasts between 5 and 120 minutes."), field="slot_minutes")
    settings.slot_minutes = minutes
    db.session.flush()


def _times(event):
    return {i: (start, end) for i, start, end in networking_slots(event)}


def run_allocation(event, *, notify: bool = True):
    """Place every agreed pair the grid allows; meetings confirmed by both sides or placed by hand stay put.

    ``notify=False`` (demo data) places without e-mailing anyone.
    """
    times = _times(event)
    tables = tables_of(event)
    if not times:
        raise Conflict(_("The event has no networking block long enough for one meeting slot."), code="no_block")
    if not tables:
        raise Conflict(_("Add at least one table or room first."), code="no_tables")
    agreed = list(db.session.scalars(sa.select(MeetingRequest).filter_by(event_id=event.id,
                                                                         status=RequestStatus.ACCEPTED)))
    meetings = {m.request_id: m for m in db.session.scalars(sa.select(Meeting).filter_by(event_id=event.id))}
    # A meeting the organiser cancelled is not placed again; the pair stays agreed in the records.
    candidates = [r for r in agreed if r.id not in meetings or meetings[r.id].status == MeetingStatus.PLACED]
    pairs = [Pair(r.id, ("s", r.startup_id), r.party_key) for r in candidates]
    table_ids = [t.id for t in tables]
    fixed, previous = {}, {}
    for r in candidates:
        m = meetings.get(r.id)
        if m is not None and m.slot_index is not None and m.table_id in table_ids and m.slot_index in times:
            (fixed if m.fixed else previous)[r.id] = (m.slot_index, m.table_id)
    result = allocate(pairs, len(times), table_ids, fixed=fixed, previous=previous)

    # Free the movable meetings first so swaps never trip the unique constraints halfway.
    movable = [meetings[r.id] for r in candidates if r.id in meetings and r.id not in fixed]
    before = {m.id: (m.slot_index, m.table_id) for m in movable}
    for m in movable:
        m.slot_index = m.table_id = None
    db.session.flush()
    changed = []
    for r in candidates:
        if r.id in fixed:
            continue
        place = result.placements.get(r.id)
        m = meetings.get(r.id)
        if place is None:
            if m is not None:
                m.sequence += 1
                if notify:
                    notify_meeting(m, "cancelled")
                db.session.delete(m)
            continue
        if m is None:
            m = Meeting(event_id=event.id, request_id=r.id, startup_id=r.startup_id, party_key=r.party_key)
            db.session.add(m)
            m.request = r
            changed.append((m, "placed"))
        elif before[m.id] != place:
            m.sequence += 1
            m.attendee_confirmed_at = m.startup_confirmed_at = None
            changed.append((m, "moved"))
        m.slot_index, m.table_id = place
        m.starts_at, m.ends_at = times[place[0]]
    db.session.flush()
    for m, kind in changed if notify else ():
        notify_meeting(m, kind)
    settings_for(event).allocated_at = utcnow()
    return result


def move(meeting: Meeting, *, slot_index: int, table_id: int) -> Meeting:
    """The organiser places a meeting by hand; it then stays there on re-runs, and both are told."""
    event = meeting.request.event
    times = _times(event)
    if slot_index not in times or table_id not in {t.id for t in tables_of(event)}:
        raise Invalid(_("Choose a slot and a table of this event."), field="slot")
    if meeting.status != MeetingStatus.PLACED:
        raise Conflict(_("This meeting was cancelled."), code="cancelled")
    if (meeting.slot_index, meeting.table_id) == (slot_index, table_id):
        return meeting
    try:
        # The savepoint starts before the change, so a collision rolls back only this move.
        with db.session.begin_nested():
            meeting.slot_index, meeting.table_id = slot_index, table_id
            meeting.starts_at, meeting.ends_at = times[slot_index]
            meeting.pinned, meeting.sequence = True, meeting.sequence + 1
            meeting.attendee_confirmed_at = meeting.startup_confirmed_at = None
    except IntegrityError:
        raise Conflict(_("That table, the startup or the attendee is already taken in this slot."),
                       code="slot_taken", field="slot") from None
    notify_meeting(meeting, "moved")
    return meeting


def cancel(meeting: Meeting, *, by=None) -> Meeting:
    """Cancel a meeting: its slot and table are free again, both sides get the cancellation."""
    if meeting.status == MeetingStatus.CANCELLED:
        return meeting
    meeting.sequence += 1
    notify_meeting(meeting, "cancelled")
    meeting.status, meeting.slot_index, meeting.table_id = MeetingStatus.CANCELLED, None, None
    db.session.flush()
    return meeting


def confirm(meeting: Meeting, *, side: RequestSide) -> Meeting:
    """One side confirms the time and table; once both have, re-runs leave the meeting where it is."""
    if meeting.status != MeetingStatus.PLACED or meeting.slot_index is None:
        raise Conflict(_("This meeting is not placed."), code="not_placed")
    column = Meeting.startup_confirmed_at if side == RequestSide.STARTUP else Meeting.attendee_confirmed_at
    db.session.execute(sa.update(Meeting).where(Meeting.id == meeting.id, column.is_(None))
                       .values({column.key: utcnow()}))
    db.session.refresh(meeting)
    return meeting


def meeting_for_side(meeting_id: int, *, startup=None, registration=None) -> Meeting:
    """A meeting of this startup or this attendee, else NotAllowed (never another pair's meeting)."""
    meeting = db.session.get(Meeting, meeting_id)
    ok = meeting is not None and (
        (startup is not None and meeting.startup_id == startup.id)
        or (registration is not None and meeting.request.registration_id == registration.id))
    if not ok:
        raise NotAllowed(_("This is not your meeting."), status=404, code="not_found")
    return meeting
