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
