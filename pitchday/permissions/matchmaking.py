"""Rules for meeting requests, the organiser's meeting grid and the impact report."""

import sqlalchemy as sa

from ..extensions import db
from ..models import Application, EventStatus, PitchSlot, Registration, RegistrationStatus, StartupMember
from .core import rule
from .events import manages


def _event_open(event) -> bool:
    return event.status in (EventStatus.PUBLISHED, EventStatus.POSTPONED)


def _pitches(startup, event) -> bool:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(PitchSlot).join(Application, PitchSlot.application_id == Application.id)
        .where(PitchSlot.event_id == event.id, Application.startup_id == startup.id)) > 0


def _member(user, startup) -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(StartupMember)
                             .filter_by(user_id=user.id, startup_id=startup.id)) > 0


@rule("matchmaking.organise")
def organise(user, event, **_objects):
    """The event's organisers (and hub admins) see requests and matches and run the meeting grid."""
    return manages(user, event)


@rule("matchmaking.attend")
def attend(user, event, **_objects):
    """A logged-in person with a confirmed registration for the event (linked or under the same address)."""
    return _event_open(event) and db.session.scalar(
        sa.select(sa.func.count()).select_from(Registration).where(
            Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED,
            sa.or_(Registration.user_id == user.id, sa.func.lower(Registration.email) == user.email.lower()))) > 0


@rule("matchmaking.ticket", public=True)
def ticket(user, registration, **_objects):
    """Whoever holds a confirmed ticket's secret acts as that attendee; no account needed."""
    return registration.status == RegistrationStatus.CONFIRMED and _event_open(registration.event)


@rule("matchmaking.startup")
def startup_side(user, startup, event, **_objects):
    """Members of a startup that pitches at the event; the event's organisers may look on and help."""
    if manages(user, event):
        return True
    return _event_open(event) and _member(user, startup) and _pitches(startup, event)


@rule("impact.view")
def impact_view(user, **_objects):
    """Hub admins and camp organisers read the impact report."""
    return user.is_hub_admin or bool(user.organised_camp_ids())
