"""Feeds from stored calendar entries: each event's VEVENT is written once per version and kept in the shared
cache; a feed reads its events' ids and versions in one query, takes the entries from the cache (writing
only those of changed events) and puts the VCALENDAR around them.

Entries are also stored by month (see ``feed``). A feed covers the last 12 months and everything ahead
(``HORIZON``); older events stay in the archive on the web. Cancelled events stay in (STATUS:CANCELLED) so
subscribed calendars drop or strike them through.
"""

from datetime import datetime, timedelta
from hashlib import sha256

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import aliased

from ...database import utcnow
from ...extensions import db
from ...i18n import current_language
from ...models import CallForPitches, Camp, Event, EventStatus
from ...models.cache import CacheVersion
from ..applications.running_order import lineup_lines
from ..cache import store, versions
from ..events.feed_rows import feed_rows
from . import ics

IN_FEEDS = (EventStatus.PUBLISHED, EventStatus.POSTPONED, EventStatus.CANCELLED)
HORIZON = timedelta(days=365)
CHUNK = 2000  # ids per IN list when writing entries (SQLite's limit on bound values is far above)


def horizon_start(now: datetime | None = None) -> datetime:
    """The feeds' first day: whole days, so a feed's version changes at most once a day by itself."""
    return (now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0) - HORIZON


def _versioned(table_alias, prefix: str, column):
    return table_alias.name == sa.literal(prefix) + sa.cast(column, sa.String)


def _scope(camp: Camp | None, sector: str | None, now: datetime | None):
    query = sa.select(Event).where(Event.status.in_(IN_FEEDS), Event.ends_at >= horizon_start(now))
    if camp is not None:
        query = query.where(Event.camp_id == camp.id)
    if sector:
        # Sectors are stored comma-separated; wrapping in commas matches whole slugs only.
        query = query.where((sa.literal(",") + Event.sector_slugs + sa.literal(",")).like(f"%,{sector},%"))
    return query


def _entry_key(event_id: int, event_version, camp_version) -> str:
    site = sha256(current_app.config["BASE_URL"].encode()).hexdigest()[:8]
    return f"vevent:{event_id}:{event_version or 0}:{camp_version or 0}:{current_language()}:{site}"


def event_stamp(event: Event) -> versions.Stamp:
    """What an event's own .ics depends on: the event (its line-up included) and its camp."""
    return versions.read(versions.event_name(event.id), versions.camp_name(event.camp_id))


def event_file(event: Event, stamp: versions.Stamp | None = None) -> bytes:
    """One event's .ics (the download, a ticket mail's attachment), written once per version and kept in the
    shared cache: the thousand ticket mails of a registration rush share one file."""
    stamp = stamp or event_stamp(event)
    site = sha256(current_app.config["BASE_URL"].encode()).hexdigest()[:8]
    key = f"event-ics:{event.id}:{stamp.token}:{current_language()}:{site}"
    return store.get_or_build(key, lambda: ics.event_ics(event))


def _write_entries(ids: list[int]) -> dict[int, bytes]:
    texts = ics.Texts()
    written = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        rows = feed_rows(sa.select(Event).where(Event.id.in_(chunk)))
        # Only pitch days with a published line-up list one; those few read it the ordinary way.
        with_lineup = db.session.scalars(sa.select(CallForPitches.event_id).where(
            CallForPitches.event_id.in_(chunk), CallForPitches.lineup_published_at.is_not(None))).all()
        lineups = {i: lineup_lines(db.session.get(Event, i)) for i in with_lineup}
        written.update({row.id: ics.vevent(row, texts, lineup=lineups.get(row.id, ())).to_ical() for row in rows})
    return written


def _entries(rows: list) -> list[bytes]:
    """The stored VEVENTs of these (id, event version, camp version) rows, writing those not stored yet."""
    keys = [_entry_key(*row) for row in rows]
    entries = store.get_many(keys)
    missing = [row[0] for row, entry in zip(rows, entries, strict=True) if entry is None]
    if missing:
        written = _write_entries(missing)
        store.set_many({key: written[row[0]] for row, key in zip(rows, keys, strict=True) if row[0] in written})
        entries = [entry if entry is not None else written[row[0]] for row, entry in zip(rows, entries, strict=True)]
    return entries


def feed(name: str, *, camp: Camp | None = None, sector: str | None = None, now=None) -> bytes:
    """The feed of a scope (everything, a camp, a sector), from stored entries.

    Entries are put together by month of their start and each month's run is stored too, under a key made of
    its entries' keys: after a change only the changed event's month is read entry by entry, the other months
    come whole (a 10,000-event feed is then some thirty reads, not ten thousand)."""
    ev, cv = aliased(CacheVersion), aliased(CacheVersion)
    rows = db.session.execute(
        _scope(camp, sector, now).with_only_columns(Event.id, ev.version, cv.version, Event.starts_at)
        .outerjoin(ev, _versioned(ev, "event:", Event.id)).outerjoin(cv, _versioned(cv, "camp:", Event.camp_id))
        .order_by(Event.starts_at, Event.id)).all()
    months: dict[tuple, list] = {}
    for event_id, event_version, camp_version, starts_at in rows:
        months.setdefault((starts_at.year, starts_at.month), []).append((event_id, event_version, camp_version))
    runs = list(months.values())
    keys = ["vmonth:" + sha256("|".join(_entry_key(*row) for row in run).encode()).hexdigest() for run in runs]
    bodies = store.get_many(keys)
    missing = [i for i, body in enumerate(bodies) if body is None]
    if missing:  # the entries of every month not stored, read (and written where needed) together
        entries = iter(_entries([row for i in missing for row in runs[i]]))
        for i in missing:
            bodies[i] = b"".join(next(entries) for _row in runs[i])
        store.set_many({keys[i]: bodies[i] for i in missing})
    return ics.calendar_bytes(name, "PUBLISH", bodies)
