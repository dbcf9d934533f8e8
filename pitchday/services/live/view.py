"""What the screens receive: the show's public state (stage, jurors, founders, the event page) and the control
room's extras (allowed actions, the jury's progress on the startup on stage).

The public state depends only on the version (it holds no translated text: sectors are slugs the page names in
its own language), so it is built once per version and the same bytes go to every screen; the server's clock
travels in a header (``X-Server-Now``), not in the cached body.
"""

import json
from collections import OrderedDict
from datetime import datetime

import sqlalchemy as sa

from ...database import utcnow
from ...extensions import db
from ...models import Award, Event, Juror, JuryPublication, Score, ScoreSheet
from ...models.jury import Conflict as JuryConflict
from ...models.jury import JurorStatus
from ...models.live import Phase
from .. import vote as votes
from ..accounts.account import external_url
from ..jury import rubric as jury_rubric
from . import state as live_state
from . import timing
from .transitions import MOVES, allowed_moves, last_undoable


def _ms(value: datetime | None) -> int | None:
    return int(value.timestamp() * 1000) if value is not None else None


def _startup(slot, event: Event) -> dict:
    startup = slot.startup
    return {"application_id": slot.application.id, "name": startup.name, "one_liner": startup.one_liner or "",
            "camp": event.camp.name, "sectors": startup.sectors}  # slugs: the page names them in its language


def awards_published(event: Event) -> bool:
    return db.session.get(JuryPublication, event.id) is not None


def _awards(event: Event) -> list[dict]:
    rows = []
    if awards_published(event):
        awards = db.session.scalars(sa.select(Award).filter_by(event_id=event.id).order_by(Award.position, Award.id))
        rows = [{"title": a.title, "name": a.application.startup.name} for a in awards]
    settings = votes.settings_of(event)
    if settings is not None and settings.published_at is not None:
        tally = votes.tally(event)
        rows += [{"title": None, "audience": True, "name": slot.startup.name} for slot, count, place in tally.rows
                 if place == 1 and count > 0]
    return rows


def public_state(event: Event) -> dict:
    """The show as every screen sees it (times as epoch milliseconds of the server's clock)."""
    state = live_state.state_of(event)
    order = live_state.show_order(event, state)
    version = state.version if state is not None else 0
    current = state.current if state is not None else 0
    phase = Phase(state.phase) if state is not None else Phase.WAITING
    finished = current >= len(order)
    settings = votes.settings_of(event)
    vote = None
    if settings is not None and settings.is_open:
        vote = {"code": settings.screen_code, "url": external_url("vote.code_form", screen_code=settings.screen_code)}
    return {
        "event_id": event.id, "version": version, "phase": str(phase), "current": current, "count": len(order),
        "phase_started_at": _ms(state.phase_started_at) if state is not None else None,
        "paused_elapsed": state.paused_elapsed if state is not None else None,
        "started": bool(state is not None and state.started_at), "finished": finished,
        "pitch_seconds": event.pitch_minutes * 60, "qa_seconds": event.qa_minutes * 60,
        "on_stage": _startup(order[current], event) if not finished else None,
        "next": _startup(order[current + 1], event) if current + 1 < len(order) else None,
        "order": [{"application_id": s.application.id, "name": s.startup.name, "planned": _ms(s.starts_at)}
                  for s in order],
        "vote": vote,
        "awards": _awards(event) if state is not None and state.awards_revealed else [],
    }


_CACHE: "OrderedDict[tuple, bytes]" = OrderedDict()
_CACHE_SIZE = 64


def public_state_bytes(event: Event) -> tuple[int, bytes]:
    """The public state as JSON bytes, built once per (event, version) in this process."""
    state = live_state.state_of(event)
    version = state.version if state is not None else 0
    # The row's id and last change too: a test database (or a restored backup) can reuse an event's id and version.
    key = (event.id, version, state.id if state else 0, state.updated_at if state else None)
    body = _CACHE.get(key)
    if body is None:
        body = json.dumps(public_state(event), separators=(",", ":")).encode()
        _CACHE[key] = body
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return version, body


