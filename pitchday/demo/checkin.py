"""Demo data for check-in: a door-staff account for the next published event that has registrations.

Runs after the events and registrations seeders (it finds nothing to do without them) and is idempotent.
"""

import sqlalchemy as sa

from ..database import utcnow
from ..extensions import db
from ..models import Event, EventStatus, Registration, RegistrationStatus
from ..models.checkin import DeviceKind, ScannerDevice
from ..services.checkin import staff as checkin_staff
from .foundation import demo_user

DOOR_EMAIL = "einlass@pitchday.example"
LOGINS = [("door staff (next event)", DOOR_EMAIL)]


def _next_event_with_tickets() -> Event | None:
    return db.session.scalar(
        sa.select(Event).where(Event.status == EventStatus.PUBLISHED, Event.ends_at > utcnow(),
                               sa.exists().where(Registration.event_id == Event.id,
                                                 Registration.status == RegistrationStatus.CONFIRMED))
        .order_by(Event.starts_at).limit(1))


def seed() -> None:
    event = _next_event_with_tickets()
    if event is None:
        return
    door = demo_user(DOOR_EMAIL, "Emil Einlass")
    exists = db.session.scalar(sa.select(ScannerDevice).filter_by(event_id=event.id, user_id=door.id,
                                                                  kind=DeviceKind.STAFF))
    if exists is None:
        organiser = demo_user(f"orga-{event.camp.slug}@pitchday.example", f"Orga {event.camp.city}")
        checkin_staff.add_staff(event, email=door.email, name=door.name, by=organiser)
