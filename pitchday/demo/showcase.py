"""Demo data for the showcase: two of every three demo startups opted in (with their team size), and last
summer's Essen pitch day with its line-up and published awards, so the home page has winners to show.

Idempotent: a startup that has decided (its team size is set) is left alone; the past pitch day's results are
published once.
"""

from ..database import utcnow
from ..extensions import db
from ..models import (
    Application,
    ApplicationStatus,
    Award,
    CallForPitches,
    Event,
    EventStatus,
    EventType,
    JuryPublication,
    Startup,
)

PAST_PITCH_DAY = "Pitch Day Essen: Sommer-Ausgabe"
AWARDS = ["1. Platz der Jury", "2. Platz der Jury", "Publikumspreis"]


def _opt_in() -> list[Startup]:
    startups = db.session.scalars(db.select(Startup).order_by(Startup.id)).all()
    for index, startup in enumerate(startups):
        if startup.team_size is None:
            startup.team_size = 2 + (startup.id * 7) % 11
            startup.is_public = index % 3 != 2
    return [s for s in startups if s.is_public]


def _past_results(public: list[Startup]) -> None:
    event = db.session.scalar(db.select(Event).filter_by(title=PAST_PITCH_DAY, type=EventType.PITCH_DAY))
    if event is None or event.status != EventStatus.PUBLISHED or db.session.get(JuryPublication, event.id):
        return
    fitting = [s for s in public if set(s.sectors) & set(event.sectors or event.camp.sectors)] or public
    pitched = fitting[:4]
    if not pitched:
        return
    call = db.session.scalar(db.select(CallForPitches).filter_by(event_id=event.id))
    if call is None:
        call = CallForPitches(event_id=event.id)
        db.session.add(call)
    call.lineup_published_at = event.starts_at
    applications = []
    for startup in pitched:
        application = db.session.scalar(db.select(Application).filter_by(event_id=event.id, startup_id=startup.id))
        if application is None:
            application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED,
                                      submitted_at=event.starts_at)
            db.session.add(application)
        applications.append(application)
    db.session.flush()
    for position, (title, application) in enumerate(zip(AWARDS, applications, strict=False)):
        db.session.add(Award(event_id=event.id, application_id=application.id, title=title, position=position))
    db.session.add(JuryPublication(event_id=event.id, published_at=utcnow()))


def seed() -> None:
    _past_results(_opt_in())
