"""Finding events: the public listing with its filters, the archive, camp and sector feeds.

Each query loads camps and agendas with the events (one JOIN and one IN query), so a page or a feed costs
the same few queries whether it lists ten events or a thousand.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from ...berlin import from_local, to_local
from ...database import utcnow
from ...extensions import db
from ...models import Camp, Event, EventStatus, EventType
from ...sectors import SECTORS
from .feed_rows import feed_rows

LISTED = (EventStatus.PUBLISHED, EventStatus.POSTPONED)
# Feeds keep cancelled events (STATUS:CANCELLED) so subscribed calendars drop or strike them through.
IN_FEEDS = (EventStatus.PUBLISHED, EventStatus.POSTPONED, EventStatus.CANCELLED)
FEED_PAST = timedelta(days=180)  # how far back a subscription feed reaches
PAGE_SIZE = 30


@dataclass(frozen=True)
class Filters:
    camp: str = ""
    sector: str = ""
    type: str = ""
    month: str = ""  # "2026-12"

    @classmethod
    def from_args(cls, args) -> "Filters":
        """Filters from a query string; unknown values are ignored rather than refused."""
        camp = args.get("camp", "")
        sector = args.get("sector", "") if args.get("sector", "") in SECTORS else ""
        kind = args.get("type", "") if args.get("type", "") in {t.value for t in EventType} else ""
        month = args.get("month", "")
        try:
            datetime.strptime(month, "%Y-%m")
        except ValueError:
            month = ""
        return cls(camp=camp[:64], sector=sector, type=kind, month=month)

    @property
    def active(self) -> bool:
        return any((self.camp, self.sector, self.type, self.month))


def _with_sector(query, sector: str):
    # Sectors are stored comma-separated; wrapping in commas matches whole slugs only.
    return query.where((sa.literal(",") + Event.sector_slugs + sa.literal(",")).like(f"%,{sector},%"))


def _filtered(query, filters: Filters):
    if filters.camp:
        query = query.where(Event.camp.has(Camp.slug == filters.camp))
    if filters.sector:
        query = _with_sector(query, filters.sector)
    if filters.type:
        query = query.where(Event.type == EventType(filters.type))
    if filters.month:
        start = datetime.strptime(filters.month, "%Y-%m")
        end = (start + timedelta(days=32)).replace(day=1)
        query = query.where(Event.starts_at >= from_local(start), Event.starts_at < from_local(end))
    return query


def _loaded(query):
    return query.options(joinedload(Event.camp), selectinload(Event.blocks))


def upcoming(filters: Filters = Filters(), *, page: int = 1, now: datetime | None = None,
             page_size: int = PAGE_SIZE) -> tuple[list[Event], bool]:
    """A page of upcoming (not yet ended) listed events, soonest first, and whether more follow."""
    query = sa.select(Event).where(Event.status.in_(LISTED), Event.ends_at >= (now or utcnow()))
    query = _filtered(query, filters).order_by(Event.starts_at, Event.id)
    rows = db.session.scalars(_loaded(query).offset((page - 1) * page_size).limit(page_size + 1)).unique().all()
    return rows[:page_size], len(rows) > page_size


def archive(filters: Filters = Filters(), *, page: int = 1, now: datetime | None = None,
            page_size: int = PAGE_SIZE) -> tuple[list[Event], bool]:
    """Past public events, latest first."""
    query = sa.select(Event).where(Event.status.in_(IN_FEEDS), Event.ends_at < (now or utcnow()))
    query = _filtered(query, filters).order_by(Event.starts_at.desc(), Event.id.desc())
    rows = db.session.scalars(_loaded(query).offset((page - 1) * page_size).limit(page_size + 1)).unique().all()
    return rows[:page_size], len(rows) > page_size


def upcoming_of_camp(camp: Camp, *, limit: int = 20) -> list[Event]:
    events, _more = upcoming(Filters(camp=camp.slug), page_size=limit)
    return events


def _feed_query(camp: Camp | None, sector: str | None, now: datetime | None):
    query = sa.select(Event).where(Event.status.in_(IN_FEEDS), Event.ends_at >= (now or utcnow()) - FEED_PAST)
    if camp is not None:
        query = query.where(Event.camp_id == camp.id)
    if sector:
        query = _with_sector(query, sector)
    return query


def feed_stamp(*, camp: Camp | None = None, sector: str | None = None, now=None) -> tuple[int, datetime | None]:
    """(number of events, latest change) of a feed: one cheap query that decides whether it changed."""
    inner = _feed_query(camp, sector, now).with_only_columns(Event.id, Event.updated_at).subquery()
    count, latest = db.session.execute(sa.select(sa.func.count(), sa.func.max(inner.c.updated_at))).one()
    if latest is not None and latest.tzinfo is None:  # in case a driver skips the column type's conversion
        latest = latest.replace(tzinfo=UTC)
    return count, latest


def feed_events(*, camp: Camp | None = None, sector: str | None = None, now=None) -> list:
    """The feed's events as light rows (see ``events_feed_rows``), soonest first: two queries."""
    return feed_rows(_feed_query(camp, sector, now).order_by(Event.starts_at, Event.id))


def months_ahead(count: int = 12, now: datetime | None = None) -> list[str]:
    """The next months as "YYYY-MM", for the month filter."""
    local = to_local(now or utcnow())
    year, month = local.year, local.month
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months
