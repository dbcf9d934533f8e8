"""The control room's actions: one transition function with the table of allowed moves, undo and the rehearsal.

Every action names the state version its tap saw. The row changes with ``UPDATE ... WHERE version = :seen``,
so when two organisers tap "next" at once exactly one of them moves the show on; the other is told the show
moved meanwhile (409) and sees the new state, and no startup is skipped. Each action is logged with the state
before it, which is what "undo" restores (the timer included: an undone "next" lets the pitch run on as if the
tap had not happened). Flushes, never commits; the channel announces the new version after the commit.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import Application, Event, User
from ...models.live import LiveAction, LiveState, Phase
from .. import vote as votes
from . import channel, trail
from . import state as live_state
from .timing import elapsed

W, P, Q, E = Phase.WAITING, Phase.PITCH, Phase.QA, Phase.ENDED
ANY = frozenset(Phase)


@dataclass(frozen=True)
class Context:
    now: datetime
    count: int  # startups in the show's order
    order: list[int]  # their application ids


@dataclass(frozen=True)
class Move:
    label: object  # lazy text for the log and the buttons
    phases: frozenset
    apply: Callable[[dict, Context], dict]  # the snapshot before → the fields that change
    allowed: Callable[[dict, Context], bool] = lambda s, c: True


def _phase(phase: Phase, s: dict, c: Context, **more) -> dict:
    return {"phase": phase, "phase_started_at": c.now, "paused_elapsed": None, **more}


def _next(s: dict, c: Context) -> dict:
    current = min(s["current"] + 1, c.count)
    return _phase(W if current < c.count else E, s, c, current=current)


def _moved(order: list[int], index: int, to: int) -> str:
    order = list(order)
    order.insert(to, order.pop(index))
    return ",".join(map(str, order))


def _elapsed(s: dict, c: Context) -> float:
    return elapsed(_Snap(s), c.now)


class _Snap:
    def __init__(self, s: dict):
        self.phase_started_at, self.paused_elapsed = s["phase_started_at"], s["paused_elapsed"]


def _on_stage(s, c):
    return s["current"] < c.count


MOVES: dict[str, Move] = {
    "start_pitch": Move(_l("Start pitch"), frozenset({W}),
                        lambda s, c: _phase(P, s, c, started_at=s["started_at"] or c.now), _on_stage),
    "start_qa": Move(_l("Q&A"), frozenset({P}), lambda s, c: _phase(Q, s, c)),
    "end": Move(_l("End"), frozenset({P, Q}), lambda s, c: _phase(E, s, c)),
    "next": Move(_l("Next"), frozenset({Q, E}), _next, _on_stage),
    "pause": Move(_l("Pause"), frozenset({P, Q}), lambda s, c: {"paused_elapsed": _elapsed(s, c)},
                  lambda s, c: s["paused_elapsed"] is None),
    "resume": Move(_l("Resume"), frozenset({P, Q}),
                   lambda s, c: {"phase_started_at": c.now - timedelta(seconds=s["paused_elapsed"]),
                                 "paused_elapsed": None},
                   lambda s, c: s["paused_elapsed"] is not None),
    # A no-show goes to the end of the order and the next startup is called in its place.
    "no_show": Move(_l("No-show: call later"), frozenset({W}),
                    lambda s, c: {"order_ids": _moved(c.order, s["current"], c.count - 1)},
                    lambda s, c: s["current"] + 1 < c.count),
    "swap": Move(_l("Swap with next"), frozenset({W}),
                 lambda s, c: {"order_ids": _moved(c.order, s["current"], s["current"] + 1)},
                 lambda s, c: s["current"] + 1 < c.count),
    "open_vote": Move(_l("Open vote"), ANY, lambda s, c: {"vote_open": True}, lambda s, c: not s["vote_open"]),
    "close_vote": Move(_l("Close vote"), ANY, lambda s, c: {"vote_open": False}, lambda s, c: s["vote_open"]),
    "reveal": Move(_l("Reveal awards"), frozenset({E}), lambda s, c: {"awards_revealed": True},
                   lambda s, c: s["current"] >= c.count and not s["awards_revealed"]),
}
NOT_UNDOABLE = {"undo", "reset"}


def allowed_moves(snap: dict, count: int) -> set[str]:
    """The actions the control room offers for this state (``count`` startups in the order)."""
    order = live_state.parse_ids(snap["order_ids"])
    c = Context(utcnow(), count, order)
    return {name for name, move in MOVES.items() if snap["phase"] in move.phases and move.allowed(snap, c)}


def _load(event: Event, seen_version: int) -> tuple[LiveState, dict, Context]:
    state = live_state.ensure_state(event)
    order = live_state.show_order(event, state)
    if state.version != seen_version:
        raise Conflict(_("The show moved on meanwhile; here is where it stands now."), code="changed_meanwhile",
                       version=state.version)
    snap = live_state.snapshot(state, order, vote_open=votes.is_open(event.id))
    return state, snap, Context(utcnow(), len(order), [slot.application.id for slot in order])


def _write(event: Event, state: LiveState, seen_version: int, fields: dict) -> int:
    """The conditional write: the new fields and version+1 only if nobody moved the show since ``seen``."""
    values = {k: v for k, v in fields.items() if k in live_state.FIELDS}
    stmt = (sa.update(LiveState).where(LiveState.id == state.id, LiveState.version == seen_version)
            .values(**values, version=LiveState.version + 1, updated_at=utcnow()))
    if db.session.execute(stmt).rowcount != 1:
        raise Conflict(_("The show moved on meanwhile; here is where it stands now."), code="changed_meanwhile")
    db.session.expire(state)
    channel.changed(event.id, seen_version + 1)
    return seen_version + 1


def _vote(event: Event, want_open: bool | None, by: User | None) -> None:
    if want_open is None or want_open == votes.is_open(event.id):
        return
    (votes.open_vote if want_open else votes.close_vote)(event, by=by)


def act(event: Event, action: str, *, by: User | None, seen_version: int) -> LiveAction:
    """Carry out one control-room action; raise Conflict when another came first or the move is not allowed now."""
    move = MOVES.get(action)
    if move is None:
        raise Invalid(_("Unknown action."), code="unknown_action")
    state, snap, context = _load(event, seen_version)
    if snap["phase"] not in move.phases or not move.allowed(snap, context):
        raise Conflict(_("“%(action)s” is not possible now.", action=move.label), code="not_allowed",
                       version=state.version)
    fields = move.apply(snap, context)
    # The first action freezes the order, so later changes to the running order cannot shift the show.
    fields.setdefault("order_ids", snap["order_ids"])
    version = _write(event, state, seen_version, fields)
    _vote(event, fields.get("vote_open"), by)
    return _log(event, action, version, by, snap, context)


def _log(event: Event, action: str, version: int, by: User | None, snap: dict, context: Context) -> LiveAction:
    on_stage = context.order[snap["current"]] if snap["current"] < context.count else None
    entry = LiveAction(event_id=event.id, action=action, version=version, by_id=by.id if by else None,
                       before=live_state.to_json(snap), detail=str(on_stage or ""), at=context.now)
    db.session.add(entry)
    db.session.flush()
    state = live_state.state_of(event)
    trail.record(event, action, by, _summary(event, snap["phase"], snap["current"], snap["order_ids"]),
                 _summary(event, state.phase, state.current, state.order_ids))
    return entry


def _summary(event: Event, phase, current: int, order_ids: str) -> dict:
    """What the audit entry says of a state: the phase and who was on stage."""
    order = live_state.show_order(event, None) if not order_ids else None
    ids = live_state.parse_ids(order_ids) if order_ids else [slot.application.id for slot in order]
    name = None
    if current < len(ids):
        application = db.session.get(Application, ids[current])
        name = application.startup.name if application is not None else None
    return {"phase": str(phase), "on_stage": name}


def last_undoable(event: Event) -> LiveAction | None:
    return db.session.scalar(sa.select(LiveAction).where(
        LiveAction.event_id == event.id, LiveAction.undone_at.is_(None), LiveAction.action.not_in(NOT_UNDOABLE))
        .order_by(LiveAction.id.desc()).limit(1))


def undo(event: Event, *, by: User | None, seen_version: int) -> LiveAction:
    """Put the state back as it was before the last action not yet undone (repeatable, one step at a time)."""
    state, snap, context = _load(event, seen_version)
    last = last_undoable(event)
    if last is None:
        raise Conflict(_("There is nothing to undo."), code="nothing_to_undo", version=state.version)
    before = live_state.from_json(last.before)
    version = _write(event, state, seen_version, before)
    _vote(event, before.get("vote_open"), by)
    last.undone_at = context.now
    return _log(event, "undo", version, by, snap, context)


def reset(event: Event, *, by: User | None) -> LiveAction:
    """The rehearsal's reset: the first startup called, no timer, the order following the running order again,
    and the log cleared (undo cannot reach back past a rehearsal). The audience vote is left as it is."""
    state = live_state.ensure_state(event)
    order = live_state.show_order(event, state)
    snap = live_state.snapshot(state, order, vote_open=votes.is_open(event.id))
    context = Context(utcnow(), len(order), [slot.application.id for slot in order])
    db.session.execute(sa.delete(LiveAction).where(LiveAction.event_id == event.id))
    version = _write(event, state, state.version, {
        "order_ids": "", "current": 0, "phase": W, "phase_started_at": None, "paused_elapsed": None,
        "awards_revealed": False, "started_at": None})
    return _log(event, "reset", version, by, snap, context)


def touch(event: Event) -> None:
    """A change the screens show but the live state does not hold (the vote opened on its own page, a startup
    renamed): a new version so every open screen fetches the state again."""
    state = live_state.state_of(event)
    if state is not None:
        _write(event, state, state.version, {})
