"""Demo attendees for the demo pitch day (and the pitch day itself, should the events seeder have made none)."""

from datetime import timedelta

import sqlalchemy as sa

from .. import mail
from ..cli_registrations import mail_context
from ..database import utcnow
from ..errors import DomainError
from ..extensions import db
from ..models import Camp, Event, EventStatus, EventType, Registration
from ..services.registrations import seats as registrations

LOGINS = []

ATTENDEES = [
    ("Lena Kowalski", "Kowalski Maschinenbau GmbH", "industry"),
    ("Murat Yilmaz", "GridSense", "startup"),
    ("Dr. Sabine Hoffmann", "Universität Duisburg-Essen", "academia"),
    ("Jonas Becker", "Ruhr Ventures", "investor"),
    ("Aylin Demir", "Stadt Essen, Wirtschaftsförderung", "public_sector"),
    ("Peter Schulte", "Schulte & Söhne Metallbau", "industry"),
    ("Nora Lindqvist", "HeatLoop", "startup"),
    ("Felix Wagner", "", "other"),
]


def _demo_event() -> Event:
    """The hub's demo pitch day, else the next published pitch day with open registration; made here if the
    events seeder made none."""
    from .events import demo_pitch_day

    now = utcnow()
    preferred = demo_pitch_day()
    if preferred is not None and registrations.window_state(preferred, now) == "open":
        return preferred
    events = db.session.scalars(sa.select(Event).where(Event.status == EventStatus.PUBLISHED, Event.starts_at > now)
                                .order_by(Event.type != EventType.PITCH_DAY, Event.starts_at))
    for event in events:
        if registrations.window_state(event, now) == "open":
            return event
    camp = db.session.scalar(sa.select(Camp).filter_by(slug="essen")) or db.session.scalar(sa.select(Camp))
    starts = (now + timedelta(days=14)).replace(hour=15, minute=0, second=0, microsecond=0)
    event = Event(camp_id=camp.id, title="Pitch Day Energie & Industrie", type=EventType.PITCH_DAY,
                  description="Startups pitchen vor Industrie und Mittelstand.", starts_at=starts,
                  ends_at=starts + timedelta(hours=4), venue_name="Deutschland-Haus",
                  venue_address="Lindenallee 10, 45127 Essen", capacity=40, status=EventStatus.PUBLISHED,
                  registration_opens_at=now - timedelta(days=1), registration_closes_at=starts - timedelta(hours=2))
    db.session.add(event)
    db.session.flush()
    return event


def seed() -> None:
    with mail_context():
        event = _demo_event()
        for number, (name, organisation, kind) in enumerate(ATTENDEES, start=1):
            email = f"attendee-{number}@pitchday.example"
            if db.session.scalar(sa.select(Registration.id).filter_by(event_id=event.id, email=email)):
                continue  # seeded before: don't draw another arrival number
            try:
                registrations.register(event, name=name, email=email,
                                       organisation=organisation, attendee_type=kind, locale="de")
            except DomainError:
                return  # the window closed in between: nothing more to seed
        mail.discard_queued()  # demo data sends no e-mail
