"""Figures per camp and quarter, the grid the network's part of the impact report is made of.

A figure is a function ``(start, end) -> SELECT camp_id, count(*) ... GROUP BY camp_id`` for one quarter's
bounds; each is counted with one grouped query per quarter, and camps without any count stay in the grid as
zeros so a table has no holes.
"""

from collections.abc import Callable

import sqlalchemy as sa

from ...berlin import quarters
from ...extensions import db
from ...models import Camp

Count = Callable[[object, object], sa.Select]


def grid(year: int, camp_ids: list[int] | None, figures: dict[str, Count], row_type):
    """``row_type(camp_name, quarter)`` per camp and quarter of ``year``, its attributes set from ``figures``."""
    camps = db.session.scalars(sa.select(Camp).order_by(Camp.name)).all()
    if camp_ids is not None:
        camps = [c for c in camps if c.id in camp_ids]
    rows = {(c.id, q): row_type(c.name, q) for c in camps for q, _, _ in quarters(year)}
    for name, count in figures.items():
        for label, start, end in quarters(year):
            for camp_id, number in db.session.execute(count(start, end)):
                if (camp_id, label) in rows:
                    setattr(rows[(camp_id, label)], name, number)
    return list(rows.values())
