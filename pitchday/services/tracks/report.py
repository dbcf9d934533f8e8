"""The tracks in the impact report: per camp and quarter, how many started, reached a pilot, reached an order,
investment or hire; counted in the database with one grouped query per figure."""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...berlin import quarters
from ...extensions import db
from ...models import Camp, Track


@dataclass
class Row:
    camp: str
    quarter: str
    started: int = 0
    pilots: int = 0
    deals: int = 0



def figures(year: int, camp_ids: list[int] | None = None) -> list[Row]:
    """One row per camp and quarter of ``year`` (camps without tracks included, so the table has no holes)."""
    camps = db.session.scalars(sa.select(Camp).order_by(Camp.name)).all()
    if camp_ids is not None:
        camps = [c for c in camps if c.id in camp_ids]
    rows = {(c.id, q): Row(c.name, q) for c in camps for q, _, _ in quarters(year)}
    for attribute, column in (("started", Track.started_at), ("pilots", Track.reached_pilot_at),
                              ("deals", Track.reached_deal_at)):
        for label, start, end in quarters(year):
            counts = db.session.execute(sa.select(Track.camp_id, sa.func.count()).where(column >= start, column < end)
                                        .group_by(Track.camp_id))
            for camp_id, count in counts:
                if (camp_id, label) in rows:
                    setattr(rows[(camp_id, label)], attribute, count)
    return list(rows.values())


HEADER = [_l("Camp"), _l("Quarter"), _l("Tracks started"), _l("Reached a pilot"),
          _l("Reached an order, investment or hire")]


def csv_rows(rows: list[Row]) -> Iterator[list]:
    """The figures as rows for the one CSV writer, under ``HEADER``."""
    for r in rows:
        yield [r.camp, r.quarter, r.started, r.pilots, r.deals]
