"""Version counters of cached output, moved by every change to what the output shows.

Names: ``event:<id>`` (the event page and the event's calendar entry), ``camp:<id>`` (its name and contact
appear on both) and ``feeds`` (every subscription feed). Changes made through the ORM are found by a session
hook (``RULES``: which names a changed object moves), so no service has to remember; the few bulk UPDATEs
call ``touch``. The counters are written once, just before the commit, in name order: the rows stay locked
only for the commit itself and two writers always take them in the same order.
"""

from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ...database import utcnow
from ...extensions import db
from ...models import (
    AgendaBlock,
    Application,
    Award,
    CallForPitches,
    Camp,
    Event,
    JuryPublication,
    PitchSlot,
    Startup,
)
from ...models.cache import CacheVersion
from ...models.vote import AudienceVoteSettings

FEEDS = "feeds"
SHOWCASE = "showcase"  # the startup directory and public profiles: names, awards and pitch history
PENDING = "pitchday.cache_versions"


def event_name(event_id: int) -> str:
    return f"event:{event_id}"


def camp_name(camp_id: int) -> str:
    return f"camp:{camp_id}"


def _of_event_id(obj) -> set[str]:
    return {event_name(obj.event_id), FEEDS}


def _of_startup(session: Session, startup: Startup) -> set[str]:
    # A startup's name and one-liner show in the line-up of every event it pitches at.
    event_ids = session.connection().execute(
        sa.select(PitchSlot.event_id).join(Application, Application.id == PitchSlot.application_id)
        .where(Application.startup_id == startup.id)).scalars()
    return {event_name(i) for i in event_ids} | {FEEDS}


RULES = {
    Event: lambda s, o: {event_name(o.id), FEEDS, SHOWCASE},
    Camp: lambda s, o: {camp_name(o.id), FEEDS, SHOWCASE},
    AgendaBlock: lambda s, o: _of_event_id(o),
    PitchSlot: lambda s, o: _of_event_id(o) | {SHOWCASE},
    CallForPitches: lambda s, o: _of_event_id(o) | {SHOWCASE},  # the published line-up is in the calendar entries
    JuryPublication: lambda s, o: {event_name(o.event_id), SHOWCASE},
    Award: lambda s, o: {event_name(o.event_id), SHOWCASE},
    AudienceVoteSettings: lambda s, o: {event_name(o.event_id)},
    Startup: lambda s, o: _of_startup(s, o) | {SHOWCASE},
    Application: lambda s, o: {SHOWCASE},  # an accepted pitch joins the startup's public history
}


def touch(*names: str) -> None:
    """Move these counters when the current transaction commits (for changes made without the ORM)."""
    db.session.info.setdefault(PENDING, set()).update(names)


def touch_event(event) -> None:
    touch(event_name(event.id), FEEDS)


@sa_event.listens_for(Session, "after_flush")
def _collect(session: Session, _context) -> None:
    names = session.info.setdefault(PENDING, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        rule = RULES.get(type(obj))
        if rule is None or (obj in session.dirty and not session.is_modified(obj, include_collections=False)):
            continue
        names |= rule(session, obj)


@sa_event.listens_for(Session, "before_commit")
def _write(session: Session) -> None:
    session.flush()  # the last changes' names, before the counters are written
    names = session.info.pop(PENDING, None)
    if names:
        bump(session.connection(), sorted(names))


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(PENDING, None)


def bump(connection, names: list[str]) -> None:
    now = utcnow()
    module = postgresql if connection.dialect.name == "postgresql" else sqlite
    table = CacheVersion.__table__
    for name in names:
        insert = module.insert(table).values(name=name, version=1, changed_at=now)
        connection.execute(insert.on_conflict_do_update(
            index_elements=[table.c.name], set_={"version": table.c.version + 1, "changed_at": now}))


@dataclass(frozen=True)
class Stamp:
    token: str  # changes whenever any of the counters moves
    changed_at: datetime | None  # the latest change among them


def read(*names: str) -> Stamp:
    """The counters' current stamp: one query."""
    rows = db.session.execute(sa.select(CacheVersion.name, CacheVersion.version, CacheVersion.changed_at)
                              .where(CacheVersion.name.in_(names))).all()
    found = {name: (version, changed_at) for name, version, changed_at in rows}
    parts = [f"{n}={found[n][0]}@{found[n][1].timestamp()}" if n in found else f"{n}=0" for n in names]
    latest = max((c for _v, c in found.values()), default=None)
    return Stamp(sha256("|".join(parts).encode()).hexdigest()[:24], latest)
