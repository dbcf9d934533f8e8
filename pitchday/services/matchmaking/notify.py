"""Telling both sides of a meeting: an e-mail in each recipient's language with the meeting as .ics, and
entries in personal calendar feeds."""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app, has_request_context
from icalendar import Calendar
from icalendar import Event as VEvent

from ... import mail
from ...database import utcnow
from ...extensions import db
from ...models import Registration, StartupMember
from ...models.matchmaking import Meeting, MeetingRequest, MeetingStatus
from ..calendar import personal as personal_calendar


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    locale: str
    side: str  # "attendee" or "startup"


def meeting_title(meeting: Meeting) -> str:
    return f"{meeting.startup.name} × {meeting.request.counterpart_name}"


def meeting_ics(meeting: Meeting, *, method: str = "REQUEST") -> bytes:
    """One VEVENT with a stable UID and a SEQUENCE that grows with every move, so calendars update it."""
    event = meeting.request.event
    cal = Calendar()
    cal.add("prodid", "-//pitchday//matchmaking//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    vevent = VEvent()
    vevent.add("uid", meeting.uid)
    vevent.add("sequence", meeting.sequence)
    vevent.add("dtstamp", utcnow())
    vevent.add("dtstart", meeting.starts_at)
    vevent.add("dtend", meeting.ends_at)
    vevent.add("summary", f"{meeting_title(meeting)} · {event.title}")
    table = meeting.table.name if meeting.table else ""
    vevent.add("location", ", ".join(p for p in (table, event.venue_name, event.venue_address) if p))
    if meeting.request.reason:
        vevent.add("description", meeting.request.reason)
    vevent.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    cal.add_component(vevent)
    return cal.to_ical()


def people_of(meeting: Meeting) -> list[Person]:
    request = meeting.request
    people = []
    if request.juror_user_id:
        people.append(Person(request.juror.email, request.juror.name, request.juror.locale or "de", "attendee"))
    else:
        reg = request.registration
        people.append(Person(reg.email, reg.name, reg.locale or "de", "attendee"))
    return people + _startup_people(meeting.startup)


def _startup_people(startup) -> list[Person]:
    """The startup's members, or its contact address when it has none."""
    members = db.session.scalars(sa.select(StartupMember).filter_by(startup_id=startup.id)).all()
    people = [Person(m.user.email, m.user.name, m.user.locale or "de", "startup") for m in members]
    if not members and startup.contact_email:
        people.append(Person(startup.contact_email, startup.contact_name or startup.name, "de", "startup"))
    return people


def notify_meeting(meeting: Meeting, kind: str) -> None:
    """Queue the e-mail for ``kind`` ("placed", "moved", "cancelled") to everyone at the meeting."""
    if meeting.starts_at is None:
        return
    method = "CANCEL" if kind == "cancelled" else "REQUEST"
    ics = meeting_ics(meeting, method=method)
    for person in people_of(meeting):
        attachment = mail.Attachment("meeting.ics", ics, f"text/calendar; method={method}")
        mail.queue(mail.render("matchmaking_meeting", to=person.email, locale=person.locale,
                               attachments=[attachment], meeting=meeting, kind=kind, person=person,
                               event=meeting.request.event, table=meeting.table))


@personal_calendar.register
def meeting_entries(user) -> list:
    """The user's placed meetings: as an attendee (own registration), juror, or startup member."""
    startup_ids = sa.select(StartupMember.startup_id).filter_by(user_id=user.id)
    reg_ids = sa.select(Registration.id).where(sa.or_(Registration.user_id == user.id,
                                                      sa.func.lower(Registration.email) == user.email.lower()))
    meetings = db.session.scalars(
        sa.select(Meeting).join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .where(Meeting.status == MeetingStatus.PLACED, Meeting.slot_index.is_not(None),
               sa.or_(Meeting.startup_id.in_(startup_ids), MeetingRequest.registration_id.in_(reg_ids),
                      MeetingRequest.juror_user_id == user.id))
        .order_by(Meeting.starts_at)).all()
    return [personal_calendar.PersonalEntry(
        event=m.request.event, role="meeting", starts_at=m.starts_at, ends_at=m.ends_at, uid=m.uid,
        title=f"{meeting_title(m)} ({m.table.name})") for m in meetings]


def notify_request(request: MeetingRequest) -> None:
    """Tell the side that was asked: the startup's members, or the attendee (with their ticket's page)."""
    if not has_request_context():  # called from the CLI or demo data: links still need the public address
        with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
            return notify_request(request)
    from ..accounts.account import external_url

    event = request.event
    if request.requested_by == "startup":
        reg = request.registration
        people = [Person(reg.email, reg.name, reg.locale or "de", "attendee")]
        link = external_url("matchmaking.attendee", secret=reg.ticket_secret)
    else:
        people = [p for p in _startup_people(request.startup) if p.side == "startup"]
        link = external_url("matchmaking.startup", startup_id=request.startup_id, event_id=event.id)
    for person in people:
        mail.queue(mail.render("matchmaking_request", to=person.email, locale=person.locale, request=request,
                               event=event, person=person, link=link))
