"""seed-demo opens an audience vote at the demo pitch day with some votes, and running it again changes nothing."""

from pitchday.demo import seed_all
from pitchday.demo import vote as vote_demo
from pitchday.demo.events import demo_pitch_day
from pitchday.extensions import db
from pitchday.models import Registration
from pitchday.models.checkin import CheckIn, ScanLog
from pitchday.models.vote import AudienceVote
from pitchday.services import vote as votes


def counts():
    return [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (CheckIn, ScanLog, AudienceVote)]


def test_seed_demo_opens_a_vote_with_votes_idempotently(app):
    seed_all()
    event = demo_pitch_day()
    settings = votes.settings_of(event)
    assert settings is not None and settings.is_open
    checked_in, _logs, cast = counts()
    assert checked_in >= vote_demo.VOTERS and cast == vote_demo.VOTERS
    tally = votes.tally(event)
    assert tally.total == vote_demo.VOTERS and tally.rows[0][1] > tally.rows[-1][1]
    here = db.session.scalar(db.select(db.func.count()).select_from(CheckIn).join(Registration)
                             .filter(Registration.event_id == event.id))
    assert votes.eligible_count(event) == here  # every checked-in ticket of the demo pitch day may vote
    seed_all()
    assert counts() == [checked_in, _logs, cast]
