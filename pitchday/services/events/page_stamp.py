"""What the event page needs to know before it can answer from the shared cache, in one statement: the
event's status and clock (registration and call windows) and the version counters of the event and its camp.
An anonymous visit that finds the page stored costs this one query and nothing else.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask import abort

from ...database import UTCDateTime
from ...extensions import db
from ...models import Camp

_CLOCK = ("registration_opens_at", "registration_closes_at", "starts_at", "ends_at", "cfp_opens_at", "cfp_closes_at")
STAMP = sa.text(
    f"SELECT e.id, e.status, e.camp_id, e.updated_at, {', '.join('e.' + c for c in _CLOCK)}, "  # noqa: S608
    "ev.version AS event_version, ev.changed_at AS event_changed, "
    "cv.version AS camp_version, cv.changed_at AS camp_changed "
    "FROM events e LEFT JOIN cache_versions ev ON ev.name = :event_name "
    "LEFT JOIN cache_versions cv ON cv.name = :camp_prefix || e.camp_id WHERE e.id = :id",
).columns(**{c: UTCDateTime() for c in ("updated_at", *_CLOCK, "event_changed", "camp_changed")},
          id=sa.Integer, status=sa.String, camp_id=sa.Integer, event_version=sa.BigInteger,
          camp_version=sa.BigInteger)
MAX_ID = 2**31 - 1  # the column's range: larger ids are not found, not an error


@dataclass(frozen=True, slots=True)
class PageStamp:
    id: int
    status: str
    camp_id: int
    updated_at: datetime
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    starts_at: datetime
    ends_at: datetime
    cfp_opens_at: datetime | None
    cfp_closes_at: datetime | None
    event_version: int | None
    event_changed: datetime | None
    camp_version: int | None
    camp_changed: datetime | None

    @property
    def camp(self) -> Camp:
        """For the permission rules (a draft's organisers); read only when asked."""
        return db.session.get(Camp, self.camp_id)

    @property
    def token(self) -> str:
        return f"{self.event_version or 0}@{self.event_changed}|{self.camp_version or 0}@{self.camp_changed}"

    @property
    def last_modified(self) -> datetime:
        return max(filter(None, (self.updated_at, self.event_changed, self.camp_changed)))


def load_page_stamp(event_id: int) -> PageStamp:
    """The event's stamp, or 404."""
    if not 0 < event_id <= MAX_ID:
        abort(404)
    row = db.session.execute(STAMP, {"id": event_id, "event_name": f"event:{event_id}", "camp_prefix": "camp:"}).first()
    if row is None:
        abort(404)
    return PageStamp(*row)
