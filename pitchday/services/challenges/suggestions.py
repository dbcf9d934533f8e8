"""Who fits a challenge: public startups of its sector, those that pitched most at the hub's events first, and the
camp whose next pitch day fits its sector (the sector-fit rule the calls for pitches use)."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from ...database import utcnow
from ...extensions import db
from ...models import (
    Application,
    ApplicationStatus,
    CallForPitches,
    Camp,
    Challenge,
    ChallengeProposal,
    Event,
    EventStatus,
    EventType,
    Startup,
)


def fitting_startups(challenge: Challenge, limit: int = 8) -> list[tuple[Startup, int]]:
    """(startup, pitches at the hub) for public startups of the challenge's sector that have not answered yet."""
    pitches = (sa.select(sa.func.count(Application.id)).join(CallForPitches,
                                                             CallForPitches.event_id == Application.event_id)
               .where(Application.startup_id == Startup.id, Application.status == ApplicationStatus.ACCEPTED,
                      CallForPitches.lineup_published_at.is_not(None))
               .correlate(Startup).scalar_subquery())
    answered = sa.select(ChallengeProposal.startup_id).where(ChallengeProposal.challenge_id == challenge.id)
    sector = f",{challenge.sector_slug},"
    return list(db.session.execute(
        sa.select(Startup, pitches)
        .where(Startup.is_public.is_(True), Startup.id.not_in(answered),
               sa.literal(",").concat(Startup.sector_slugs).concat(",").contains(sector, autoescape=True))
        .order_by(pitches.desc(), Startup.name).limit(limit)).all())


def fitting_pitch_day(challenge: Challenge) -> Event | None:
    """The next public pitch day whose sectors (or its camp's) include the challenge's: where the company could
    present it (an agenda block of kind "challenge")."""
    events = db.session.scalars(
        sa.select(Event).where(Event.type == EventType.PITCH_DAY, Event.status == EventStatus.PUBLISHED,
                               Event.starts_at > utcnow())
        .options(sa.orm.selectinload(Event.camp)).order_by(Event.starts_at))
    return next((e for e in events if challenge.sector_slug in (e.sectors or e.camp.sectors)), None)


def fitting_camp(challenge: Challenge) -> Camp | None:
    event = fitting_pitch_day(challenge)
    if event is not None:
        return event.camp
    camps = db.session.scalars(sa.select(Camp).order_by(Camp.name))
    return next((c for c in camps if challenge.sector_slug in c.sectors), None)


@dataclass(frozen=True)
class ReviewerHints:
    """What the company and the reviewing organisers see beside a challenge: who fits, where to meet them."""

    startups: list = field(default_factory=list)
    pitch_day: Event | None = None
    camp: Camp | None = None


def hints_for(challenge: Challenge) -> ReviewerHints:
    return ReviewerHints(fitting_startups(challenge), fitting_pitch_day(challenge), fitting_camp(challenge))
