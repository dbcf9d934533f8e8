"""The demo data: seeding twice adds nothing twice, and the impact report and meeting grid have content."""

import sqlalchemy as sa

from pitchday.demo import foundation
from pitchday.demo import matchmaking as demo
from pitchday.models import Event
from pitchday.models.matchmaking import FollowUp, Meeting, MeetingRequest
from pitchday.services import impact
from pitchday.services import matchmaking_meetings as meetings


def _counts(db):
    return [db.session.scalar(sa.select(sa.func.count()).select_from(m))
            for m in (Event, MeetingRequest, Meeting, FollowUp)]


def test_seeding_twice_is_the_same_as_once_and_fills_the_report(db):
    seen = []
    for _ in range(2):
        foundation.seed()
        demo.seed()
        db.session.commit()
        seen.append(_counts(db))
    assert seen[0] == seen[1]
    event = demo.demo_pitch_day()
    placed = meetings.placed_meetings(event)
    assert placed and all(m.table_id for m in placed)
    report = impact.build_report(granularity="quarter")
    assert len({r.camp for r in report.rows}) == 6 and report.total.figures["meetings"] > 0
