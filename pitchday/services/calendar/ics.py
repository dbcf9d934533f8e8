"""iCalendar (RFC 5545) output: a single event, subscription feeds, personal feeds.

One VEVENT per event; its agenda goes into the DESCRIPTION (see docs/events.md for why). Every value is
derived from stored data (DTSTAMP is the event's last change), so the same data gives the same bytes and a
feed's ETag can be computed from the data alone. Times carry TZID=Europe/Berlin with a matching VTIMEZONE.
"""

from flask import current_app
from flask_babel import gettext as _

from ...models import BlockKind, EventStatus, EventType
from ...sectors import SECTORS
from ..applications.running_order import lineup_lines
from ..events.labels import block_label, type_label
from ..events.text import plain_text
from . import writer as w

PRODID = "-//pitchday//pitchday events//DE"

# Europe/Berlin's rules since 1996 as two yearly rules, rather than a list of every change since 1970.
BERLIN_VTIMEZONE = [
    "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
]


class _Texts:
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


def _description(event, texts: _Texts, lineup: list[str] = ()) -> str:
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
            lines.append(f"{w.berlin_clock(block.starts_at)}–{w.berlin_clock(block.ends_at)} {block.title} "
                         f"({texts.blocks[block.kind]})")
        lines.append("")
    if lineup:
        lines += [texts.lineup, *lineup, ""]
    if event.online_url:
        lines.append(texts.online.replace("\0", event.online_url))
    lines.append(f"{texts.base_url}/events/{event.id}")
    return "\n".join(lines).strip()


def _summary(event, texts: _Texts) -> str:
    if event.status == EventStatus.POSTPONED:
        return texts.postponed.replace("\0", event.title)
    if event.status == EventStatus.CANCELLED:
        return texts.cancelled.replace("\0", event.title)
    return event.title


STATUS = {EventStatus.CANCELLED: "CANCELLED", EventStatus.POSTPONED: "TENTATIVE"}


def _vevent(event, texts: _Texts, *, uid=None, starts_at=None, ends_at=None, title=None,
            lineup: list[str] = ()) -> list[str]:
    categories = [event.camp.name, texts.types[event.type], *(texts.sectors.get(s, s) for s in event.sectors)]
    location = ", ".join(p for p in (event.venue_name, event.venue_address, event.online_url) if p)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{w.text(uid or event.uid)}",
        f"DTSTAMP:{w.utc(event.updated_at)}",
        f"LAST-MODIFIED:{w.utc(event.updated_at)}",
        f"CREATED:{w.utc(event.created_at)}",
        f"SEQUENCE:{event.sequence}",
        f"SUMMARY:{w.text(title or _summary(event, texts))}",
        f"DTSTART;TZID=Europe/Berlin:{w.berlin(starts_at or event.starts_at)}",
        f"DTEND;TZID=Europe/Berlin:{w.berlin(ends_at or event.ends_at)}",
        f"STATUS:{STATUS.get(event.status, 'CONFIRMED')}",
        f"DESCRIPTION:{w.text(_description(event, texts, lineup))}",
    ]
    if location:
        lines.append(f"LOCATION:{w.text(location)}")
    lines.append(f"URL:{texts.base_url}/events/{event.id}")
    lines.append("CATEGORIES:" + ",".join(w.text(c) for c in categories))
    if event.camp.contact_email:
        lines.append(f"ORGANIZER;CN={w.param(event.camp.name)}:mailto:{event.camp.contact_email}")
    lines.append("END:VEVENT")
    return lines


def _calendar(name: str, method: str | None, body: list[str]) -> bytes:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    if method:
        head.append(f"METHOD:{method}")
    head += [f"NAME:{w.text(name)}", f"X-WR-CALNAME:{w.text(name)}", "X-WR-TIMEZONE:Europe/Berlin",
             "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"]
    return w.lines_to_bytes(head + BERLIN_VTIMEZONE + body + ["END:VCALENDAR"])


def event_ics(event, *, method="PUBLISH") -> bytes:
    """One event as an .ics file (for downloads and e-mail attachments), with its published line-up;
    METHOD:CANCEL once cancelled. (Feeds leave the line-up out: it would cost a query per event.)"""
    if event.status == EventStatus.CANCELLED:
        method = "CANCEL"
    return _calendar(event.title, method, _vevent(event, _Texts(), lineup=lineup_lines(event)))


def events_feed(events, *, name: str) -> bytes:
    """A subscription feed of ``events`` (their camp and agenda loaded), named ``name``."""
    texts = _Texts()
    body = []
    for event in events:
        body += _vevent(event, texts)
    return _calendar(name, "PUBLISH", body)


def personal_feed(entries, *, name: str) -> bytes:
    """A person's private feed from ``personal_calendar`` entries; each UID once."""
    texts = _Texts()
    body, seen = [], set()
    for entry in entries:
        uid = entry.uid or entry.event.uid
        if uid in seen:
            continue
        seen.add(uid)
        body += _vevent(entry.event, texts, uid=uid, starts_at=entry.starts_at, ends_at=entry.ends_at,
                        title=entry.title)
    return _calendar(name, "PUBLISH", body)
