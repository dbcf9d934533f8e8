"""Registrations recorded after the fact (the demo's past pitch days): numbered from the event's queue counter,
so whoever registers afterwards gets the next number; nobody is recorded twice and nobody gets an e-mail."""

from datetime import timedelta

from pitchday.database import utcnow, write_intent
from pitchday.models import RegistrationQueue
from pitchday.services.registrations import seats as registrations


def people(*numbers):
    return [{"name": f"Person {n}", "email": f"P{n}@Example.org", "attendee_type": "industry"} for n in numbers]


def test_recorded_people_take_numbers_from_the_queue(db, event, register, outbox):
    first = register(event, 1)
    at = utcnow() - timedelta(days=1)
    with write_intent():
        recorded = registrations.record_confirmed(event, people(2, 3), at=at)
        db.session.commit()
    assert [r.queue_number for r in recorded] == [first.queue_number + 1, first.queue_number + 2]
    assert [(r.email, str(r.status), r.confirmed_at) for r in recorded] == [
        ("p2@example.org", "confirmed", at), ("p3@example.org", "confirmed", at)]
    assert len(outbox()) == 1  # only the real registration's ticket
    later = register(event, 4)
    assert later.queue_number == first.queue_number + 3
    assert db.session.get(RegistrationQueue, event.id).last_number == later.queue_number


def test_recording_again_changes_nothing(db, event):
    with write_intent():
        once = registrations.record_confirmed(event, people(1, 2), at=utcnow())
        again = registrations.record_confirmed(event, people(2, 1), at=utcnow())
        db.session.commit()
    assert [r.id for r in again] == [once[1].id, once[0].id]
    assert db.session.get(RegistrationQueue, event.id).last_number == 2
