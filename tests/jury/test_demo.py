"""seed-demo adds a jury with a conflict and partly finished scores, and running it again changes nothing."""

from pitchday.demo import jury as jury_demo
from pitchday.demo import seed_all
from pitchday.extensions import db
from pitchday.models import Conflict, Juror, Score, ScoreSheet, User


def counts():
    # The jury demo's own jurors (the matchmaking demo's past pitch days have jurors of their own).
    emails = [email for email, _name in jury_demo.JURORS]
    jurors = db.session.scalar(db.select(db.func.count()).select_from(Juror).join(User, User.id == Juror.user_id)
                               .filter(User.email.in_(emails)))
    return [jurors] + [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (Conflict, Score,
                                                                                             ScoreSheet)]


def test_seed_demo_adds_a_jury_with_a_conflict_and_partial_scores_idempotently(app):
    seed_all()
    jurors, conflicts, scores, sheets = counts()
    assert jurors == len(jury_demo.JURORS) and conflicts == 1
    assert 0 < scores < jurors * 6 * 4  # partly finished
    assert db.session.scalar(db.select(db.func.count()).select_from(ScoreSheet)
                             .filter(ScoreSheet.submitted_at.is_not(None))) == 1
    seed_all()
    assert counts() == [jurors, conflicts, scores, sheets]
