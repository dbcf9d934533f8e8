"""Demo data of the applications area: a pitch day per camp with an open or closed call, a dozen startups per
camp whose sectors fit it, their applications in every status, and a published running order in Essen.

Runs after the events seeder: it uses a camp's pitch day when one exists and creates one otherwise, so seeding
stays idempotent whichever areas are merged.
"""

from datetime import timedelta

from ..database import utcnow
from ..extensions import db
from ..models import (
    AgendaBlock,
    Application,
    ApplicationAnswer,
    ApplicationDecision,
    ApplicationStatus,
    BlockKind,
    CallForPitches,
    Camp,
    CfpQuestion,
    Event,
    EventStatus,
    EventType,
    MemberRole,
    PitchSlot,
    QuestionKind,
    Stage,
    Startup,
    StartupMember,
    User,
)
from .foundation import demo_user

FOUNDER_EMAIL = "founder@pitchday.example"
LOGINS = [("founder (startups, applications)", FOUNDER_EMAIL)]

NAMES = ["Flux", "Kumpel", "Zeche", "Halde", "Revier", "Förder", "Kokerei", "Pott", "Emscher", "Lippe", "Ruhrwerk",
         "Stollen"]
SUFFIXES = {"health": "Care", "it-security": "Shield", "logistics": "Cargo", "iot": "Sense", "smart-home": "Home",
            "smart-city": "City", "big-data": "Data", "ecommerce": "Shop", "energy": "Grid", "industry": "Works",
            "fintech": "Pay", "mobility": "Move"}
# Twelve applications per pitch day, in every status.
STATUSES = ["draft", "submitted", "submitted", "submitted", "shortlisted", "shortlisted", "accepted", "accepted",
            "accepted", "waitlisted", "rejected", "withdrawn"]
STAGES = list(Stage)


def _pitch_day(camp: Camp, index: int) -> Event:
    """The camp's next published pitch day (in Essen: the hub's demo pitch day), or a new one."""
    from .events import demo_pitch_day

    event = demo_pitch_day() if camp.slug == "essen" else None
    event = event or db.session.scalar(
        db.select(Event).filter_by(camp_id=camp.id, type=EventType.PITCH_DAY, status=EventStatus.PUBLISHED)
        .filter(Event.starts_at > utcnow()).order_by(Event.starts_at))
    if event is None:
        starts = (utcnow() + timedelta(days=21 + 7 * index)).replace(hour=16, minute=0, second=0, microsecond=0)
        event = Event(camp_id=camp.id, title=f"Pitch Day {camp.city}", type=EventType.PITCH_DAY, starts_at=starts,
                      ends_at=starts + timedelta(hours=4), status=EventStatus.PUBLISHED,
                      sector_slugs=camp.sector_slugs, venue_name=camp.name, venue_address=camp.address, capacity=120,
                      description="Startups pitchen vor Industrie, Mittelstand und Investoren.")
        db.session.add(event)
        db.session.flush()
    if event.pitch_block() is None:
        start = event.starts_at + timedelta(hours=1)
        event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=start,
                                        ends_at=start + timedelta(hours=2)))
    if event.cfp_closes_at is None:
        # Essen's call is still open (so the demo founder can apply); elsewhere it has closed.
        event.cfp_opens_at = utcnow() - timedelta(days=30)
        event.cfp_closes_at = utcnow() + (timedelta(days=10) if camp.slug == "essen" else timedelta(days=-2))
    return event


def _call(event: Event) -> CallForPitches:
    call = db.session.scalar(db.select(CallForPitches).filter_by(event_id=event.id))
    if call is None:
        call = CallForPitches(event_id=event.id, deck_required=False, questions=[
            CfpQuestion(position=1, kind=QuestionKind.LONG_TEXT, label="Welches Problem löst ihr?", required=True),
            CfpQuestion(position=2, kind=QuestionKind.SINGLE_CHOICE, label="Wie groß ist euer Team?",
                        options="1–3\n4–10\n11 und mehr"),
            CfpQuestion(position=3, kind=QuestionKind.YES_NO, label="Habt ihr schon zahlende Kunden?"),
        ])
        db.session.add(call)
        db.session.flush()
    return call


