"""The tracks in the impact report: per camp and quarter, how many started, reached a pilot, reached an order,
investment or hire; counted in the database with one grouped query per figure."""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...models import Track
from ..impact import quarterly


@dataclass
class Row:
    camp: str
    quarter: str
    started: int = 0
    pilots: int = 0
    deals: int = 0


def _reached(column):
    return lambda start, end: (sa.select(Track.camp_id, sa.func.count()).where(column >= start, column < end)
                               .group_by(Track.camp_id))


FIGURES = {"started": _reached(Track.started_at), "pilots": _reached(Track.reached_pilot_at),
           "deals": _reached(Track.reached_deal_at)}


def figures(year: int, camp_ids: list[int] | None = None) -> list[Row]:
    """One row per camp and quarter of ``year`` (camps without tracks included, so the table has no holes)."""
    return quarterly.grid(year, camp_ids, FIGURES, Row)

HEADER = [_l("Camp"), _l("Quarter"), _l("Tracks started"), _l("Reached a pilot"),
          _l("Reached an order, investment or hire")]


def csv_rows(rows: list[Row]) -> Iterator[list]:
    """The figures as rows for the one CSV writer, under ``HEADER``."""
    for r in rows:
        yield [r.camp, r.quarter, r.started, r.pilots, r.deals]
