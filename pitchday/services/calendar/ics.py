"""iCalendar (RFC 5545) output: a single event, subscription feeds, personal feeds, all written by icalendar.

One VEVENT per event; its agenda and published line-up go into the DESCRIPTION (see docs/events.md for why).
Every value is derived from stored data (DTSTAMP is the event's last change), so the same data gives the same
bytes. Times carry TZID=Europe/Berlin with a matching VTIMEZONE.

icalendar spends about a millisecond on an event, too slow to write a feed of 10,000 events per request; so a
VEVENT is written once per version of its event and kept in the shared cache (``calendar/entries``), and a
feed is the VCALENDAR written here around those stored entries (``calendar_bytes``).
"""

from datetime import UTC, datetime

import icalendar
from flask import current_app
from flask_babel import gettext as _

from ...berlin import BERLIN
from ...models import BlockKind, EventStatus, EventType
from ...sectors import SECTORS
from ..applications.running_order import lineup_lines
from ..events.labels import block_label, type_label
from ..events.text import plain_text

PRODID = "-//pitchday//pitchday events//DE"
END = b"END:VCALENDAR\r\n"


def _berlin_timezone() -> icalendar.Timezone:
    """Europe/Berlin's rules since 1996 as two yearly rules, rather than a list of every change since 1970."""
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/Berlin")
    zone.add("x-lic-location", "Europe/Berlin")
    for kind, offset_from, offset_to, name, start, month in (
            (icalendar.TimezoneDaylight, "+0100", "+0200", "CEST", datetime(1970, 3, 29, 2), 3),
            (icalendar.TimezoneStandard, "+0200", "+0100", "CET", datetime(1970, 10, 25, 3), 10)):
        part = kind()
        part.add("tzoffsetfrom", icalendar.vUTCOffset.from_ical(offset_from))
        part.add("tzoffsetto", icalendar.vUTCOffset.from_ical(offset_to))
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


class Texts:
    """The translated words a build needs, looked up once per build rather than once per event."""

    def __init__(self):
        self.blocks = {k: block_label(k) for k in BlockKind}
        self.types = {t: type_label(t) for t in EventType}
        self.sectors = {slug: str(label) for slug, label in SECTORS.items()}
        self.agenda = _("Agenda (German time):")
        self.lineup = _("Line-up (German time):")
        self.postponed_note = _("This event is postponed. The new date will be announced.")
        self.cancelled_note = _("This event is cancelled.")
        self.postponed = _("Postponed: %(title)s", title="\0")
        self.cancelled = _("Cancelled: %(title)s", title="\0")
        self.online = _("Online: %(url)s", url="\0")
        self.base_url = current_app.config["BASE_URL"].rstrip("/")


def event_url(event) -> str:
    return f"{current_app.config['BASE_URL'].rstrip('/')}/events/{event.id}"


def _clock(value: datetime) -> str:
    local = value.astimezone(BERLIN)
    return f"{local.hour:02d}:{local.minute:02d}"


def _description(event, texts: Texts, lineup: list[str] = ()) -> str:
    lines = []
    if event.status == EventStatus.POSTPONED:
        lines += [texts.postponed_note, ""]
    if event.status == EventStatus.CANCELLED:
        lines += [texts.cancelled_note, ""]
    description = plain_text(event.description or "")
    if description:
        lines += [description, ""]
    if event.blocks:
        lines.append(texts.agenda)
        for block in event.blocks:
            label = texts.blocks[block.kind]
            lines.append(f"{_clock(block.starts_at)}–{_clock(block.ends_at)} {block.title} ({label})")
        lines.append("")
    if lineup:
        lines += [texts.lineup, *lineup, ""]
    if event.online_url:
        lines.append(texts.online.replace("\0", event.online_url))
    lines.append(f"{texts.base_url}/events/{event.id}")
    return "\n".join(lines).strip()


def _summary(event, texts: Texts) -> str:
    if event.status == EventStatus.POSTPONED:
        return texts.postponed.replace("\0", event.title)
    if event.status == EventStatus.CANCELLED:
        return texts.cancelled.replace("\0", event.title)
    return event.title


STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(microsecond=0)


def _berlin(value: datetime) -> datetime:
    return value.astimezone(BERLIN).replace(microsecond=0)


def vevent(event, texts: Texts, *, uid=None, starts_at=None, ends_at=None, title=None,
           lineup: list[str] = ()) -> icalendar.Event:
    """The VEVENT of an event (an Event or a feed row), or of a narrower entry (a pitch slot, a meeting)."""
    item = icalendar.Event()
    item.add("uid", uid or event.uid)
    item.add("dtstamp", _utc(event.updated_at))
    item.add("last-modified", _utc(event.updated_at))
    item.add("created", _utc(event.created_at))
    item.add("sequence", event.sequence)
    item.add("summary", title or _summary(event, texts))
    item.add("dtstart", _berlin(starts_at or event.starts_at))
    item.add("dtend", _berlin(ends_at or event.ends_at))
    item.add("status", STATUS.get(event.status, "CONFIRMED"))
    item.add("description", _description(event, texts, lineup))
    location = ", ".join(p for p in (event.venue_name, event.venue_address, event.online_url) if p)
    if location:
        item.add("location", location)
    item.add("url", f"{texts.base_url}/events/{event.id}", parameters={"VALUE": "URI"})
    item.add("categories", [event.camp.name, texts.types[event.type],
                            *(texts.sectors.get(s, s) for s in event.sectors)])
    if event.camp.contact_email:
        organizer = icalendar.vCalAddress(f"mailto:{event.camp.contact_email}")
        organizer.params["CN"] = icalendar.vText(event.camp.name)
        item.add("organizer", organizer)
    return item


def calendar_bytes(name: str, method: str | None, entries: list[bytes]) -> bytes:
    """A VCALENDAR written by icalendar around already serialised VEVENTs."""
    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    cal.add("refresh-interval", icalendar.vDuration.from_ical("PT1H"), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    cal.add_component(_berlin_timezone())
    shell = cal.to_ical()
    assert shell.endswith(END)  # noqa: S101  (icalendar's own framing: the entries go just before its end)
    return shell[:-len(END)] + b"".join(entries) + END


def event_ics(event, *, method="PUBLISH") -> bytes:
    """One event as an .ics file (for downloads and e-mail attachments), with its published line-up;
    METHOD:CANCEL once cancelled."""
    if event.status == EventStatus.CANCELLED:
        method = "CANCEL"
    item = vevent(event, Texts(), lineup=lineup_lines(event))
    return calendar_bytes(event.title, method, [item.to_ical()])


def events_feed(events, *, name: str, lineups: dict | None = None) -> bytes:
    """A subscription feed of ``events`` (their camp and agenda loaded), named ``name``; ``lineups`` maps an
    event id to its published line-up lines."""
    texts = Texts()
    lineups = lineups or {}
    return calendar_bytes(name, "PUBLISH", [vevent(e, texts, lineup=lineups.get(e.id, ())).to_ical() for e in events])


def personal_feed(entries, *, name: str) -> bytes:
    """A person's private feed from ``personal_calendar`` entries; each UID once."""
    texts = Texts()
    body, seen = [], set()
    for entry in entries:
        uid = entry.uid or entry.event.uid
        if uid in seen:
            continue
        seen.add(uid)
        body.append(vevent(entry.event, texts, uid=uid, starts_at=entry.starts_at, ends_at=entry.ends_at,
                           title=entry.title).to_ical())
    return calendar_bytes(name, "PUBLISH", body)
