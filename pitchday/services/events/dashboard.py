"""The organiser's dashboard: the events of the camps a person organises, with every area's counts."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from ...database import utcnow
from ...extensions import db
from ...models import Camp, Event
from .counts import COUNTERS, counts_for


@dataclass(frozen=True)
class Row:
    event: Event
    counts: list[int]  # in the order of ``COUNTERS``


def camps_of(user) -> list[Camp]:
    query = sa.select(Camp).order_by(Camp.is_home.desc(), Camp.name)
    if not user.is_hub_admin:
        query = query.where(Camp.id.in_(user.organised_camp_ids() or {-1}))
    return list(db.session.scalars(query))


def dashboard(user, *, past: bool = False) -> tuple[list, list[Row]]:
    """(counter columns, rows): upcoming events soonest first, or past ones latest first; fixed query count."""
    camp_ids = [c.id for c in camps_of(user)]
    now = utcnow()
    query = sa.select(Event).where(Event.camp_id.in_(camp_ids or [-1])).options(joinedload(Event.camp))
    if past:
        query = query.where(Event.ends_at < now).order_by(Event.starts_at.desc()).limit(100)
    else:
        query = query.where(Event.ends_at >= now).order_by(Event.starts_at)
    events = db.session.scalars(query).all()
    counts = counts_for([e.id for e in events]) if events else {c.key: {} for c in COUNTERS}
    rows = [Row(e, [counts[c.key].get(e.id, 0) for c in COUNTERS]) for e in events]
    return list(COUNTERS), rows
