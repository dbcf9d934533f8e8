"""Registering an already registered address re-sends its ticket at most once per 10 minutes per address and
event, and the page says so (issue 14, defect 6)."""

from datetime import timedelta

from pitchday.database import utcnow, write_intent
from pitchday.services.registrations import seats as registrations
from tests.registrations.test_routes import post_registration


def test_fifteen_tries_send_one_mail(client, event, register, outbox):
    register(event, 1, email="anna@example.org")
    before = len(outbox())
    pages = [post_registration(client, event, email="anna@example.org") for _ in range(15)]
    assert len(outbox()) - before == 1
    assert all(p.status_code == 200 for p in pages)
    first, last = pages[0].get_data(as_text=True), pages[-1].get_data(as_text=True)
    assert "noch einmal dorthin geschickt" in first and "kein weiteres" not in first
    assert "schicken daher jetzt kein weiteres" in last
    assert "höchstens einmal alle 10 Minuten" in last


def test_after_ten_minutes_it_goes_out_again(db, event, register, outbox):
    register(event, 1, email="anna@example.org")
    now = utcnow()
    sent = []
    for minutes in (0, 5, 10, 11, 21):
        with write_intent():
            outcome = registrations.register(event, name="Anna", email="anna@example.org", attendee_type="investor",
                                             now=now + timedelta(minutes=minutes))
            db.session.commit()
        sent.append(outcome.resent)
    assert sent == [True, False, True, False, True]
    assert len(outbox()) == 1 + 3


def test_the_limit_is_per_event(db, event, make_event, register, outbox):
    other = make_event()
    register(event, 1, email="anna@example.org")
    register(other, 1, email="anna@example.org")
    for target in (event, other):
        with write_intent():
            assert registrations.register(target, name="Anna", email="anna@example.org",
                                          attendee_type="investor").resent
            db.session.commit()


def test_parallel_tries_over_http_send_one_mail(server, db, event, register, outbox):
    """Eight clients typing the same registered address at the same moment: one re-send, not eight."""
    import threading

    from tests.registrations.rush_client import RegistrationClient

    register(event, 1, email="person1@example.org")  # the address the rush client types
    before = len(outbox())
    clients = [RegistrationClient(server, event.id) for _ in range(8)]
    for client in clients:
        client.prepare()
    barrier = threading.Barrier(8)
    statuses = []

    def again(client):
        barrier.wait()
        statuses.append(client.register(1))

    threads = [threading.Thread(target=again, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert statuses == [200] * 8
    assert [m["To"] for m in outbox()[before:]] == ["person1@example.org"]
