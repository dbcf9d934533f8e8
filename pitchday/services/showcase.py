"""The public showcase of the region's startups: the directory at /startups/, a camp's startups, recent winners.

Only startups that opted in (``Startup.is_public``) appear. What they are known for here is public already: the
pitches of a published line-up at a public event, and the awards of published results. A startup's camps are the
camps whose events it pitched at. Every list is read in a fixed number of queries, whatever its length.
"""

from dataclasses import dataclass, field

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Application,
    ApplicationStatus,
    Award,
    CallForPitches,
    Camp,
    Event,
    EventStatus,
    JuryPublication,
    Stage,
    Startup,
)
from .paging import Page

PER_PAGE = 24
MAX_PAGE = 10_000


@dataclass(frozen=True)
class Filters:
    camp: str = ""
    sector: str = ""
    stage: str = ""
    query: str = ""

    def active(self) -> bool:
        return any((self.camp, self.sector, self.stage, self.query))


@dataclass
class Entry:
    """A startup as the showcase shows it: the profile, the camps it pitched in and its awards."""

    startup: Startup
    camps: list[Camp] = field(default_factory=list)
    pitches: int = 0
    awards: list[tuple[Award, Event]] = field(default_factory=list)



def _pitched():
    """Applications that count as a pitch at the hub: accepted, in a published line-up, at a public event."""
    return (sa.select(Application.id, Application.startup_id, Event.id.label("event_id"), Event.camp_id)
            .join(Event, Event.id == Application.event_id)
            .join(CallForPitches, CallForPitches.event_id == Event.id)
            .where(Application.status == ApplicationStatus.ACCEPTED, CallForPitches.lineup_published_at.is_not(None),
                   Event.status.in_((EventStatus.PUBLISHED, EventStatus.POSTPONED))))


def _filtered(filters: Filters):
    statement = sa.select(Startup).where(Startup.is_public.is_(True))
    if filters.sector:
        # sector_slugs is a comma-separated list of known slugs: match a whole slug, not a part of one.
        statement = statement.where(sa.literal(",").concat(Startup.sector_slugs).concat(",")
                                    .contains(f",{filters.sector},", autoescape=True))
    if filters.stage:
        statement = statement.where(Startup.stage == filters.stage)
    if filters.camp:
        pitched = _pitched().subquery()
        statement = statement.where(sa.exists().where(
            pitched.c.startup_id == Startup.id, pitched.c.camp_id == Camp.id, Camp.slug == filters.camp))
    if filters.query:
        words = filters.query.split()[:5]
        for word in words:
            pattern = f"%{word.lower()}%"
            statement = statement.where(sa.or_(sa.func.lower(Startup.name).like(pattern),
                                               sa.func.lower(Startup.one_liner).like(pattern),
                                               sa.func.lower(Startup.city).like(pattern)))
    return statement


def directory(filters: Filters, *, page: int = 1, per_page: int = PER_PAGE) -> Page:
    """One page of the showcase in alphabetical order; the total comes from one count query."""
    page = min(max(page, 1), MAX_PAGE)
    statement = _filtered(filters)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(statement.subquery()))
    startups = list(db.session.scalars(statement.order_by(sa.func.lower(Startup.name), Startup.id)
                                       .limit(per_page).offset((page - 1) * per_page)))
    return Page(items=_entries(startups), total=total, page=page, per_page=per_page)


def _entries(startups: list[Startup]) -> list[Entry]:
    entries = {s.id: Entry(startup=s) for s in startups}
    if not entries:
        return []
    pitched = _pitched().where(Application.startup_id.in_(entries)).subquery()
    camps = db.session.execute(
        sa.select(pitched.c.startup_id, Camp, sa.func.count())
        .join(Camp, Camp.id == pitched.c.camp_id)
        .group_by(pitched.c.startup_id, Camp.id).order_by(Camp.name))
    for startup_id, camp, count in camps:
        entries[startup_id].camps.append(camp)
        entries[startup_id].pitches += count
    for startup_id, award, event in _awards(list(entries)):
        entries[startup_id].awards.append((award, event))
    return list(entries.values())


def _awards(startup_ids: list[int], *, limit: int | None = None):
    """(startup id, award, event) of published results, newest event first."""
    statement = (sa.select(Application.startup_id, Award, Event)
                 .join(Application, Application.id == Award.application_id)
                 .join(Event, Event.id == Award.event_id)
                 .join(JuryPublication, JuryPublication.event_id == Event.id)
                 .where(Event.status.in_((EventStatus.PUBLISHED, EventStatus.POSTPONED)))
                 .order_by(Event.starts_at.desc(), Award.position))
    if startup_ids is not None:
        statement = statement.where(Application.startup_id.in_(startup_ids))
    if limit:
        statement = statement.limit(limit)
    return db.session.execute(statement).all()


def profile(startup: Startup) -> Entry:
    """The showcase's view of one startup (also for its own team before it goes public)."""
    return _entries([startup])[0]


def camp_startups(camp: Camp, limit: int = 12) -> list[Startup]:
    """Public startups that pitched at the camp's events, most recent pitch first."""
    pitched = _pitched().where(Event.camp_id == camp.id).add_columns(Event.starts_at).subquery()
    latest = (sa.select(pitched.c.startup_id, sa.func.max(pitched.c.starts_at).label("latest"))
              .group_by(pitched.c.startup_id).subquery())
    return list(db.session.scalars(
        sa.select(Startup).join(latest, latest.c.startup_id == Startup.id)
        .where(Startup.is_public.is_(True)).order_by(latest.c.latest.desc(), Startup.name).limit(limit)))


@dataclass(frozen=True)
class Winner:
    award: Award
    event: Event
    startup: Startup


def recent_winners(limit: int = 6) -> list[Winner]:
    """The latest published awards across the hub; a startup that is not public is named, not linked."""
    rows = _awards(None, limit=limit)
    startups = {s.id: s for s in db.session.scalars(sa.select(Startup).where(Startup.id.in_({r[0] for r in rows})))}
    return [Winner(award=award, event=event, startup=startups[startup_id]) for startup_id, award, event in rows]


def stage_values() -> list[str]:
    return [s.value for s in Stage]
