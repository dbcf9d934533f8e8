"""Benchmark: the hub's calendar feed and the /events page with 1,000 published events over six camps.

Prints the time per request (median of several) and the SQL queries per request, and each time as a ratio
to /healthz (one trivial query) measured in the same run, so the figures compare across machines.
Targets (issue 3): a constant number of queries whatever the number of events; the full feed under 0.25 s;
a repeat with If-None-Match answered 304 without building the feed.

    .venv/bin/python bench/events_feed.py [--events 1000] [--repeat 7] [--database-url postgresql+psycopg://...]
"""

import argparse
import os
import statistics
import tempfile
import time
from datetime import timedelta

import sqlalchemy as sa

from pitchday import create_app
from pitchday.database import utcnow
from pitchday.demo.foundation import CAMPS
from pitchday.extensions import db
from pitchday.models import AgendaBlock, BlockKind, Camp, Event, EventStatus, EventType
from pitchday.services.cache import versions

SECTORS = ["energy", "logistics", "health", "it-security", "ecommerce", "industry", "smart-city", "iot"]


def _feeds_changed():
    with db.engine.begin() as conn:
        versions.bump(conn, [versions.FEEDS])


def fill(count: int) -> None:
    camps = []
    for data in CAMPS:
        camp = Camp(**data)
        db.session.add(camp)
        camps.append(camp)
    db.session.flush()
    start = utcnow().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    for i in range(count):
        begins = start + timedelta(hours=17 * i)
        event = Event(camp=camps[i % len(camps)], title=f"Pitch Day {i}", type=EventType.PITCH_DAY,
                      description=f"Startups pitchen. **Runde {i}**\n\n- Jury\n- Networking",
                      starts_at=begins, ends_at=begins + timedelta(hours=4), venue_name="Halle",
                      venue_address="Lindenallee 10, 45127 Essen", capacity=100,
                      sector_slugs=f"{SECTORS[i % 8]},{SECTORS[(i + 3) % 8]}", status=EventStatus.PUBLISHED)
        event.blocks = [AgendaBlock(kind=kind, title=kind.value, starts_at=begins + timedelta(minutes=40 * n),
                                    ends_at=begins + timedelta(minutes=40 * (n + 1)))
                        for n, kind in enumerate([BlockKind.DOORS, BlockKind.WELCOME, BlockKind.PITCH_BLOCK,
                                                  BlockKind.JURY, BlockKind.AWARD, BlockKind.NETWORKING])]
        db.session.add(event)
    db.session.commit()


def measure(client, url: str, repeat: int, headers=None, cold=False) -> tuple[float, float, int, int, int]:
    """(median wall seconds, median CPU seconds of this process, queries of the last request, status, bytes).

    CPU time is printed too because on a shared, busy machine wall time mostly measures the wait for a core.
    """
    statements = []

    def record(*_args):
        statements.append(1)

    times, cpu = [], []
    response = None
    for _ in range(repeat):
        statements.clear()
        if cold:
            _feeds_changed()  # build the feed as after a change (from the stored entries), not the stored feed
        sa.event.listen(db.engine, "before_cursor_execute", record)
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, headers=headers or {})
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        sa.event.remove(db.engine, "before_cursor_execute", record)
    return (statistics.median(times), statistics.median(cpu), len(statements), response.status_code,
            len(response.data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": url, "LOG_LEVEL": "WARNING",
                          "BASE_URL": "http://localhost", "OUTBOX_DIR": f"{tmp}/outbox"})
        with app.app_context():
            db.drop_all()
            db.create_all()
            began = time.perf_counter()
            fill(args.events)
            print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            print(f"filled {args.events} events with 6 agenda blocks each in {time.perf_counter() - began:.1f} s "
                  f"({db.engine.url.get_backend_name()})")
            client = app.test_client()
            client.get("/calendar.ics")  # warm up templates, imports and the connection pool
            client.get("/events/")
            baseline = None
            etag = client.get("/calendar.ics").headers["ETag"]
            rows = [
                ("/healthz (baseline)", "/healthz", None, False),
                ("hub feed /calendar.ics, built", "/calendar.ics", None, True),
                ("hub feed /calendar.ics, cached body", "/calendar.ics", None, False),
                ("hub feed, If-None-Match -> 304", "/calendar.ics", {"If-None-Match": etag}, False),
                ("camp feed /camps/essen/calendar.ics, built", "/camps/essen/calendar.ics", None, True),
                ("sector feed /sectors/energy/..., built", "/sectors/energy/calendar.ics", None, True),
                ("/events/ (first page of 30)", "/events/", None, False),
                ("/events/?sector=logistics&type=pitch_day", "/events/?sector=logistics&type=pitch_day", None, False),
            ]
            print(f"{'request':<46}{'status':>7}{'bytes':>9}{'ms':>9}{'x base':>8}{'cpu ms':>9}{'x base':>8}"
                  f"{'queries':>9}")
            base_cpu = None
            for label, path, headers, cold in rows:
                seconds, cpu, queries, status, size = measure(client, path, args.repeat, headers, cold)
                baseline, base_cpu = baseline or seconds, base_cpu or cpu  # the first row, /healthz
                figures = f"{seconds * 1000:>9.1f}{seconds / baseline:>8.1f}{cpu * 1000:>9.1f}{cpu / base_cpu:>8.1f}"
                print(f"{label:<46}{status:>7}{size:>9}{figures}{queries:>9}")
            db.session.remove()  # the requests shared this app context's session: end its transaction first
            db.drop_all()
            db.engine.dispose()


if __name__ == "__main__":
    main()
