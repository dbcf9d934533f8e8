"""The live state row of an event, the show's order of startups, and snapshots of the state (what undo restores)."""

import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ...extensions import db
from ...models import Event
from ...models.live import LiveState, Phase
from ..applications.running_order import Slot, slots_for


def state_of(event: Event) -> LiveState | None:
    return db.session.scalar(sa.select(LiveState).filter_by(event_id=event.id))


def ensure_state(event: Event) -> LiveState:
    """The event's live state, created (first startup called, nothing started) on first use."""
    state = state_of(event)
    if state is not None:
        return state
    try:
        with db.session.begin_nested():
            state = LiveState(event_id=event.id, version=1, order_ids="", current=0, phase=Phase.WAITING,
                              awards_revealed=False)
            db.session.add(state)
    except IntegrityError:  # another request created it meanwhile
        state = state_of(event)
    return state


def parse_ids(text: str) -> list[int]:
    return [int(part) for part in (text or "").split(",") if part.strip().isdigit()]


def show_order(event: Event, state: LiveState | None, slots: list[Slot] | None = None) -> list[Slot]:
    """The running order's slots in the show's order: the frozen order first (startups since removed from the
    running order dropped), then any added since, in running order."""
    slots = slots_for(event) if slots is None else slots
    frozen = parse_ids(state.order_ids) if state is not None else []
    by_app = {slot.application.id: slot for slot in slots}
    ordered = [by_app[app_id] for app_id in frozen if app_id in by_app]
    seen = {slot.application.id for slot in ordered}
    return ordered + [slot for slot in slots if slot.application.id not in seen]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


FIELDS = ("order_ids", "current", "phase", "phase_started_at", "paused_elapsed", "awards_revealed", "started_at")


def snapshot(state: LiveState, order: list[Slot], *, vote_open: bool) -> dict:
    """The state as plain values (times as datetimes); ``order_ids`` frozen to the show's current order."""
    return {"order_ids": ",".join(str(slot.application.id) for slot in order), "current": state.current,
            "phase": Phase(state.phase), "phase_started_at": state.phase_started_at,
            "paused_elapsed": state.paused_elapsed, "awards_revealed": bool(state.awards_revealed),
            "started_at": state.started_at, "vote_open": vote_open}


def to_json(snap: dict) -> str:
    return json.dumps({**snap, "phase": str(snap["phase"]), "phase_started_at": _iso(snap["phase_started_at"]),
                       "started_at": _iso(snap["started_at"])})


def from_json(text: str) -> dict:
    data = json.loads(text)
    return {**data, "phase": Phase(data["phase"]), "phase_started_at": _from_iso(data["phase_started_at"]),
            "started_at": _from_iso(data["started_at"])}
