"""A juror's scores: saved one value at a time with an upsert, a comment per pitch, submit and reopen.

Each (juror, pitch, criterion) is one row under a unique constraint, written with INSERT ... ON CONFLICT DO
UPDATE, so two devices of one juror or two jurors saving at once never overwrite each other's other values.
"""

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql, sqlite

from ...database import utcnow
from ...errors import Conflict as ConflictError
from ...errors import Invalid, NotAllowed
from ...extensions import db
from ...models import Application, Conflict, Criterion, Event, Juror, Score, ScoreSheet, User
from ..applications.running_order import Slot, slots_for
from ..audit import trail as audit
from . import rubric as jury_rubric


def _insert(model):
    """The dialect's INSERT, which knows ON CONFLICT (SQLite ≥ 3.24 and PostgreSQL)."""
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model.__table__)


def _sheet(juror: Juror, application: Application) -> ScoreSheet | None:
    return db.session.scalar(db.select(ScoreSheet).filter_by(juror_id=juror.id, application_id=application.id))


def _ensure_open(juror: Juror, application: Application) -> None:
    sheet = _sheet(juror, application)
    if sheet is not None and sheet.submitted_at is not None:
        raise ConflictError(_("You have submitted this pitch; the organisers can reopen it."), code="submitted")


def save_score(juror: Juror, application: Application, *, criterion_id: int, value: int) -> None:
    """Store one value (the guard has checked assignment and conflicts)."""
    criterion = db.session.get(Criterion, criterion_id)
    if criterion is None or criterion.event_id != juror.event_id:
        raise Invalid(_("Unknown criterion."), field="criterion_id")
    if not isinstance(value, int) or not criterion.scale_min <= value <= criterion.scale_max:
        raise Invalid(_("The value must be between %(low)d and %(high)d.", low=criterion.scale_min,
                        high=criterion.scale_max), field="value")
    _ensure_open(juror, application)
    stmt = _insert(Score).values(event_id=juror.event_id, juror_id=juror.id, application_id=application.id,
                                 criterion_id=criterion.id, value=value, updated_at=utcnow())
    db.session.execute(stmt.on_conflict_do_update(
        index_elements=["juror_id", "application_id", "criterion_id"],
        set_={"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at}))


def save_comment(juror: Juror, application: Application, *, comment: str) -> None:
    comment = (comment or "").strip()
    if len(comment) > 4000:
        raise Invalid(_("The comment is too long (at most 4000 characters)."), field="comment")
    _ensure_open(juror, application)
    stmt = _insert(ScoreSheet).values(event_id=juror.event_id, juror_id=juror.id, application_id=application.id,
                                      comment=comment, updated_at=utcnow())
    db.session.execute(stmt.on_conflict_do_update(
        index_elements=["juror_id", "application_id"],
        set_={"comment": stmt.excluded.comment, "updated_at": stmt.excluded.updated_at}))


def my_values(juror: Juror, application: Application) -> dict[int, int]:
    return dict(db.session.execute(db.select(Score.criterion_id, Score.value)
                                   .filter_by(juror_id=juror.id, application_id=application.id)).all())


def submit(juror: Juror, application: Application) -> None:
    """Final for this pitch: every criterion must be scored; afterwards only an organiser reopens it."""
    criteria = jury_rubric.criteria_of(juror.event)
    values = my_values(juror, application)
    if not criteria or any(c.id not in values for c in criteria):
        raise Invalid(_("Please score every criterion before submitting."), code="incomplete")
    save_comment(juror, application, comment=(_sheet(juror, application) or ScoreSheet(comment="")).comment)
    db.session.execute(db.update(ScoreSheet).where(ScoreSheet.juror_id == juror.id,
                                                   ScoreSheet.application_id == application.id,
                                                   ScoreSheet.submitted_at.is_(None))
                       .values(submitted_at=utcnow()))
    db.session.expire_all()


def reopen(juror: Juror, application: Application, *, by: User) -> None:
    updated = db.session.execute(db.update(ScoreSheet).where(ScoreSheet.juror_id == juror.id,
                                                             ScoreSheet.application_id == application.id,
                                                             ScoreSheet.submitted_at.is_not(None))
                                 .values(submitted_at=None, reopened_at=utcnow(), reopened_by_id=by.id)).rowcount
    if not updated:
        raise ConflictError(_("This pitch is not submitted."), code="not_submitted")
    audit.record(by, "jury.sheet_reopened", subject=application, event=application.event,
                 after={"person": juror.user.name})


# --- what the juror's page shows -------------------------------------------------------------------------

@dataclass
class PitchState:
    slot: Slot
    state: str  # "open", "partial", "done", "submitted", "conflict", "unassigned"
    scored: int = 0

    @property
    def application(self) -> Application:
        return self.slot.application


@dataclass
class JurorBoard:
    juror: Juror
    criteria: list[Criterion]
    pitches: list[PitchState] = field(default_factory=list)

    def index_of(self, application_id: int) -> int:
        return next((i for i, p in enumerate(self.pitches) if p.application.id == application_id), 0)


def board(juror: Juror, event: Event) -> JurorBoard:
    """Every pitch of the running order with this juror's state for it (a fixed number of queries)."""
    criteria = jury_rubric.criteria_of(event)
    counts = dict(db.session.execute(db.select(Score.application_id, db.func.count())
                                     .filter_by(juror_id=juror.id).group_by(Score.application_id)).all())
    submitted = set(db.session.scalars(db.select(ScoreSheet.application_id).filter(
        ScoreSheet.juror_id == juror.id, ScoreSheet.submitted_at.is_not(None))))
    conflicted = set(db.session.scalars(db.select(Conflict.startup_id).filter_by(juror_id=juror.id)))
    assigned = None if juror.all_pitches else {a.application_id for a in juror.assignments}
    result = JurorBoard(juror, criteria)
    for slot in slots_for(event):
        app_id = slot.application.id
        scored = counts.get(app_id, 0)
        if slot.application.startup_id in conflicted:
            state = "conflict"
        elif assigned is not None and app_id not in assigned:
            state = "unassigned"
        elif app_id in submitted:
            state = "submitted"
        elif criteria and scored >= len(criteria):
            state = "done"
        else:
            state = "partial" if scored else "open"
        result.pitches.append(PitchState(slot, state, scored))
    return result


def current_index(pitches: list[PitchState], now: datetime | None = None) -> int:
    """The pitch on stage now by the running order and the clock; before the first the first, after the last
    the last."""
    now = now or utcnow()
    for i, pitch in enumerate(pitches):
        if now < pitch.slot.ends_at:
            return i
    return max(len(pitches) - 1, 0)


def weighted_percent(criteria: list[Criterion], values: dict[int, int]) -> float | None:
    """The weighted mean of the given values as 0–100 % of each criterion's scale (None without values)."""
    used = [(c, values[c.id]) for c in criteria if c.id in values]
    weight = sum(c.weight for c, _v in used)
    if not weight:
        return None
    return 100 * sum(c.weight * (v - c.scale_min) / (c.scale_max - c.scale_min) for c, v in used) / weight


def not_in_conflict(juror: Juror, application: Application) -> None:
    if db.session.scalar(db.select(Conflict.id).filter_by(juror_id=juror.id, startup_id=application.startup_id)):
        raise NotAllowed(_("You have declared a conflict with this startup."), code="conflict")
