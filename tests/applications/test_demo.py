"""seed-demo: a pitch day per camp, a dozen fitting startups each, every status, one running order; twice is once."""

from pitchday.demo import applications as demo
from pitchday.demo import foundation
from pitchday.models import Application, Camp, Event, PitchSlot, Startup
from pitchday.services.applications.running_order import lineup_lines


def test_demo_seeding_is_complete_and_idempotent(app, db):
    for _ in range(2):
        foundation.seed()
        demo.seed()
        db.session.commit()
    camps = db.session.scalars(db.select(Camp)).all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Startup)) == 12 * len(camps)
    for camp in camps:
        event = db.session.scalar(db.select(Event).filter_by(camp_id=camp.id))
        statuses = {a.status for a in db.session.scalars(db.select(Application).filter_by(event_id=event.id))}
        assert statuses == {"draft", "submitted", "shortlisted", "accepted", "waitlisted", "rejected", "withdrawn"}
        startups = db.session.scalars(db.select(Startup).join(Application).filter(Application.event_id == event.id))
        assert all(set(s.sectors) & set(camp.sectors) for s in startups)
    assert db.session.scalar(db.select(db.func.count()).select_from(PitchSlot)) == 3
    essen = db.session.scalar(db.select(Event).join(Camp).filter(Camp.slug == "essen"))
    with app.test_request_context():
        assert len(lineup_lines(essen)) == 3
