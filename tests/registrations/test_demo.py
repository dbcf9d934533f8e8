"""seed-demo registers attendees for the demo pitch day once; seeding again adds nobody and draws no numbers."""

from pitchday.demo import seed_all
from pitchday.demo.events import demo_pitch_day
from pitchday.extensions import db
from pitchday.models import Registration, RegistrationQueue


def test_seeding_twice_changes_neither_registrations_nor_the_arrival_counter(app):
    seed_all()
    event = demo_pitch_day()

    def state():
        count = db.session.scalar(db.select(db.func.count()).select_from(Registration).filter_by(event_id=event.id))
        counter = db.session.scalar(db.select(RegistrationQueue.last_number).filter_by(event_id=event.id))
        return count, counter

    before = state()
    assert before[0] > 0
    seed_all()
    assert state() == before
