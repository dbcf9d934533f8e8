"""Two organisers at once, on separate connections: no lost SEQUENCE bump, one cancellation only."""

import threading
from datetime import timedelta

from pitchday.database import write_intent
from pitchday.errors import DomainError
from pitchday.extensions import db
from pitchday.models import Event, EventStatus, User
from pitchday.services.events import schedule as events


def _run_in_parallel(app, work, count=2):
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        # Each thread is a request of its own: its own app context, session and database connection.
        with app.test_request_context(), write_intent():
            barrier.wait(timeout=10)
            try:
                results[index] = work(index)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                results[index] = error.code
            finally:
                db.session.remove()

    db.session.commit()  # end the test's own transaction, so it sees what the threads commit
    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    db.session.rollback()
    db.session.expire_all()
    return results


def test_two_simultaneous_changes_both_raise_the_sequence(app, make_event, organiser, hub_admin):
    event_id = make_event().id
    people = [organiser.id, hub_admin.id]

    def move(index):
        event = db.session.get(Event, event_id)
        user = db.session.get(User, people[index])
        events.update(event, by=user, venue_name=f"Saal {index}",
                      starts_at=event.starts_at + timedelta(hours=index + 1),
                      ends_at=event.ends_at + timedelta(hours=index + 1))
        return "ok"

    assert _run_in_parallel(app, move) == ["ok", "ok"]
    event = db.session.get(Event, event_id)
    assert event.sequence == 2
    # The agenda followed whichever move came last: no block left outside the event's time.
    assert event.blocks and all(event.starts_at <= b.starts_at and b.ends_at <= event.ends_at for b in event.blocks)


def test_two_simultaneous_cancellations_count_once(app, make_event, organiser, hub_admin, audience, outbox):
    event_id = make_event().id
    people = [organiser.id, hub_admin.id]

    def cancel(index):
        events.cancel(db.session.get(Event, event_id), by=db.session.get(User, people[index]))
        return "ok"

    results = _run_in_parallel(app, cancel)
    assert results.count("ok") == 1
    assert {"stale", "bad_transition"} & set(results)
    event = db.session.get(Event, event_id)
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert len(outbox()) == 2  # one mail per person, not two
