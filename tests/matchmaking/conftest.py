"""Builders for matchmaking tests: an event with a pitch block and a networking block, a line-up, attendees."""

from datetime import UTC, datetime, timedelta
from itertools import count

import pytest

from pitchday.database import utcnow
from pitchday.models import (
    AgendaBlock,
    Application,
    ApplicationStatus,
    AttendeeType,
    BlockKind,
    Event,
    EventStatus,
    EventType,
    PitchSlot,
    Registration,
    RegistrationStatus,
    Startup,
    StartupMember,
)
from tests.conftest import create_user

_numbers = count(1)


def make_event(db, camp, *, start: datetime, title="Pitch Day", networking_minutes=60,
               status=EventStatus.PUBLISHED) -> Event:
    """Pitches 14:00-15:00 (relative to ``start``), networking right after for ``networking_minutes``."""
    event = Event(camp_id=camp.id, title=title, type=EventType.PITCH_DAY, starts_at=start,
                  ends_at=start + timedelta(hours=4), status=status, capacity=100, venue_name="Deutschland-Haus")
    db.session.add(event)
    db.session.flush()
    db.session.add(AgendaBlock(event_id=event.id, kind=BlockKind.PITCH_BLOCK, title="Pitches",
                               starts_at=start, ends_at=start + timedelta(hours=1)))
    db.session.add(AgendaBlock(event_id=event.id, kind=BlockKind.NETWORKING, title="Networking",
                               starts_at=start + timedelta(hours=1),
                               ends_at=start + timedelta(hours=1, minutes=networking_minutes)))
    db.session.commit()
    return event


def add_pitch(db, event, name: str, members=()) -> Startup:
    n = next(_numbers)
    startup = Startup(slug=f"{name.lower().replace(' ', '-')}-{n}", name=name, one_liner=f"{name} does things")
    db.session.add(startup)
    db.session.flush()
    for user in members:
        db.session.add(StartupMember(startup_id=startup.id, user_id=user.id))
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED)
    db.session.add(application)
    db.session.flush()
    position = db.session.query(PitchSlot).filter_by(event_id=event.id).count() + 1
    db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=position))
    db.session.commit()
    return startup


def register(db, event, name: str, *, type_=AttendeeType.INDUSTRY, user=None, status=RegistrationStatus.CONFIRMED,
             organisation="Muster GmbH") -> Registration:
    n = next(_numbers)
    email = user.email if user else f"{name.split()[0].lower()}{n}@example.org"
    reg = Registration(event_id=event.id, user_id=user.id if user else None, name=name, email=email,
                       organisation=organisation, attendee_type=type_, consent_at=utcnow(), status=status,
                       queue_number=n, locale="de")
    db.session.add(reg)
    db.session.commit()
    return reg


@pytest.fixture
def pitch_day(db, camps):
    """A published pitch day in Essen next month, networking 15:00-16:00 (UTC), two pitching startups."""
    start = (utcnow() + timedelta(days=30)).replace(hour=13, minute=0, second=0, microsecond=0)
    event = make_event(db, camps["essen"], start=start)
    founder = create_user("founder@example.org", "Fiona Founder")
    other_founder = create_user("founder2@example.org", "Gustav Gründer")
    alpha = add_pitch(db, event, "Alpha Energy", members=[founder])
    beta = add_pitch(db, event, "Beta Logistics", members=[other_founder])
    return {"event": event, "alpha": alpha, "beta": beta, "founder": founder, "other_founder": other_founder}


@pytest.fixture
def past_day(db, camps):
    start = datetime(2025, 5, 14, 12, 0, tzinfo=UTC)
    return make_event(db, camps["essen"], start=start, title="Spring Pitch Day")


@pytest.fixture(autouse=True)
def request_context(app):
    """Services speak (error messages, e-mails) in a request's language, so unit tests run inside one."""
    with app.test_request_context():
        yield


@pytest.fixture
def new_client(app):
    """A fresh browser: ``new_client()`` gives a FormClient with its own cookies and CSRF token."""
    from tests.conftest import FormClient

    return lambda: FormClient(app.test_client())
