"""Seats and the waiting list as attendees and organisers notice them (services called without a request)."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from pitchday.database import utcnow, write_intent
from pitchday.errors import Conflict
from pitchday.models import EventStatus, Registration
from pitchday.services.registrations import seats as registrations
from pitchday.services.registrations.waiting_list import waiting_position


def statuses(db, event):
    rows = db.session.scalars(sa.select(Registration).where(Registration.event_id == event.id)
                              .order_by(Registration.queue_number))
    return [(r.email, str(r.status)) for r in rows]


def test_seats_are_confirmed_until_full_then_people_wait_in_order(db, event, register):
    for n in range(1, 6):
        register(event, n)
    assert statuses(db, event) == [("p1@example.org", "confirmed"), ("p2@example.org", "confirmed"),
                                   ("p3@example.org", "confirmed"), ("p4@example.org", "waiting"),
                                   ("p5@example.org", "waiting")]
    fourth = db.session.scalar(sa.select(Registration).filter_by(email="p4@example.org"))
    fifth = db.session.scalar(sa.select(Registration).filter_by(email="p5@example.org"))
    assert waiting_position(fourth) == 1
    assert waiting_position(fifth) == 2
    assert registrations.seats_left(event) == 0


def test_a_cancelled_seat_goes_to_the_first_on_the_waiting_list(db, event, register, outbox):
    first = register(event, 1)
    for n in range(2, 6):
        register(event, n)
    with write_intent():
        promoted = registrations.cancel(first)
        db.session.commit()
    assert [p.email for p in promoted] == ["p4@example.org"]
    assert dict(statuses(db, event))["p4@example.org"] == "confirmed"
    assert dict(statuses(db, event))["p5@example.org"] == "waiting"
    last = outbox()[-1]
    assert last["To"] == "p4@example.org"
    assert "Ein Platz ist frei" in last["Subject"]


def test_cancelling_twice_is_refused_and_cancelling_a_waiting_place_promotes_nobody(db, event, register):
    people = [register(event, n) for n in range(1, 5)]
    with write_intent():
        assert registrations.cancel(people[3]) == []
        db.session.commit()
        with pytest.raises(Conflict):
            registrations.cancel(people[3])


def test_lowering_capacity_cancels_nobody_and_stops_promotions(db, event, register, organiser):
    people = [register(event, n) for n in range(1, 5)]
    with write_intent():
        registrations.set_capacity(event, 1, by=organiser)
        db.session.commit()
        assert [s for _e, s in statuses(db, event)] == ["confirmed"] * 3 + ["waiting"]
        assert registrations.cancel(people[0]) == []  # 2 confirmed remain for 1 seat: nobody moves up
        db.session.commit()
    assert dict(statuses(db, event))["p4@example.org"] == "waiting"


def test_raising_capacity_promotes_the_waiting_list_in_order(db, event, register, organiser):
    for n in range(1, 7):
        register(event, n)
    with write_intent():
        promoted = registrations.set_capacity(event, 5, by=organiser)
        db.session.commit()
    assert [p.email for p in promoted] == ["p4@example.org", "p5@example.org"]
    assert dict(statuses(db, event))["p6@example.org"] == "waiting"


def test_seats_freed_elsewhere_go_to_those_already_waiting_before_a_newcomer(db, event, register):
    for n in range(1, 5):
        register(event, n)
    event.capacity = 4  # e.g. changed on the event's own edit page, which promotes nobody itself
    db.session.commit()
    register(event, 5)
    assert dict(statuses(db, event)) == {**{f"p{n}@example.org": "confirmed" for n in range(1, 5)},
                                         "p5@example.org": "waiting"}


def test_organisers_confirm_by_hand_even_beyond_capacity(db, event, register, organiser, outbox):
    for n in range(1, 5):
        register(event, n)
    waiting = db.session.scalar(sa.select(Registration).filter_by(email="p4@example.org"))
    with write_intent():
        registrations.confirm_by_hand(waiting, by=organiser)
        db.session.commit()
        assert str(waiting.status) == "confirmed"
        with pytest.raises(Conflict):
            registrations.confirm_by_hand(waiting, by=organiser)
    assert outbox()[-1]["To"] == "p4@example.org"


def test_the_same_address_gets_its_ticket_again_not_a_second_seat(db, event, register, outbox):
    first = register(event, 1, email="Anna@Example.org")
    with write_intent():
        outcome = registrations.register(event, name="Anna again", email="anna@example.org ",
                                         attendee_type="investor")
        db.session.commit()
    assert not outcome.created and outcome.registration.id == first.id
    assert registrations.seats_left(event) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 1
    mails = outbox()
    assert len(mails) == 2 and "erneut" in mails[1]["Subject"]


def test_registering_again_after_cancelling_joins_the_end_of_the_queue(db, event, register):
    first = register(event, 1)
    for n in range(2, 5):
        register(event, n)
    with write_intent():
        registrations.cancel(first)  # p4 moves up
        db.session.commit()
    again = register(event, 1, name="Person 1 again")
    assert str(again.status) == "waiting" and again.id == first.id
    assert waiting_position(again) == 1


@pytest.mark.parametrize("change, code", [
    ({"registration_opens_at": utcnow() + timedelta(days=1)}, "registration_not_open"),
    ({"registration_closes_at": utcnow() - timedelta(minutes=1)}, "registration_closed"),
    ({"status": EventStatus.DRAFT}, "registration_unavailable"),
    ({"status": EventStatus.CANCELLED}, "registration_unavailable"),
])
def test_registration_only_within_the_window_of_a_published_event(db, make_event, register, change, code):
    event = make_event(**change)
    with pytest.raises(Conflict) as error:
        register(event, 1)
    assert error.value.code == code


def test_without_a_closing_time_registration_closes_when_the_event_starts(make_event):
    event = make_event(starts_in=timedelta(minutes=-5))
    assert registrations.window_state(event) == "closed"