def _startup(camp: Camp, i: int, owner: User) -> Startup:
    sector = camp.sectors[i % len(camp.sectors)]
    slug = f"{NAMES[i].lower()}-{SUFFIXES[sector].lower()}-{camp.slug}"
    startup = db.session.scalar(db.select(Startup).filter_by(slug=slug))
    if startup is None:
        name = f"{NAMES[i]}{SUFFIXES[sector]} {camp.city.split()[0]}"
        startup = Startup(slug=slug, name=name, one_liner=f"{name}: {SUFFIXES[sector]} aus dem Revier",
                          description="Gegründet im Ruhrgebiet, getestet mit Partnern aus dem Mittelstand.",
                          sector_slugs=sector, stage=STAGES[i % len(STAGES)], founded_year=2019 + i % 6,
                          city=camp.city, contact_name=owner.name, contact_email=owner.email)
        startup.members.append(StartupMember(user_id=owner.id, role=MemberRole.FOUNDER))
        db.session.add(startup)
        db.session.flush()
    return startup


def _founder(camp: Camp, i: int) -> User:
    email = f"founder-{camp.slug}-{i + 1}@pitchday.example"
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:  # no password: demo founders other than FOUNDER_EMAIL never log in
        user = User(email=email, name=f"Gründerin {i + 1} {camp.city}", locale="de", email_confirmed_at=utcnow())
        db.session.add(user)
        db.session.flush()
    return user


def seed() -> None:
    demo_founder = demo_user(FOUNDER_EMAIL, "Fenja Gründerin")
    organisers = {u.email: u for u in db.session.scalars(db.select(User).filter(User.email.like("orga-%")))}
    for index, camp in enumerate(db.session.scalars(db.select(Camp).order_by(Camp.slug)).all()):
        event = _pitch_day(camp, index)
        call = _call(event)
        actor = organisers.get(f"orga-{camp.slug}@pitchday.example")
        for i, status in enumerate(STATUSES):
            owner = demo_founder if i == 0 else _founder(camp, i)
            startup = _startup(camp, i, owner)
            application = db.session.scalar(db.select(Application).filter_by(event_id=event.id,
                                                                             startup_id=startup.id))
            if application is not None:
                continue
            application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus(status),
                                      submitted_at=None if status == "draft" else utcnow() - timedelta(days=3))
            db.session.add(application)
            db.session.flush()
            for question in call.questions:
                value = {"long_text": "Wir machen Daten aus Anlagen nutzbar.", "single_choice": "4–10",
                         "yes_no": "yes"}.get(str(question.kind), "")
                application.answers.append(ApplicationAnswer(question_id=question.id, value=value))
            if status != "draft":
                application.decisions.append(ApplicationDecision(actor_id=owner.id, from_status="draft",
                                                                 to_status="submitted"))
            if status not in ("draft", "submitted", "withdrawn"):
                application.decisions.append(ApplicationDecision(actor_id=actor.id if actor else None,
                                                                 from_status="submitted", to_status=status))
        if camp.slug == "essen":
            _running_order(event, call)
    db.session.flush()


def _running_order(event: Event, call: CallForPitches) -> None:
    accepted = db.session.scalars(db.select(Application).filter_by(event_id=event.id,
                                                                   status=ApplicationStatus.ACCEPTED)
                                  .order_by(Application.id)).all()
    taken = set(db.session.scalars(db.select(PitchSlot.application_id).filter_by(event_id=event.id)))
    position = max([0, *db.session.scalars(db.select(PitchSlot.position).filter_by(event_id=event.id))])
    for application in accepted:
        if application.id not in taken:
            position += 1
            db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=position))
    if call.lineup_published_at is None:
        call.lineup_published_at = utcnow()
