"""Demo jury for the demo pitch day: three jurors (one with a conflict), the default rubric, scores in part.

Works with or without the events and applications demo: when no pitch day with a running order exists, it
creates a small one in Essen. Idempotent: running it again changes nothing.
"""

from datetime import timedelta

from ..database import utcnow
from ..extensions import db
from ..models import (
    AgendaBlock,
    Application,
    ApplicationStatus,
    BlockKind,
    Camp,
    Conflict,
    Event,
    EventStatus,
    EventType,
    Juror,
    PitchSlot,
    Startup,
)
from ..models.jury import ConflictReason, JurorStatus
from ..services.applications.running_order import slots_for
from ..services.jury import rubric as jury_rubric
from ..services.jury import scoring as jury_scoring
from .foundation import demo_user

JURORS = [("jury-anna@pitchday.example", "Anna Aufsichtsrat"), ("jury-ben@pitchday.example", "Ben Business Angel"),
          ("jury-clara@pitchday.example", "Clara Corporate")]
LOGINS = [("juror (demo pitch day)", email) for email, _name in JURORS]
FALLBACK_TITLE = "Demo-Pitch-Day Essen"
FALLBACK_STARTUPS = [("demo-gridwise", "Gridwise", "Lastspitzen im Mittelstand glätten"),
                     ("demo-portpilot", "PortPilot", "Slot-Buchung für Binnenhäfen"),
                     ("demo-caresense", "CareSense", "Sturzerkennung ohne Kamera"),
                     ("demo-ledgerly", "Ledgerly", "Buchhaltung für Handwerksbetriebe")]


def _demo_pitch_day() -> Event | None:
    """The hub's demo pitch day once it has a running order, else the first pitch day with one, else our own."""
    from .events import demo_pitch_day

    preferred = demo_pitch_day()
    if preferred is not None and slots_for(preferred):
        return preferred
    events = db.session.scalars(db.select(Event).filter_by(type=EventType.PITCH_DAY).order_by(Event.starts_at))
    for event in events:
        if slots_for(event):
            return event
    return _fallback_event()


def _fallback_event() -> Event | None:
    camp = db.session.scalar(db.select(Camp).filter_by(slug="essen"))
    if camp is None:
        return None
    event = db.session.scalar(db.select(Event).filter_by(title=FALLBACK_TITLE))
    if event is None:
        start = (utcnow() + timedelta(days=14)).replace(hour=13, minute=0, second=0, microsecond=0)
        event = Event(camp=camp, title=FALLBACK_TITLE, type=EventType.PITCH_DAY, status=EventStatus.PUBLISHED,
                      starts_at=start - timedelta(hours=1), ends_at=start + timedelta(hours=4),
                      venue_name="Deutschland-Haus", description="Startups pitchen vor Jury und Mittelstand.")
        event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=start,
                                        ends_at=start + timedelta(hours=2)))
        db.session.add(event)
        db.session.flush()
    for position, (slug, name, one_liner) in enumerate(FALLBACK_STARTUPS, start=1):
        startup = db.session.scalar(db.select(Startup).filter_by(slug=slug))
        if startup is None:
            startup = Startup(slug=slug, name=name, one_liner=one_liner, city="Essen",
                              contact_email=f"{slug}@pitchday.example")
            db.session.add(startup)
            db.session.flush()
        application = db.session.scalar(db.select(Application).filter_by(event_id=event.id, startup_id=startup.id))
        if application is None:
            application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED,
                                      submitted_at=utcnow())
            db.session.add(application)
            db.session.flush()
            db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=position))
            db.session.flush()
    return event


def _juror(event: Event, email: str, name: str) -> Juror:
    user = demo_user(email, name)
    juror = db.session.scalar(db.select(Juror).filter_by(event_id=event.id, user_id=user.id))
    if juror is None:
        juror = Juror(event_id=event.id, user=user, status=JurorStatus.ACCEPTED, accepted_at=utcnow())
        db.session.add(juror)
        db.session.flush()
    return juror


def seed() -> None:
    event = _demo_pitch_day()
    if event is None:
        return
    criteria = jury_rubric.criteria_of(event) or jury_rubric.add_default_rubric(event)
    anna, ben, clara = (_juror(event, email, name) for email, name in JURORS)
    pitches = [s.application for s in slots_for(event)]
    if not pitches:
        return
    # Ben advises the first startup: he cannot score it.
    if not db.session.scalar(db.select(Conflict).filter_by(juror_id=ben.id, startup_id=pitches[0].startup_id)):
        db.session.add(Conflict(juror_id=ben.id, startup_id=pitches[0].startup_id, reason=ConflictReason.ADVISES,
                                declared_by_id=ben.user_id))
    if jury_scoring.my_values(anna, pitches[0]):
        return  # scores seeded before
    # Anna has scored the first two pitches completely and submitted the first; Ben is halfway through the
    # second; Clara has not started.
    for i, application in enumerate(pitches[:2]):
        for j, criterion in enumerate(criteria):
            jury_scoring.save_score(anna, application, criterion_id=criterion.id, value=min(10, 5 + (i + j) % 5))
        jury_scoring.save_comment(anna, application, comment=["Starkes Team, Markt noch unscharf.",
                                                              "Gute Traktion, Preismodell prüfen."][i])
    jury_scoring.submit(anna, pitches[0])
    if len(pitches) > 1:
        for criterion in criteria[:3]:
            jury_scoring.save_score(ben, pitches[1], criterion_id=criterion.id, value=6)
    db.session.flush()