def jury_progress(event: Event, application_id: int | None, startup_id: int | None) -> list[dict]:
    """Per active juror: their state for the startup on stage (open, partial, done, submitted; conflict and
    unassigned jurors are listed as skipped), in a fixed number of queries."""
    jurors = db.session.scalars(sa.select(Juror).where(Juror.event_id == event.id,
                                                       Juror.status != JurorStatus.REVOKED)).all()
    if application_id is None or not jurors:
        return []
    criteria = len(jury_rubric.criteria_of(event))
    counts = dict(db.session.execute(sa.select(Score.juror_id, sa.func.count()).where(
        Score.application_id == application_id).group_by(Score.juror_id)).all())
    submitted = set(db.session.scalars(sa.select(ScoreSheet.juror_id).where(
        ScoreSheet.application_id == application_id, ScoreSheet.submitted_at.is_not(None))))
    conflicted = set(db.session.scalars(sa.select(JuryConflict.juror_id).where(
        JuryConflict.startup_id == startup_id)))
    assigned = {a.juror_id for j in jurors if not j.all_pitches for a in j.assignments
                if a.application_id == application_id}
    rows = []
    for juror in sorted(jurors, key=lambda j: j.user.name.lower()):
        if juror.id in conflicted:
            status = "conflict"
        elif not juror.all_pitches and juror.id not in assigned:
            status = "unassigned"
        elif juror.id in submitted:
            status = "submitted"
        elif criteria and counts.get(juror.id, 0) >= criteria:
            status = "done"
        else:
            status = "partial" if counts.get(juror.id) else "open"
        rows.append({"juror_id": juror.id, "name": juror.user.name, "status": status})
    return rows


def all_done(progress: list[dict]) -> bool:
    """Every juror who scores this pitch has scored it (conflicted and unassigned jurors are skipped)."""
    scoring = [row for row in progress if row["status"] not in ("conflict", "unassigned")]
    return bool(scoring) and all(row["status"] in ("done", "submitted") for row in scoring)


def room_state(event: Event) -> dict:
    """The control room: the public state plus the actions possible now, the last undoable one and the jury."""
    state = live_state.ensure_state(event)
    public = public_state(event)
    order = live_state.show_order(event, state)
    snap = live_state.snapshot(state, order, vote_open=public["vote"] is not None)
    on_stage = order[state.current] if state.current < len(order) else None
    progress = jury_progress(event, on_stage.application.id if on_stage else None,
                             on_stage.startup.id if on_stage else None)
    last = last_undoable(event)
    now = utcnow()
    expected = timing.expected_starts(state, [s.starts_at for s in order], now, event.pitch_minutes,
                                      event.qa_minutes)
    return {**public, "allowed": sorted(allowed_moves(snap, len(order))),
            "undo": str(MOVES[last.action].label) if last is not None else None,
            "jury": progress, "jury_done": all_done(progress),
            "awards_ready": bool(_awards(event)),
            "delay_minutes": _delay(order, expected, now)}


def _delay(order, expected, now) -> int:
    """Minutes the show runs behind its plan, judged by the next startup to come on stage (0 when on time)."""
    upcoming = [(slot, when) for slot, when in zip(order, expected, strict=True) if when is not None]
    if not upcoming:
        return 0
    slot, when = upcoming[0]
    return max(round((when - slot.starts_at).total_seconds() / 60), 0)


def expected_for(event: Event, application_id: int) -> datetime | None:
    """When this startup's pitch is expected to start, given the show so far (None once begun or not in it)."""
    state = live_state.state_of(event)
    order = live_state.show_order(event, state)
    if state is None:
        return next((s.starts_at for s in order if s.application.id == application_id), None)
    expected = timing.expected_starts(state, [s.starts_at for s in order], utcnow(), event.pitch_minutes,
                                      event.qa_minutes)
    return next((when for slot, when in zip(order, expected, strict=True) if slot.application.id == application_id),
                None)


def is_running(event: Event) -> bool:
    """The show has started and is not over: the time to show "on in about N minutes"."""
    state = live_state.state_of(event)
    return bool(state is not None and state.started_at is not None
                and state.current < len(live_state.show_order(event, state)))




def on_stage_id(event: Event) -> int | None:
    """The application on stage while the show runs (for the juror's landing page), else None."""
    state = live_state.state_of(event)
    if state is None or state.started_at is None:
        return None
    order = live_state.show_order(event, state)
    return order[state.current].application.id if state.current < len(order) else None
