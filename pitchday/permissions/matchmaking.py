"""Rules for meeting requests, the organiser's meeting grid and the impact report."""

import sqlalchemy as sa
from flask import url_for
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import Application, EventStatus, PitchSlot, Registration, RegistrationStatus, Startup, StartupMember
from .core import Refusal, refusal, rule
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


def _pitching_startup_of(user, event) -> Startup | None:
    return db.session.scalar(
        sa.select(Startup).join(StartupMember, StartupMember.startup_id == Startup.id)
        .join(Application, Application.startup_id == Startup.id)
        .join(PitchSlot, PitchSlot.application_id == Application.id)
        .where(StartupMember.user_id == user.id, PitchSlot.event_id == event.id).limit(1))


@refusal("matchmaking.attend")
def attend_refused(user, event, **_objects) -> Refusal:
    if not _event_open(event):
        return Refusal(_l("Meetings can be arranged only while the event is published."))
    startup = _pitching_startup_of(user, event)
    if startup is not None:
        return Refusal(_l("This page is for attendees with a ticket. As a member of %(startup)s, you see, answer "
                          "and send meeting requests on your startup's own page.", startup=startup.name),
                       url_for("matchmaking.startup", startup_id=startup.id, event_id=event.id),
                       _l("Meeting requests of %(startup)s", startup=startup.name))
    return Refusal(_l("Meetings are arranged with a confirmed ticket for this event. Register first, or open the "
                      "meeting page from the link in your ticket e-mail."),
                   url_for("events.show", event_id=event.id), _l("To the event page"))


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


@refusal("matchmaking.startup")
def startup_side_refused(user, startup, event, **_objects) -> Refusal:
    if not _member(user, startup):
        return Refusal(_l("Only members of %(startup)s see its meeting requests. Ask a member to invite you to the "
                          "startup.", startup=startup.name))
    if not _pitches(startup, event):
        return Refusal(_l("%(startup)s does not pitch at this event: meetings are arranged for the startups of the "
                          "line-up.", startup=startup.name), url_for("events.show", event_id=event.id),
                       _l("To the event page"))
    return Refusal(_l("Meetings can be arranged only while the event is published."))


@rule("impact.view")
def impact_view(user, **_objects):
    """Hub admins and camp organisers read the impact report."""
    return user.is_hub_admin or bool(user.organised_camp_ids())
