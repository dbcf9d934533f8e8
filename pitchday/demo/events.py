"""A realistic calendar: a pitch day with an agenda in every camp, a workshop and a meetup, a past event, a
postponed one and a cancelled one. Idempotent: events are found again by camp and title.

The Essen pitch day is *the* demo pitch day that the other areas fill (applications, registrations, jury,
check-in): ``demo_pitch_day()`` returns it.
"""

from datetime import datetime, time, timedelta

from ..berlin import BERLIN, to_local
from ..database import utcnow
from ..extensions import db
from ..models import AgendaBlock, BlockKind, Camp, Event, EventStatus, EventType

DEMO_PITCH_DAY_TITLE = "Pitch Day Essen: Energie & Industrie"
LOGINS = []  # the organisers' logins come from the foundation seeder

PITCH_DAY_TEXT = (
    "Zehn Startups pitchen vor Unternehmen aus Industrie, Energie und Mittelstand. Je fünf Minuten Pitch, "
    "fünf Minuten Fragen der Jury, danach **Preisverleihung** und Networking.\n\n"
    "- Für Startups: Bewerbung über den Call for Pitches\n- Für Gäste: Anmeldung kostenlos, Plätze begrenzt"
)

# (camp slug, title, weeks ahead, sectors)
PITCH_DAYS = [
    ("essen", DEMO_PITCH_DAY_TITLE, 3, "energy,industry,fintech"),
    ("bochum", "Pitch Day Bochum: Gesundheit & Sicherheit", 4, "health,it-security"),
    ("dortmund", "Pitch Day Dortmund: Logistik & IoT", 5, "logistics,iot,big-data"),
    ("duisburg", "Pitch Day Duisburg: Hafen 4.0", 6, "logistics,industry"),
    ("gelsenkirchen", "Pitch Day Gelsenkirchen: Energie & Stadt", 7, "energy,smart-city"),
    ("muelheim", "Pitch Day Mülheim: Digitaler Handel", 8, "ecommerce"),
]

# Offsets in minutes from the start: (kind, title, from, to). 18:00 start → 21:30 end.
AGENDA = [
    (BlockKind.DOORS, "Einlass", 0, 30),
    (BlockKind.WELCOME, "Begrüßung", 30, 45),
    (BlockKind.PITCH_BLOCK, "Pitches", 45, 145),
    (BlockKind.JURY, "Jury berät", 145, 165),
    (BlockKind.AWARD, "Preisverleihung", 165, 180),
    (BlockKind.NETWORKING, "Networking", 180, 210),
]


def _local_day(weeks: int, hour: int, weekday: int = 3) -> datetime:
    """A Berlin wall-clock time ``weeks`` from now on the given weekday (Thursday), as aware UTC."""
    today = to_local(utcnow()).date() + timedelta(weeks=weeks)
    day = today + timedelta(days=(weekday - today.weekday()) % 7)
    return datetime.combine(day, time(hour, 0), tzinfo=BERLIN).astimezone(utcnow().tzinfo)


def _camp(slug: str) -> Camp:
    return db.session.scalar(db.select(Camp).filter_by(slug=slug))


def _event(camp: Camp, title: str, **values) -> Event:
    event = db.session.scalar(db.select(Event).filter_by(camp_id=camp.id, title=title))
    if event is None:
        event = Event(camp=camp, title=title, venue_name=camp.name, venue_address=camp.address, **values)
        db.session.add(event)
        db.session.flush()
    return event


def _pitch_day(slug: str, title: str, weeks: int, sectors: str) -> Event:
    camp = _camp(slug)
    starts = _local_day(weeks, 18)
    now = utcnow()
    event = _event(camp, title, type=EventType.PITCH_DAY, description=PITCH_DAY_TEXT, starts_at=starts,
                   ends_at=starts + timedelta(minutes=210), capacity=120, sector_slugs=sectors,
                   status=EventStatus.PUBLISHED, registration_opens_at=now - timedelta(days=7),
                   registration_closes_at=starts - timedelta(hours=6), cfp_opens_at=now - timedelta(days=14),
                   cfp_closes_at=min(now + timedelta(days=7), starts - timedelta(days=7)),
                   pitch_minutes=5, qa_minutes=5)
    if not event.blocks:
        event.blocks = [AgendaBlock(kind=kind, title=name, starts_at=event.starts_at + timedelta(minutes=a),
                                    ends_at=event.starts_at + timedelta(minutes=b)) for kind, name, a, b in AGENDA]
    return event


def demo_pitch_day() -> Event | None:
    """The Essen demo pitch day (pitch block, networking, registration and call for pitches open)."""
    camp = _camp("essen")
    if camp is None:
        return None
    return db.session.scalar(db.select(Event).filter_by(camp_id=camp.id, title=DEMO_PITCH_DAY_TITLE))


def seed() -> None:
    for slug, title, weeks, sectors in PITCH_DAYS:
        _pitch_day(slug, title, weeks, sectors)
    workshop = _local_day(2, 14, weekday=1)
    _event(_camp("dortmund"), "Workshop: Förderprogramme für Logistik-Startups", type=EventType.WORKSHOP,
           description="Welche Förderung passt? Mit der Wirtschaftsförderung Dortmund.", starts_at=workshop,
           ends_at=workshop + timedelta(hours=3), capacity=30, sector_slugs="logistics",
           status=EventStatus.PUBLISHED)
    meetup = _local_day(1, 19, weekday=2)
    _event(_camp("bochum"), "Meetup: Security Founders Ruhr", type=EventType.MEETUP,
           description="Offener Austausch bei Getränken.", starts_at=meetup, ends_at=meetup + timedelta(hours=2),
           capacity=60, sector_slugs="it-security", status=EventStatus.PUBLISHED)
    past = _local_day(-9, 18)
    _event(_camp("essen"), "Pitch Day Essen: Sommer-Ausgabe", type=EventType.PITCH_DAY,
           description="Die letzte Ausgabe des Pitch Days in Essen.", starts_at=past,
           ends_at=past + timedelta(minutes=210), capacity=100, sector_slugs="energy,industry",
           status=EventStatus.PUBLISHED)
    postponed = _local_day(2, 18, weekday=2)
    _event(_camp("duisburg"), "Meetup: Logistik trifft Startups", type=EventType.MEETUP,
           description="Verschoben: der neue Termin folgt.", starts_at=postponed,
           ends_at=postponed + timedelta(hours=2), capacity=50, sector_slugs="logistics",
           status=EventStatus.POSTPONED, sequence=1)
    cancelled = _local_day(3, 10, weekday=4)
    _event(_camp("gelsenkirchen"), "Workshop: Energie-Startups und Stadtwerke", type=EventType.WORKSHOP,
           description="Abgesagt.", starts_at=cancelled, ends_at=cancelled + timedelta(hours=4), capacity=25,
           sector_slugs="energy", status=EventStatus.CANCELLED, sequence=1)
    _event(_camp("essen"), "Demo Day Essen (Entwurf)", type=EventType.DEMO_DAY, starts_at=_local_day(10, 17),
           ends_at=_local_day(10, 20), capacity=200, sector_slugs="energy", status=EventStatus.DRAFT)
