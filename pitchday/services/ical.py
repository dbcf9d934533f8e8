"""iCalendar (RFC 5545) output: a single event, subscription feeds, personal feeds.

One VEVENT per event; its agenda goes into the DESCRIPTION (see docs/events.md for why). Every value is
derived from stored data (DTSTAMP is the event's last change), so the same data gives the same bytes and a
feed's ETag can be computed from the data alone.
"""

from datetime import UTC, datetime, timedelta

import icalendar
from flask import current_app
from flask_babel import gettext as _

from ..berlin import BERLIN
from ..models import EventStatus
from ..sectors import sector_label
from .events_labels import block_label, type_label
from .events_text import plain_text

PRODID = "-//pitchday//pitchday events//DE"
ICS_MIMETYPE = "text/calendar; charset=utf-8"
# When no event in a feed has changed for a while, calendar apps may still poll hourly.
REFRESH = timedelta(hours=1)


def event_url(event) -> str:
    return f"{current_app.config['BASE_URL'].rstrip('/')}/events/{event.id}"


def _local(value: datetime) -> datetime:
    return value.astimezone(BERLIN)


def _location(event) -> str:
    parts = [p for p in (event.venue_name, event.venue_address) if p]
    if event.online_url:
        parts.append(event.online_url)
    return ", ".join(parts)


def _description(event) -> str:
    lines = []
    if event.status == EventStatus.POSTPONED:
        lines += [_("This event is postponed. The new date will be announced."), ""]
    if event.status == EventStatus.CANCELLED:
        lines += [_("This event is cancelled."), ""]
    text = plain_text(event.description or "")
    if text:
        lines += [text, ""]
    if event.blocks:
        lines.append(_("Agenda (German time):"))
        for block in event.blocks:
            start, end = _local(block.starts_at), _local(block.ends_at)
            lines.append(f"{start:%H:%M}–{end:%H:%M} {block.title} ({block_label(block.kind)})")
        lines.append("")
    if event.online_url:
        lines.append(_("Online: %(url)s", url=event.online_url))
    lines.append(event_url(event))
    return "\n".join(lines).strip()


def _summary(event) -> str:
    if event.status == EventStatus.POSTPONED:
        return _("Postponed: %(title)s", title=event.title)
    if event.status == EventStatus.CANCELLED:
        return _("Cancelled: %(title)s", title=event.title)
    return event.title


def _status(event) -> str:
    return {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}.get(event.status, "CONFIRMED")


def vevent(event, *, uid=None, starts_at=None, ends_at=None, title=None) -> icalendar.Event:
    """The VEVENT of an event (or of a narrower entry inside it, such as a pitch slot)."""
    item = icalendar.Event()
    item.add("uid", uid or event.uid)
    item.add("dtstamp", event.updated_at.astimezone(UTC))
    item.add("last-modified", event.updated_at.astimezone(UTC))
    item.add("created", event.created_at.astimezone(UTC))
    item.add("sequence", event.sequence)
    item.add("summary", title or _summary(event))
    item.add("dtstart", _local(starts_at or event.starts_at))
    item.add("dtend", _local(ends_at or event.ends_at))
    item.add("status", _status(event))
    item.add("description", _description(event))
    location = _location(event)
    if location:
        item.add("location", location)
    item.add("url", event_url(event))
    item.add("categories", [event.camp.name, type_label(event.type), *(sector_label(s) for s in event.sectors)])
    if event.camp.contact_email:
        organizer = icalendar.vCalAddress(f"mailto:{event.camp.contact_email}")
        organizer.params["cn"] = event.camp.name
        item.add("organizer", organizer)
    return item


# Europe/Berlin's rules since 1996, written as two yearly rules rather than a list of every change since 1970
# (what icalendar generates): the same times, a fraction of the size in every feed.
BERLIN_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
X-LIC-LOCATION:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def _calendar(name: str, method: str | None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    cal.add_component(icalendar.Timezone.from_ical(BERLIN_VTIMEZONE))
    return cal


def _finish(cal: icalendar.Calendar) -> bytes:
    return cal.to_ical()


def event_ics(event, *, method="PUBLISH") -> bytes:
    """One event as an .ics file (for downloads and e-mail attachments); METHOD:CANCEL once cancelled."""
    if event.status == EventStatus.CANCELLED:
        method = "CANCEL"
    cal = _calendar(event.title, method)
    cal.add_component(vevent(event))
    return _finish(cal)


def events_feed(events, *, name: str) -> bytes:
    """A subscription feed of ``events`` (their camp and agenda loaded), named ``name``."""
    cal = _calendar(name, "PUBLISH")
    for event in events:
        cal.add_component(vevent(event))
    return _finish(cal)


def personal_feed(entries, *, name: str) -> bytes:
    """A person's private feed from ``personal_calendar`` entries; each UID once."""
    cal = _calendar(name, "PUBLISH")
    seen = set()
    for entry in entries:
        uid = entry.uid or entry.event.uid
        if uid in seen:
            continue
        seen.add(uid)
        cal.add_component(vevent(entry.event, uid=uid, starts_at=entry.starts_at, ends_at=entry.ends_at,
                                 title=entry.title))
    return _finish(cal)
