"""Demo matchmaking: requests and agreed meetings placed in the demo pitch day's networking block, and a year
of past pitch days across the camps so the impact report has something to show.

Defensive and idempotent: it uses the demo pitch day another area seeded when there is one (the next published
pitch day with a networking block and a line-up), and builds a small one of its own otherwise; every row it
adds is found again by a fixed name or address before it is created.
"""

import random
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from .. import mail
from ..cli_registrations import mail_context
from ..database import utcnow
from ..extensions import db
from ..models import (
    AgendaBlock,
    Application,
    ApplicationStatus,
    AttendeeType,
    BlockKind,
    Camp,
    Event,
    EventStatus,
    EventType,
    Juror,
    PitchSlot,
    Registration,
    RegistrationStatus,
    Startup,
    StartupMember,
    User,
)
from ..models.checkin import CheckIn
from ..models.jury import JurorStatus
from ..models.matchmaking import FollowUp, Meeting, MeetingRequest, MeetingStatus, MeetingTable, RequestSide
from ..services.matchmaking import meetings
from ..services.matchmaking import requests as mm
from ..services.matchmaking.setup import networking_block
from ..services.registrations import seats as registrations
from .foundation import demo_user

FOUNDER = "gruenderin@pitchday.example"
INDUSTRY = "industrie@pitchday.example"
LOGINS = [("startup founder (meetings)", FOUNDER), ("industry attendee (meetings)", INDUSTRY)]
TABLES = ["Tisch 1", "Tisch 2", "Tisch 3", "Tisch 4", "Raum Zollverein"]
PEOPLE = [("Ines Industrie", "Thyssen Demo AG", AttendeeType.INDUSTRY),
          ("Malte Mittelstand", "Ruhrpumpen Demo GmbH", AttendeeType.INDUSTRY),
          ("Vera Versorger", "Stadtwerke Demo", AttendeeType.INDUSTRY),
          ("Ivo Investor", "Revier Ventures", AttendeeType.INVESTOR),
          ("Hanne Hochschule", "Universität Demo", AttendeeType.ACADEMIA),
          ("Lars Logistik", "Hafen Demo Duisburg", AttendeeType.INDUSTRY)]
HISTORY_JURORS = [("jury-demo-1@pitchday.example", "Dr. Petra Prüfer"),
                  ("jury-demo-2@pitchday.example", "Karl Kapital"),
                  ("jury-demo-3@pitchday.example", "Prof. Hanna Hochschule"),
                  ("jury-demo-4@pitchday.example", "Mehmet Mittelstand"),
                  ("jury-demo-5@pitchday.example", "Sofia Stadtwerke")]
STARTUPS = [("mm-demo-gridly", "Gridly", "Smart meters for the Mittelstand"),
            ("mm-demo-ruhrbot", "RuhrBot", "Robots for small factories"),
            ("mm-demo-kohlenstoff", "Kohlenstoff", "Carbon accounting for SMEs")]


def _startup(slug: str, name: str, one_liner: str) -> Startup:
    startup = db.session.scalar(sa.select(Startup).filter_by(slug=slug))
    if startup is None:
        startup = Startup(slug=slug, name=name, one_liner=one_liner, city="Essen")
        db.session.add(startup)
        db.session.flush()
    return startup


def _pitch(event: Event, startup: Startup) -> None:
    application = db.session.scalar(sa.select(Application).filter_by(event_id=event.id, startup_id=startup.id))
    if application is None:
        application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED,
                                  submitted_at=event.starts_at - timedelta(days=20))
        db.session.add(application)
        db.session.flush()
    if application.slot is None:
        position = (db.session.scalar(sa.select(sa.func.max(PitchSlot.position)).filter_by(event_id=event.id))
                    or 0) + 1
        db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=position))
        db.session.flush()


