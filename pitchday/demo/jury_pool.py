"""Demo data for the hub's juror pool: profiles for the demo jurors and three more experts, loads this quarter,
a clash with another camp in the same week, and a stake declared at last summer's pitch day that is flagged
again at the demo pitch day, where the same startup pitches.

Idempotent: profiles, juror rows and conflicts are found before they are made.
"""

from ..database import utcnow
from ..extensions import db
from ..models import Conflict, Event, EventStatus, EventType, Juror, JurorProfile
from ..models.jury import ConflictReason, JurorStatus
from ..services.applications.running_order import slots_for
from ..services.jury.pool import quarter_of
from .foundation import demo_user
from .jury import JURORS, _demo_pitch_day

EXPERTS = [("pool-paula@pitchday.example", "Paula Pool", "energy,industry", "de,en", "", "Thyssen Energie"),
           ("pool-omar@pitchday.example", "Omar Oberhausen", "logistics", "de", "duisburg,dortmund", "Hafen AG"),
           ("pool-lena@pitchday.example", "Lena Labor", "health,it-security", "de,en", "bochum,essen", "Uni-Klinik")]
JUROR_PROFILES = {JURORS[0][0]: ("energy,fintech", "de,en", "essen", "Business Angels Ruhr"),
                  JURORS[1][0]: ("industry,energy", "de", "", "Mittelstandsbank"),
                  JURORS[2][0]: ("energy", "de,en", "essen,gelsenkirchen", "Stadtwerke")}
PAST_PITCH_DAY = "Pitch Day Essen: Sommer-Ausgabe"


def _profile(user, sectors, languages, camps, organisation) -> None:
    if db.session.scalar(db.select(JurorProfile.id).filter_by(user_id=user.id)) is None:
        db.session.add(JurorProfile(user_id=user.id, sector_slugs=sectors, languages=languages, camp_slugs=camps,
                                    organisation=organisation))


def _on_jury(event, user) -> Juror:
    juror = db.session.scalar(db.select(Juror).filter_by(event_id=event.id, user_id=user.id))
    if juror is None:
        juror = Juror(event_id=event.id, user_id=user.id, status=JurorStatus.ACCEPTED, accepted_at=utcnow())
        db.session.add(juror)
        db.session.flush()
    return juror


def seed() -> None:
    for email, (sectors, languages, camps, organisation) in JUROR_PROFILES.items():
        _profile(demo_user(email, dict(JURORS)[email]), sectors, languages, camps, organisation)
    experts = []
    for email, name, sectors, languages, camps, organisation in EXPERTS:
        user = demo_user(email, name)
        _profile(user, sectors, languages, camps, organisation)
        experts.append(user)
    demo_day = _demo_pitch_day()
    if demo_day is None:
        return
    # Paula sat on two other camps' juries in the demo pitch day's quarter: her load shows on its jury page.
    start, end = quarter_of(demo_day.starts_at)
    others = db.session.scalars(db.select(Event).filter(Event.type == EventType.PITCH_DAY,
                                                        Event.status == EventStatus.PUBLISHED,
                                                        Event.camp_id != demo_day.camp_id, Event.starts_at >= start,
                                                        Event.starts_at < end)
                                .order_by(Event.starts_at).limit(2)).all()
    for other in others:
        _on_jury(other, experts[0])
    # Anna sat on last summer's jury and declared a stake in a startup that pitches again at the demo pitch day.
    past = db.session.scalar(db.select(Event).filter_by(title=PAST_PITCH_DAY))
    lineup = slots_for(demo_day)
    if past is not None and len(lineup) > 1:
        anna = _on_jury(past, demo_user(*JURORS[0]))
        startup_id = lineup[1].application.startup_id
        if not db.session.scalar(db.select(Conflict.id).filter_by(juror_id=anna.id, startup_id=startup_id)):
            db.session.add(Conflict(juror_id=anna.id, startup_id=startup_id, reason=ConflictReason.INVESTED,
                                    declared_by_id=anna.user_id))
