"""Fixtures of the audience vote: an Essen pitch day with three pitches, tickets in every state."""

import pytest

from pitchday.database import utcnow
from pitchday.models import RegistrationStatus
from pitchday.models.checkin import CheckIn
from pitchday.services import vote as votes
from tests.checkin.conftest import make_registration
from tests.jury.conftest import make_event, pitches


def check_in(db, registration):
    db.session.add(CheckIn(registration_id=registration.id, event_id=registration.event_id, checked_in_at=utcnow()))
    db.session.commit()
    return registration


@pytest.fixture
def event(db, camps):
    return make_event(camps["essen"])


@pytest.fixture
def other_event(db, camps):
    return make_event(camps["dortmund"], title="Demo Day Dortmund", n_pitches=2)


@pytest.fixture
def apps(event):
    return pitches(event)


@pytest.fixture
def ticket(db, event):
    """A confirmed, checked-in ticket: may vote."""
    return check_in(db, make_registration(db, event, name="Erika Muster"))


@pytest.fixture
def make_ticket(db):
    def make(event, *, status=RegistrationStatus.CONFIRMED, checked_in=True, name="Guest"):
        registration = make_registration(db, event, name=name, status=status)
        return check_in(db, registration) if checked_in else registration

    return make


@pytest.fixture
def open_vote(db, event, organiser):
    settings = votes.open_vote(event, by=organiser)
    db.session.commit()
    return settings
