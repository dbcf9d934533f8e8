"""What registrations add for other areas: the event's audience, personal calendars and dashboard counts."""

from pitchday.database import write_intent
from pitchday.services.calendar import personal as personal_calendar
from pitchday.services.events import audience as event_audience
from pitchday.services.events import counts as event_counts
from pitchday.services.registrations import seats as registrations


def test_confirmed_attendees_hear_about_event_changes(db, event, register):
    a = register(event, 1, locale="en")
    for n in range(2, 5):
        register(event, n)
    emails = {r.email: r for r in event_audience.recipients_for(event)}
    assert set(emails) == {"p1@example.org", "p2@example.org", "p3@example.org"}  # not the waiting p4
    assert emails[a.email].locale == "en" and emails[a.email].reason == "attendee"


def test_a_users_registrations_are_in_their_calendar(db, event, make_event, member, register):
    register(event, email=member.email, name="Mia")
    other = make_event()
    cancelled = register(other, email=member.email, name="Mia")
    with write_intent():
        registrations.cancel(cancelled)
        db.session.commit()
    entries = personal_calendar.entries_for(member)
    assert [(e.event.id, e.role) for e in entries] == [(event.id, "attendee")]


def test_the_dashboard_counts_confirmed_registrations_per_event(db, event, make_event, register):
    empty = make_event()
    for n in range(1, 5):
        register(event, n)
    assert event_counts.counts_for([event.id, empty.id])["registrations"] == {event.id: 3, empty.id: 0}