def _event(camp: Camp, title: str, start: datetime) -> Event:
    event = db.session.scalar(sa.select(Event).filter_by(title=title, camp_id=camp.id))
    if event is None:
        event = Event(camp_id=camp.id, title=title, type=EventType.PITCH_DAY, starts_at=start,
                      ends_at=start + timedelta(hours=4), status=EventStatus.PUBLISHED, capacity=120,
                      venue_name=camp.name, venue_address=camp.address)
        db.session.add(event)
        db.session.flush()
        for kind, name, begin, minutes in ((BlockKind.PITCH_BLOCK, "Pitches", 0, 90),
                                           (BlockKind.NETWORKING, "Networking", 105, 90)):
            db.session.add(AgendaBlock(event_id=event.id, kind=kind, title=name,
                                       starts_at=start + timedelta(minutes=begin),
                                       ends_at=start + timedelta(minutes=begin + minutes)))
        db.session.flush()
    return event


def _moment_in_window(event: Event) -> datetime:
    """Now if the event takes registrations, else a moment when it did (the demo pitch day may not be open)."""
    closes = event.registration_closes_at or event.starts_at
    for moment in (utcnow(), event.registration_opens_at, closes - timedelta(minutes=1)):
        if moment is not None and registrations.window_state(event, moment) == "open":
            return moment
    return utcnow()  # register() says why not


def _register(event: Event, name: str, email: str, organisation: str, type_, user=None) -> Registration:
    """Through the registrations area, so the event's queue counter stays right and a later real registration
    gets the next arrival number; an attendee already there is taken as is (idempotent, no number drawn)."""
    reg = db.session.scalar(sa.select(Registration).filter_by(event_id=event.id, email=email))
    if reg is None:
        moment = _moment_in_window(event)
        reg = registrations.register(event, name=name, email=email, organisation=organisation,
                                     attendee_type=type_, locale="de", user=user, now=moment).registration
        if reg.status != RegistrationStatus.CONFIRMED:  # the event is full: the demo's people get a seat anyway
            registrations.confirm_by_hand(reg, by=user, now=moment)
    return reg


def demo_pitch_day() -> Event:
    """The hub's demo pitch day, else the next published pitch day with a networking block and a line-up,
    else one of our own."""
    from .events import demo_pitch_day as hub_demo_pitch_day

    preferred = hub_demo_pitch_day()
    if preferred is not None and networking_block(preferred) is not None and mm.lineup(preferred):
        return preferred
    candidates = db.session.scalars(sa.select(Event).where(
        Event.type == EventType.PITCH_DAY, Event.status == EventStatus.PUBLISHED, Event.starts_at > utcnow())
        .order_by(Event.starts_at)).all()
    for event in candidates:
        if networking_block(event) is not None and mm.lineup(event):
            return event
    camp = db.session.scalar(sa.select(Camp).filter_by(slug="essen"))
    start = (utcnow() + timedelta(days=21)).replace(hour=13, minute=0, second=0, microsecond=0)
    event = db.session.scalar(sa.select(Event).filter_by(title="Pitch Day Energie & Industrie"))
    return event or _event(camp, "Pitch Day Energie & Industrie", start)


def seed_upcoming() -> None:
    event = demo_pitch_day()
    founder = demo_user(FOUNDER, "Greta Gründerin")
    lineup = mm.lineup(event)
    if len(lineup) < 3:
        for slug, name, one_liner in STARTUPS:
            _pitch(event, _startup(slug, name, one_liner))
        lineup = mm.lineup(event)
    first = lineup[0]
    if not db.session.scalar(sa.select(StartupMember).filter_by(startup_id=first.id, user_id=founder.id)):
        db.session.add(StartupMember(startup_id=first.id, user_id=founder.id))
    industry_user = demo_user(INDUSTRY, "Ines Industrie")
    regs = []
    for i, (name, organisation, type_) in enumerate(PEOPLE):
        email = INDUSTRY if i == 0 else f"mm-demo-{i}@pitchday.example"
        reg = _register(event, name, email, organisation, type_, user=industry_user if i == 0 else None)
        mm.set_profile(reg, visible=i % 2 == 0, share_contact=i != 2, looking_for="Pilotpartner gesucht")
        regs.append(reg)
    if not meetings.tables_of(event):
        meetings.set_tables(event, TABLES)
    rng = random.Random(8)
    for reg in regs:
        for startup in rng.sample(lineup, min(3, len(lineup))):
            exists = db.session.scalar(sa.select(MeetingRequest).filter_by(
                event_id=event.id, startup_id=startup.id, registration_id=reg.id))
            if exists is None:
                request = mm.request_by_attendee(reg, startup, reason="Pilotprojekt in unserem Werk besprechen")
                if rng.random() < 0.7:
                    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    meetings.run_allocation(event, notify=False)


