"""seed-demo adds a jury with a conflict and partly finished scores, and running it again changes nothing."""

from pitchday.demo import jury as jury_demo
from pitchday.demo import seed_all
from pitchday.extensions import db
from pitchday.models import Conflict, Juror, Score, ScoreSheet, User


def counts():
    # The jury demo's own jurors at the demo pitch day (the matchmaking demo's past pitch days have jurors of their
    # own, and the juror pool's demo sits Anna on last summer's jury with a stake declared there).
    emails = [email for email, _name in jury_demo.JURORS]
    event_id = jury_demo._demo_pitch_day().id
    jurors = db.session.scalar(db.select(db.func.count()).select_from(Juror).join(User, User.id == Juror.user_id)
                               .filter(User.email.in_(emails), Juror.event_id == event_id))
    conflicts = db.session.scalar(db.select(db.func.count()).select_from(Conflict).join(Juror)
                                  .filter(Juror.event_id == event_id))
    return [jurors, conflicts] + [db.session.scalar(db.select(db.func.count()).select_from(m))
                                  for m in (Score, ScoreSheet)]


def test_seed_demo_adds_a_jury_with_a_conflict_and_partial_scores_idempotently(app):
    seed_all()
    jurors, conflicts, scores, sheets = counts()
    assert jurors == len(jury_demo.JURORS) and conflicts == 1
    assert 0 < scores < jurors * 6 * 4  # partly finished
    assert db.session.scalar(db.select(db.func.count()).select_from(ScoreSheet)
                             .filter(ScoreSheet.submitted_at.is_not(None))) == 1
    seed_all()
    assert counts() == [jurors, conflicts, scores, sheets]
