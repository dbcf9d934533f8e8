"""Fixtures of the jury tests: a pitch day in Essen with a running order, a rubric and jurors."""

from datetime import UTC, datetime, timedelta

import pytest

from pitchday.extensions import db as _db
from pitchday.models import (
    AgendaBlock,
    Application,
    ApplicationStatus,
    BlockKind,
    Event,
    EventStatus,
    EventType,
    Juror,
    PitchSlot,
    Startup,
    StartupMember,
)
from pitchday.services.jury import rubric as jury_rubric
from tests.conftest import create_user

# A few days ahead of today, whatever today is: scoring and follow-ups depend on the event not being long past.
START = (datetime.now(UTC) + timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0)


def make_event(camp, *, title="Pitch Day Essen", n_pitches=3, status=EventStatus.PUBLISHED, start=START):
    event = Event(camp=camp, title=title, type=EventType.PITCH_DAY, status=status, starts_at=start - timedelta(hours=1),
                  ends_at=start + timedelta(hours=6), pitch_minutes=5, qa_minutes=5)
    event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=start,
                                    ends_at=start + timedelta(hours=3)))
    _db.session.add(event)
    _db.session.flush()
    for i in range(n_pitches):
        add_pitch(event, f"Startup {chr(65 + i)}")
    _db.session.commit()
    return event


def add_pitch(event, name):
    slug = f"{name.lower().replace(' ', '-')}-{event.id}"
    startup = Startup(slug=slug, name=name, contact_email=f"{slug}@example.org")
    application = Application(event=event, startup=startup, status=ApplicationStatus.ACCEPTED)
    _db.session.add(application)
    _db.session.flush()
    position = 1 + (_db.session.scalar(_db.select(_db.func.max(PitchSlot.position)).filter_by(event_id=event.id)) or 0)
    _db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=position))
    _db.session.flush()
    return application


def make_juror(event, email, name="Juror", **kwargs):
    user = create_user(email, name, password=None)
    juror = Juror(event_id=event.id, user=user, **kwargs)
    _db.session.add(juror)
    _db.session.commit()
    return juror


def pitches(event):
    from pitchday.services.applications.running_order import slots_for

    return [s.application for s in slots_for(event)]


@pytest.fixture
def event(db, camps):
    event = make_event(camps["essen"])
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    return event


@pytest.fixture
def criteria(event):
    return jury_rubric.criteria_of(event)


@pytest.fixture
def juror(event):
    return make_juror(event, "jana@example.org", "Jana Juror")


@pytest.fixture
def juror2(event):
    return make_juror(event, "jonas@example.org", "Jonas Juror")


@pytest.fixture
def founder(event, db):
    user = create_user("founder@example.org", "Frida Founder")
    startup = pitches(event)[0].startup
    db.session.add(StartupMember(startup_id=startup.id, user_id=user.id))
    db.session.commit()
    return user


@pytest.fixture
def juror_client(app, juror):
    """A client logged in through the juror's invitation link."""
    from pitchday.services.accounts import role_links
    from tests.conftest import FormClient

    client = FormClient(app.test_client())
    with app.test_request_context():
        token = role_links.make_token(juror.user, "juror", juror.event_id)
    response = client.get(f"/auth/link/{token}")
    assert response.status_code == 302, response.status_code
    return client


@pytest.fixture
def jury_server(live_server):
    """The app served by a threaded server on a free port: real parallel HTTP clients."""
    return live_server


def juror_link(app, juror) -> str:
    from pitchday.services.accounts import role_links

    with app.test_request_context():
        return "/auth/link/" + role_links.make_token(juror.user, "juror", juror.event_id)
