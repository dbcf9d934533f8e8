"""What the matchmaking pages show, gathered in a fixed number of queries (read only)."""

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ...extensions import db
from ...models.matchmaking import Meeting, MeetingRequest, MeetingStatus, RequestSide, RequestStatus
from . import requests as mm
from . import setup
from .contacts import event_is_over


def _placed(query):
    return list(db.session.scalars(
        query.where(Meeting.status == MeetingStatus.PLACED, Meeting.slot_index.is_not(None))
        .options(joinedload(Meeting.table), joinedload(Meeting.startup))
        .order_by(Meeting.starts_at)))


def attendee_view(registration) -> dict:
    event = registration.event
    requests = mm.requests_for_registration(registration)
    by_startup = {r.startup_id: r for r in requests}
    lineup = [(startup, by_startup.get(startup.id)) for startup in mm.lineup(event)]
    incoming = [r for r in requests if r.requested_by == RequestSide.STARTUP and r.status == RequestStatus.PENDING]
    meetings = _placed(sa.select(Meeting).join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
                       .where(MeetingRequest.registration_id == registration.id))
    agreed_waiting = [r for r in requests if r.status == RequestStatus.ACCEPTED
                      and r.id not in {m.request_id for m in meetings}]
    return {"event": event, "registration": registration, "profile": mm.profile_of(registration),
            "lineup": lineup, "incoming": incoming, "meetings": meetings, "agreed_waiting": agreed_waiting,
            "startup_names": {s.id: s.name for s, _r in lineup}}


def startup_view(startup, event) -> dict:
    requests = mm.requests_for_startup(startup, event)
    by_registration = {r.registration_id: r for r in requests if r.registration_id}
    incoming = [r for r in requests if r.requested_by != RequestSide.STARTUP and r.status == RequestStatus.PENDING]
    meetings = _placed(sa.select(Meeting).where(Meeting.startup_id == startup.id, Meeting.event_id == event.id))
    placed_ids = {m.request_id for m in meetings}
    return {
        "startup": startup, "event": event, "incoming": incoming, "meetings": meetings,
        "agreed_waiting": [r for r in requests if r.status == RequestStatus.ACCEPTED and r.id not in placed_ids],
        "outgoing": [r for r in requests if r.requested_by == RequestSide.STARTUP
                     and r.status in (RequestStatus.PENDING, RequestStatus.DECLINED)],
        "attendees": [(reg, profile, by_registration.get(reg.id)) for reg, profile in mm.visible_attendees(event)],
        "over": event_is_over(event),
    }


def grid_view(event) -> dict:
    """The organiser's view: counts, the slots x tables grid, and the agreed pairs still without a place."""
    from .meetings import placed_meetings, tables_of

    requests = mm.requests_of_event(event)
    slots = setup.networking_slots(event)
    tables = tables_of(event)
    placed = placed_meetings(event)
    cells = {(m.slot_index, m.table_id): m for m in placed}
    placed_ids = {m.request_id for m in placed}
    cancelled_ids = set(db.session.scalars(sa.select(Meeting.request_id).filter_by(
        event_id=event.id, status=MeetingStatus.CANCELLED)))
    agreed = [r for r in requests if r.status == RequestStatus.ACCEPTED]
    counts = {status.value: sum(1 for r in requests if r.status == status) for status in RequestStatus}
    return {"event": event, "requests": requests, "slots": slots, "tables": tables, "cells": cells,
            "placed": placed, "counts": counts, "agreed": agreed,
            "unplaced": [r for r in agreed if r.id not in placed_ids and r.id not in cancelled_ids],
            "settings": setup.current_settings(event), "block": setup.networking_block(event)}
