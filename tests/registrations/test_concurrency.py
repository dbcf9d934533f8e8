"""A rush never oversells: many clients at the same moment, over HTTP, from threads and from processes.

Runs on SQLite by default and on PostgreSQL with PITCHDAY_TEST_DATABASE_URL set.
"""

import multiprocessing
import threading

import sqlalchemy as sa

from pitchday.models import Registration
from tests.registrations.rush_client import RegistrationClient, register_many


def outcome(db, event):
    db.session.rollback()  # end the test's own transaction: SQLite would keep showing its old snapshot
    rows = db.session.scalars(sa.select(Registration).where(Registration.event_id == event.id)
                              .order_by(Registration.queue_number)).all()
    return rows


def assert_seats_then_queue(rows, capacity, total):
    statuses = [str(r.status) for r in rows]
    assert len(rows) == total
    assert len({r.queue_number for r in rows}) == total  # everyone has their own place in the arrival order
    # Exactly `capacity` confirmed, and they are the first `capacity` to arrive: the rest wait in that order.
    assert statuses == ["confirmed"] * capacity + ["waiting"] * (total - capacity)


def run_threads(target, count):
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)


def test_threads_rushing_for_the_last_seats(server, db, make_event):
    event = make_event(capacity=7)
    event_id, barrier, statuses = event.id, threading.Barrier(24), []  # threads read no ORM objects
    run_threads(lambda i: statuses.extend(register_many(server, event_id, [i], barrier)), 24)
    assert statuses == [200] * 24
    assert_seats_then_queue(outcome(db, event), 7, 24)


def test_processes_rushing_for_the_last_seats(server, db, make_event):
    event = make_event(capacity=10)
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(4), ctx.Queue()
    processes = [ctx.Process(target=register_many, args=(server, event.id, range(p * 8, p * 8 + 8), barrier,
                                                        results)) for p in range(4)]
    for p in processes:
        p.start()
    statuses = [s for _ in processes for s in results.get(timeout=180)]
    for p in processes:
        p.join(timeout=30)
    assert statuses == [200] * 32
    assert_seats_then_queue(outcome(db, event), 10, 32)


def test_the_same_address_at_once_gets_one_registration(server, db, make_event):
    event = make_event(capacity=5)
    clients = [RegistrationClient(server, event.id) for _ in range(8)]
    for client in clients:
        client.prepare()
    barrier = threading.Barrier(8)

    def same(i):
        barrier.wait()
        clients[i].register(1)

    run_threads(same, 8)
    rows = outcome(db, event)
    assert [(r.email, str(r.status)) for r in rows] == [("person1@example.org", "confirmed")]


def test_cancellations_during_a_rush_promote_in_order_without_overselling(server, client, db, make_event,
                                                                          register):
    event = make_event(capacity=5)
    secrets = [register(event, n).ticket_secret for n in range(100, 108)]  # 5 confirmed, 3 waiting
    cancellers = [RegistrationClient(server, event.id) for _ in range(3)]
    newcomers = [RegistrationClient(server, event.id) for _ in range(10)]
    for c in cancellers + newcomers:
        c.prepare()
    barrier = threading.Barrier(13)

    def act(i):
        barrier.wait()
        if i < 3:
            import urllib.parse

            secret = secrets[i]
            data = urllib.parse.urlencode({"csrf_token": cancellers[i].token}).encode()
            cancellers[i].opener.open(f"{server}/tickets/{secret}/cancel", data=data, timeout=60).read()
        else:
            newcomers[i - 3].register(i)

    run_threads(act, 13)
    rows = [r for r in outcome(db, event) if str(r.status) != "cancelled"]
    assert sum(1 for r in rows if str(r.status) == "confirmed") == 5
    # The three who were waiting before the rush got the three freed seats, ahead of every newcomer.
    confirmed = {r.email for r in rows if str(r.status) == "confirmed"}
    assert confirmed == {"p103@example.org", "p104@example.org", "p105@example.org", "p106@example.org",
                         "p107@example.org"}
    assert [str(r.status) for r in rows] == ["confirmed"] * 5 + ["waiting"] * 10
