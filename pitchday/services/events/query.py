"""Finding events: the public listing with its filters and the archive.

Each query loads camps and agendas with the events (one JOIN and one IN query), so a page or a feed costs
the same few queries whether it lists ten events or a thousand.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from ...berlin import from_local, to_local
from ...database import utcnow
from ...extensions import db
from ...models import Camp, Event, EventStatus, EventType
from ...sectors import SECTORS

LISTED = (EventStatus.PUBLISHED, EventStatus.POSTPONED)
# The archive lists cancelled events too; the calendar feeds are in services/calendar/entries.
IN_FEEDS = (EventStatus.PUBLISHED, EventStatus.POSTPONED, EventStatus.CANCELLED)
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
