"""iCalendar output for events (minimal stand-in; the events area's version replaces this file at merge)."""

from datetime import UTC

from icalendar import Calendar
from icalendar import Event as VEvent


def event_ics(event, *, method: str = "PUBLISH") -> bytes:
    """The event as a VCALENDAR with one VEVENT (stable UID, SEQUENCE, UTC times)."""
    cal = Calendar()
    cal.add("prodid", "-//pitchday//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    vevent = VEvent()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", event.updated_at.astimezone(UTC))
    vevent.add("dtstart", event.starts_at.astimezone(UTC))
    vevent.add("dtend", event.ends_at.astimezone(UTC))
    vevent.add("summary", event.title)
    location = ", ".join(part for part in (event.venue_name, event.venue_address) if part) or event.online_url
    if location:
        vevent.add("location", location)
    cal.add_component(vevent)
    return cal.to_ical()
