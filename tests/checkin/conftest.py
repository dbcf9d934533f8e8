"""Fixtures of the check-in area: an Essen event with registrations in every state, a device token, staff."""

import itertools
from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.models import AttendeeType, Event, EventStatus, EventType, Registration, RegistrationStatus
from pitchday.services.checkin import staff as checkin_staff
from tests.conftest import create_user

_numbers = itertools.count(1)


def make_event(db, camp, title="Pitch Day Essen") -> Event:
    start = utcnow() + timedelta(hours=2)
    event = Event(camp=camp, title=title, type=EventType.PITCH_DAY, starts_at=start, ends_at=start + timedelta(hours=4),
                  status=EventStatus.PUBLISHED, capacity=100)
    db.session.add(event)
    db.session.commit()
    return event


def make_registration(db, event, name="Erika Muster", status=RegistrationStatus.CONFIRMED,
                      attendee_type=AttendeeType.INVESTOR, organisation="Ruhr Ventures", email=None) -> Registration:
    n = next(_numbers)
    reg = Registration(event_id=event.id, name=name, email=email or f"guest{n}@example.org", organisation=organisation,
                       attendee_type=attendee_type, consent_at=utcnow(), status=status, queue_number=n,
                       confirmed_at=utcnow() if status == RegistrationStatus.CONFIRMED else None)
    db.session.add(reg)
    db.session.commit()
    return reg


@pytest.fixture
def event(db, camps):
    return make_event(db, camps["essen"])


@pytest.fixture
def other_event(db, camps):
    return make_event(db, camps["dortmund"], "Demo Day Dortmund")


@pytest.fixture
def register(db):
    return lambda event, **kw: make_registration(db, event, **kw)


@pytest.fixture
def ticket(db, event):
    return make_registration(db, event)


@pytest.fixture
def device_token(db, event):
    """A bearer token of a device at ``event`` ("Door 1")."""
    _device, token = checkin_staff.issue_device(event, name="Door 1", by=None)
    db.session.commit()
    return token


@pytest.fixture
def staff_member(db, event, organiser):
    """Someone given check-in rights at ``event`` by its organiser."""
    user = create_user("door@example.org", "Doris Door")
    checkin_staff.add_staff(event, email=user.email, name=user.name, by=organiser)
    db.session.commit()
    return user

