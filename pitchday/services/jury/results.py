"""Results of an event's jury, live or published, loaded in a fixed number of queries whatever the size.

The queries: criteria, running order (slots with applications and startups), jurors with their accounts, all
scores, conflicts, partial assignments, score sheets and the publication: eight, plus the agenda blocks.
"""

import statistics
from dataclasses import dataclass

from ...extensions import db
from ...models import (
    Application,
    Conflict,
    Criterion,
    Event,
    Juror,
    JurorAssignment,
    JuryPublication,
    Score,
    ScoreSheet,
    User,
)
from ...models.jury import JurorStatus
from ..applications.running_order import Slot, slots_for
from . import stats as jury_stats


@dataclass
class EventResults:
    event: Event
    criteria: list[Criterion]
    slots: list[Slot]
    jurors: list[Juror]
    stats: jury_stats.Results
    raw_scores: list[tuple]  # (juror_id, application_id, criterion_id, value)
    submitted: set[tuple[int, int]]  # (juror id, application id) submitted
    comments: dict[int, list[str]]  # application id -> comments of counted jurors
    publication: JuryPublication | None

    @property
    def slot_by_app(self) -> dict[int, Slot]:
        return {s.application.id: s for s in self.slots}

    @property
    def juror_by_id(self) -> dict[int, Juror]:
        return {j.id: j for j in self.jurors}

    def field_median(self, criterion_id: int) -> float | None:
        """The median over pitches of their mean on this criterion: what a pitch compares itself with."""
        means = [p.criterion_means[criterion_id] for p in self.stats.pitches if criterion_id in p.criterion_means]
        return statistics.median(means) if means else None

    def pitch(self, application_id: int) -> jury_stats.PitchResult | None:
        return next((p for p in self.stats.pitches if p.application_id == application_id), None)

    def submitted_by(self, juror_id: int) -> list[int]:
        return [a for j, a in sorted(self.submitted) if j == juror_id]

    @property
    def unnormalised_jurors(self) -> list[tuple[Juror, jury_stats.JurorResult]]:
        return [(j, self.stats.jurors[j.id]) for j in self.jurors if j.id in self.stats.jurors
                and not self.stats.jurors[j.id].normalised]


def load(event: Event, *, min_scores: int = jury_stats.NORMALISE_MIN_SCORES) -> EventResults:
    criteria = list(db.session.scalars(db.select(Criterion).filter_by(event_id=event.id)
                                       .order_by(Criterion.position, Criterion.id)))
    slots = slots_for(event)
    jurors = list(db.session.scalars(db.select(Juror).filter_by(event_id=event.id).join(Juror.user)
                                     .options(db.contains_eager(Juror.user)).order_by(User.name)))
    scores = [tuple(r) for r in db.session.execute(
        db.select(Score.juror_id, Score.application_id, Score.criterion_id, Score.value)
        .filter_by(event_id=event.id))]
    conflict_rows = db.session.execute(db.select(Conflict.juror_id, Conflict.startup_id).join(Juror)
                                       .filter(Juror.event_id == event.id)).all()
    assigned_rows = db.session.execute(db.select(JurorAssignment.juror_id, JurorAssignment.application_id)
                                       .join(Juror).filter(Juror.event_id == event.id)).all()
    sheets = db.session.execute(db.select(ScoreSheet.juror_id, ScoreSheet.application_id, ScoreSheet.comment,
                                          ScoreSheet.submitted_at).filter_by(event_id=event.id)
                                .order_by(ScoreSheet.id)).all()
    publication = db.session.get(JuryPublication, event.id)

    app_of_startup = {s.application.startup_id: s.application.id for s in slots}
    conflicts = [(j, app_of_startup[s]) for j, s in conflict_rows if s in app_of_startup]
    pitch_ids = [s.application.id for s in slots]
    assigned: dict[int, set[int]] = {}
    for juror_id, app_id in assigned_rows:
        assigned.setdefault(juror_id, set()).add(app_id)
    unassigned = [(j.id, a) for j in jurors if not j.all_pitches for a in pitch_ids
                  if a not in assigned.get(j.id, set())]
    active = [j.id for j in jurors if j.status != JurorStatus.REVOKED]
    stats = jury_stats.compute(criteria=[jury_stats.Crit(c.id, c.weight, c.scale_min, c.scale_max) for c in criteria],
                               pitch_ids=pitch_ids, juror_ids=active, scores=scores, conflicts=conflicts,
                               unassigned=unassigned, min_scores=min_scores)
    submitted: set[tuple[int, int]] = set()
    comments: dict[int, list[str]] = {}
    counted = {(j, p.application_id) for p in stats.pitches for j in p.totals}
    for juror_id, app_id, comment, submitted_at in sheets:
        if submitted_at is not None:
            submitted.add((juror_id, app_id))
        if comment and (juror_id, app_id) in counted:
            comments.setdefault(app_id, []).append(comment)
    for texts in comments.values():
        texts.sort()  # not in juror order, so a comment cannot be traced to a juror by position
    return EventResults(event, criteria, slots, jurors, stats, scores, submitted, comments, publication)


def application_ids_of(results: EventResults) -> list[Application]:
    return [s.application for s in results.slots]
