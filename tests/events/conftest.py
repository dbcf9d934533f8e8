"""Fixtures of the events area: events in Essen at fixed Berlin times, an audience that hears of changes."""

from datetime import datetime, timedelta

import pytest

from pitchday.berlin import BERLIN
from pitchday.database import utcnow
from pitchday.extensions import db as _db
from pitchday.models import AgendaBlock, BlockKind, Event, EventStatus, EventType
from pitchday.services.events import audience as event_audience


def berlin(*args) -> datetime:
    """A Berlin wall-clock time as aware UTC, as the forms produce it."""
    return datetime(*args, tzinfo=BERLIN).astimezone(utcnow().tzinfo)


def future_day(days: int = 30, hour: int = 18) -> datetime:
    local = (utcnow() + timedelta(days=days)).astimezone(BERLIN)
    return berlin(local.year, local.month, local.day, hour, 0)


@pytest.fixture
def make_event(db, camps):
    def make(camp="essen", title="Pitch Day Essen", *, starts_at=None, hours=3, status=EventStatus.PUBLISHED,
             blocks=True, **values):
        starts_at = starts_at or future_day()
        event = Event(camp=camps[camp], title=title, type=values.pop("type", EventType.PITCH_DAY),
                      starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), status=status,
                      venue_name=values.pop("venue_name", "Deutschland-Haus"),
                      venue_address=values.pop("venue_address", "Lindenallee 10, 45127 Essen"),
                      sector_slugs=values.pop("sector_slugs", "energy,industry"), capacity=80, **values)
        if blocks:
            event.blocks = [
                AgendaBlock(kind=BlockKind.DOORS, title="Einlass", starts_at=starts_at,
                            ends_at=starts_at + timedelta(minutes=30)),
                AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=starts_at + timedelta(minutes=30),
                            ends_at=starts_at + timedelta(minutes=120)),
            ]
        _db.session.add(event)
        _db.session.commit()
        return event

    return make


@pytest.fixture
def audience():
    """Two people who registered for every event (one German, one English) until the real areas land."""
    people = [event_audience.Recipient("gast@example.org", "Gisela Gast", "de", "attendee"),
              event_audience.Recipient("guest@example.org", "Gary Guest", "en", "attendee")]

    def provider(event):
        return people

    event_audience.PROVIDERS.append(provider)
    yield people
    event_audience.PROVIDERS.remove(provider)
