"""What the applications area tells the rest of the app: who hears about an event's changes (accepted startups'
members), what goes into personal calendars (pitch slots) and the dashboard's "applications" figure."""

from flask_babel import lazy_gettext as _l

from ...extensions import db
from ...models import Application, ApplicationStatus, PitchSlot, StartupMember, User
from ..calendar import personal as personal_calendar
from ..events import audience as event_audience
from ..events import counts as event_counts
from .running_order import is_published, slots_for


@event_audience.register
def accepted_startup_members(event) -> list[event_audience.Recipient]:
    users = db.session.scalars(
        db.select(User).join(StartupMember, StartupMember.user_id == User.id)
        .join(Application, Application.startup_id == StartupMember.startup_id)
        .filter(Application.event_id == event.id, Application.status == ApplicationStatus.ACCEPTED))
    return [event_audience.Recipient(email=u.email, name=u.name, locale=u.locale, reason="startup") for u in users]


@personal_calendar.register
def pitch_slots(user) -> list[personal_calendar.PersonalEntry]:
    """The member's pitch slots of published line-ups, with the slot's own times and a stable UID."""
    applications = db.session.scalars(
        db.select(Application).join(PitchSlot, PitchSlot.application_id == Application.id)
        .join(StartupMember, StartupMember.startup_id == Application.startup_id)
        .filter(StartupMember.user_id == user.id, Application.status == ApplicationStatus.ACCEPTED))
    entries = []
    for application in applications:
        event = application.event
        if not event.is_public or not is_published(event):
            continue
        for slot in slots_for(event):
            if slot.application.id == application.id:
                entries.append(personal_calendar.PersonalEntry(
                    event=event, role="pitch", starts_at=slot.starts_at, ends_at=slot.ends_at,
                    uid=f"pitch-{application.id}-{event.uid}", title=f"Pitch: {application.startup.name}"))
    return entries


def count_applications(event_ids: list[int]) -> dict[int, int]:
    if not event_ids:
        return {}
    rows = db.session.execute(
        db.select(Application.event_id, db.func.count()).filter(
            Application.event_id.in_(event_ids), Application.status != ApplicationStatus.DRAFT)
        .group_by(Application.event_id))
    return dict(rows.all())


event_counts.register("applications", _l("Applications"), count_applications)
