"""seed-demo fills a realistic calendar, and seeding twice changes nothing."""

import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.demo import events as demo_events
from pitchday.demo import seed_all
from pitchday.models import BlockKind, Camp, Event, EventStatus, EventType


def test_demo_calendar(app, db):
    seed_all()
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Event))
    seed_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == count
    now = utcnow()
    all_events = db.session.scalars(sa.select(Event)).all()
    for camp in db.session.scalars(sa.select(Camp)):
        pitch_days = [e for e in all_events if e.camp_id == camp.id and e.type == EventType.PITCH_DAY
                      and e.starts_at > now and e.status == EventStatus.PUBLISHED]
        assert pitch_days and pitch_days[0].blocks, camp.slug
    statuses = {e.status for e in all_events}
    assert {EventStatus.POSTPONED, EventStatus.CANCELLED, EventStatus.DRAFT} <= statuses
    assert any(e.ends_at < now and e.status == EventStatus.PUBLISHED for e in all_events)

    demo = demo_events.demo_pitch_day()
    assert demo.camp.slug == "essen" and demo.status == EventStatus.PUBLISHED
    assert demo.pitch_block() is not None
    assert BlockKind.NETWORKING in {b.kind for b in demo.blocks}
    assert demo.registration_opens_at < now < demo.registration_closes_at
    assert demo.cfp_opens_at < now < demo.cfp_closes_at < demo.starts_at