def seed_history() -> None:
    """Four past quarters of pitch days in every camp, with attendees, pitches, meetings and follow-ups."""
    rng = random.Random(2025)
    now = utcnow()
    camps = db.session.scalars(sa.select(Camp).order_by(Camp.slug)).all()
    types = [AttendeeType.INDUSTRY] * 4 + [AttendeeType.STARTUP] * 2 + [AttendeeType.INVESTOR,
                                                                        AttendeeType.ACADEMIA, AttendeeType.OTHER]
    jurors: list[User] = []
    for quarter in range(4):
        day = (now - timedelta(days=60 + 91 * quarter)).date()
        for camp in camps:
            start = datetime(day.year, day.month, min(day.day, 28), 13, tzinfo=UTC)
            title = f"{camp.city} Pitch Day {start:%m/%Y}"
            if db.session.scalar(sa.select(Event.id).filter_by(title=title, camp_id=camp.id)):
                continue
            event = _event(camp, title, start)
            startups = [_startup(f"mm-hist-{camp.slug}-{quarter}-{n}", f"{camp.city} Startup {quarter * 3 + n + 1}",
                                 "Demo startup") for n in range(3)]
            for startup in startups:
                _pitch(event, startup)
            table = MeetingTable(event_id=event.id, name="Tisch 1")
            db.session.add(table)
            db.session.flush()
            # A past event takes no registrations any more: they are recorded, numbered from its queue counter.
            regs = registrations.record_confirmed(event, [
                {"name": f"Gast {n + 1}", "email": f"mm-hist-{event.id}-{n}@pitchday.example",
                 "organisation": "Demo Organisation", "attendee_type": rng.choice(types)}
                for n in range(rng.randint(12, 30))], at=start - timedelta(days=10))
            for slot, reg in enumerate(regs[:6]):
                startup = startups[slot % 3]
                request = MeetingRequest(event_id=event.id, startup_id=startup.id, registration_id=reg.id,
                                         requested_by=RequestSide.ATTENDEE, status="accepted", reason="Demo")
                db.session.add(request)
                db.session.flush()
                db.session.add(Meeting(event_id=event.id, request_id=request.id, startup_id=startup.id,
                                       party_key=f"r:{reg.id}", status=MeetingStatus.PLACED, slot_index=slot,
                                       table_id=table.id, starts_at=start + timedelta(minutes=105 + 15 * slot),
                                       ends_at=start + timedelta(minutes=120 + 15 * slot)))
            for startup in startups:
                if rng.random() < 0.5:
                    db.session.add(FollowUp(event_id=event.id, startup_id=startup.id,
                                            kind=rng.choice(["meeting", "pilot", "investment", "hire"]),
                                            partner="Demo Partner GmbH"))
            jurors = jurors or [demo_user(email, name) for email, name in HISTORY_JURORS]
            _attendance_and_jury(event, regs, jurors, random.Random(title))
            db.session.flush()


def _attendance_and_jury(event: Event, regs: list[Registration], jurors: list[User], rng: random.Random) -> None:
    """Most attendees came (check-ins at the door) and three of the hub's jurors sat on the panel: the impact
    report's attendance rate and jurors."""
    for reg in regs:
        if rng.random() < 0.8:
            db.session.add(CheckIn(registration_id=reg.id, event_id=event.id,
                                   checked_in_at=event.starts_at + timedelta(minutes=rng.randint(-30, 15))))
    for user in rng.sample(jurors, 3):
        db.session.add(Juror(event_id=event.id, user_id=user.id, status=JurorStatus.ACCEPTED,
                             invited_at=event.starts_at - timedelta(days=21),
                             accepted_at=event.starts_at - timedelta(days=14)))


def seed() -> None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(Camp)) == 0:
        return  # the foundation seeds the camps; without them there is nothing to hang events on
    with mail_context():
        seed_upcoming()
        seed_history()
        mail.discard_queued()  # demo data sends no e-mail (tickets, meeting requests)
