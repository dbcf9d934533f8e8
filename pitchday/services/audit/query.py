"""Reading the audit trail: the entries a viewer may see, narrowed by filters, newest first, a page at a time.

``scope`` is the set of camp ids a viewer may see, or None for all of it (hub admins); entries without a camp
(hub-wide role changes) are in nobody's camp scope.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from ...berlin import from_local
from ...extensions import db
from ...models import AuditEntry
from ..paging import Page

PER_PAGE = 50
MAX_PAGE = 100_000


@dataclass(frozen=True)
class Filters:
    camp_id: int | None = None
    actor_id: int | None = None
    kind: str = ""  # an area ("event") or one action ("event.published")
    since: date | None = None  # Berlin calendar days, both included
    until: date | None = None
    event_id: int | None = None
    subject_type: str = ""
    subject_id: int | None = None

    def active(self) -> bool:
        return any(v not in (None, "") for v in vars(self).values())



def _where(filters: Filters, scope: frozenset[int] | None) -> list:
    conditions = []
    if scope is not None:
        conditions.append(AuditEntry.camp_id.in_(sorted(scope)) if scope else sa.false())
    if filters.camp_id is not None:
        conditions.append(AuditEntry.camp_id == filters.camp_id)
    if filters.actor_id is not None:
        conditions.append(AuditEntry.actor_id == filters.actor_id)
    if filters.kind:
        exact = "." in filters.kind
        conditions.append(AuditEntry.action == filters.kind if exact
                          else AuditEntry.action.startswith(filters.kind + ".", autoescape=True))
    if filters.since is not None:
        conditions.append(AuditEntry.at >= from_local(datetime.combine(filters.since, time())))
    if filters.until is not None:
        conditions.append(AuditEntry.at < from_local(datetime.combine(filters.until + timedelta(days=1), time())))
    if filters.event_id is not None:
        conditions.append(AuditEntry.event_id == filters.event_id)
    if filters.subject_type:
        conditions.append(AuditEntry.subject_type == filters.subject_type)
    if filters.subject_id is not None:
        conditions.append(AuditEntry.subject_id == filters.subject_id)
    return conditions


def _ordered(filters: Filters, scope):
    return (sa.select(AuditEntry).where(*_where(filters, scope))
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()))


def page_of(filters: Filters, *, scope: frozenset[int] | None, page: int = 1, per_page: int = PER_PAGE) -> Page:
    """One page of matching entries, newest first, and how many match in all (two queries)."""
    page = max(1, min(page, MAX_PAGE))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(*_where(filters, scope)))
    entries = list(db.session.scalars(_ordered(filters, scope).limit(per_page).offset((page - 1) * per_page)))
    return Page(entries, total, page, per_page)


def count(filters: Filters, *, scope: frozenset[int] | None) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(*_where(filters, scope)))


def each(filters: Filters, *, scope: frozenset[int] | None) -> Iterator[AuditEntry]:
    """Every matching entry, newest first, fetched in batches (for the CSV export of any size)."""
    yield from db.session.scalars(_ordered(filters, scope).execution_options(yield_per=500))


def actors(*, scope: frozenset[int] | None) -> list[tuple[int, str]]:
    """(id, name) of everyone with an entry the viewer may see, by name: the "who" filter's choices."""
    rows = db.session.execute(
        sa.select(AuditEntry.actor_id, sa.func.max(AuditEntry.actor_name))
        .where(AuditEntry.actor_id.is_not(None), *_where(Filters(), scope))
        .group_by(AuditEntry.actor_id))
    return sorted(((actor_id, name) for actor_id, name in rows), key=lambda row: row[1].lower())
