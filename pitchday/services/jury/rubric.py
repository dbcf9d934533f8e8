"""The rubric an event's jury scores with: a default to start from, edits while no score exists, and the
explicit reset that unlocks it."""

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ...errors import Conflict as ConflictError
from ...errors import Invalid
from ...extensions import db
from ...models import Criterion, Event, Score, ScoreSheet
from ..audit import trail as audit

DEFAULT_RUBRIC = [
    (_l("Team"), _l("Can this team build it and sell it?"), _l("single founder, gaps"), _l("solid core team"),
     _l("proven, complete team")),
    (_l("Problem and solution"), _l("Is the problem real and does the solution solve it?"), _l("unclear problem"),
     _l("plausible fit"), _l("painful problem, convincing solution")),
    (_l("Market"), _l("Size and access to the market."), _l("niche, no access"), _l("sizeable market"),
     _l("large market, clear access")),
    (_l("Business model"), _l("How does it make money, and does that add up?"), _l("no model yet"),
     _l("model with open questions"), _l("tested, scalable model")),
    (_l("Traction"), _l("Customers, pilots, revenue, partners so far."), _l("none yet"), _l("first pilots"),
     _l("paying customers, growth")),
    (_l("Pitch"), _l("Clarity of the pitch and the answers."), _l("hard to follow"), _l("clear"),
     _l("compelling and precise")),
]


def criteria_of(event: Event) -> list[Criterion]:
    return list(db.session.scalars(db.select(Criterion).filter_by(event_id=event.id)
                                   .order_by(Criterion.position, Criterion.id)))


def is_locked(event: Event) -> bool:
    """The rubric is locked once any score exists."""
    return db.session.scalar(db.select(Score.id).filter_by(event_id=event.id).limit(1)) is not None


def _ensure_unlocked(event: Event) -> None:
    if is_locked(event):
        raise ConflictError(_("Scores exist already: the rubric is locked. Reset the scores to change it."),
                            code="rubric_locked")


def add_default_rubric(event: Event, *, locale: str = "de", by=None) -> list[Criterion]:
    """The six default criteria (weight 1, scale 1–10) in ``locale``, for an event without a rubric yet."""
    if criteria_of(event):
        raise ConflictError(_("This event has a rubric already."), code="rubric_exists")
    with force_locale(locale):
        created = _add_default(event)
    audit.record(by, "jury.criterion_added", subject=event, after={"name": [c.name for c in created]})
    return created


def _add_default(event: Event) -> list[Criterion]:
    created = []
    for position, (name, description, low, mid, high) in enumerate(DEFAULT_RUBRIC, start=1):
        criterion = Criterion(event_id=event.id, position=position, name=str(name), description=str(description),
                              weight=1.0, scale_min=1, scale_max=10, anchor_low=str(low), anchor_mid=str(mid),
                              anchor_high=str(high))
        db.session.add(criterion)
        created.append(criterion)
    db.session.flush()
    return created


def _check(values: dict) -> None:
    if values["scale_max"] <= values["scale_min"]:
        raise Invalid(_("The highest value must be above the lowest."), field="scale_max")
    if values["scale_max"] - values["scale_min"] > 20:
        raise Invalid(_("A scale has at most 21 steps."), field="scale_max")
    if values["weight"] <= 0:
        raise Invalid(_("The weight must be above zero."), field="weight")


def save_criterion(event: Event, criterion: Criterion | None, *, by=None, **values) -> Criterion:
    """Create (``criterion`` None) or change a criterion; refused while the rubric is locked."""
    _ensure_unlocked(event)
    _check(values)
    before = {} if criterion is None else {k: getattr(criterion, k) for k in values}
    if criterion is None:
        position = 1 + max((c.position for c in criteria_of(event)), default=0)
        criterion = Criterion(event_id=event.id, position=position)
        db.session.add(criterion)
    for key, value in values.items():
        setattr(criterion, key, value)
    db.session.flush()
    changed = [k for k in values if k not in before or before[k] != values[k]]
    if changed:
        audit.record(by, "jury.criterion_changed" if before else "jury.criterion_added", subject=criterion,
                     event=event, before={k: before[k] for k in changed if k in before},
                     after={k: values[k] for k in changed})
    return criterion


def delete_criterion(event: Event, criterion: Criterion, *, by=None) -> None:
    _ensure_unlocked(event)
    audit.record(by, "jury.criterion_removed", subject=criterion, event=event,
                 before={"name": criterion.name, "weight": criterion.weight})
    db.session.delete(criterion)
    db.session.flush()


def reset_scores(event: Event, *, confirmed: bool, by=None) -> int:
    """Delete every score and score sheet of the event (unlocks the rubric); returns how many scores went."""
    if not confirmed:
        raise Invalid(_("Please confirm that all scores of this event will be deleted."), field="confirm")
    removed = db.session.execute(db.delete(Score).filter_by(event_id=event.id)).rowcount
    db.session.execute(db.delete(ScoreSheet).filter_by(event_id=event.id))
    db.session.flush()
    audit.record(by, "jury.scores_reset", subject=event, before={"scores": removed}, after={"scores": 0})
    return removed
