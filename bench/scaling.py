"""Pages a crowd hits and lists organisers open, at ten times the data: time, bytes and queries per page.

For each database (SQLite file, PostgreSQL --database-url) and each size, a fresh schema is filled and every
page is requested in-process (Flask's test client, so no network) with its SQL statements counted:
  events: 100 / 1,000 / 10,000 events over six camps, each with six agenda blocks
    - the hub, camp and sector feeds: "cold" (the shared cache empty: every VEVENT written), "built" (after
      a change: assembled from the stored VEVENTs), "stored" (the built feed from the cache) and 304;
    - the anonymous event page (stored) and its 304; the applications list at 1,000 applications;
  registrations: 1,000 / 10,000 / 50,000 on one event
    - the organiser's attendee list (page 1 of 50), the attendee CSV (first byte, whole file, peak memory),
    - the scanners' offline list: full (built, stored), 304, and a delta since a sync with 20 changes.
Every figure is printed against the bare baseline of the same run: GET /healthz (one SELECT, JSON).
Then wrk (if installed; else a Python load generator) runs the anonymous event page against a bare one-row
JSON read (bench/read_baseline_app.py), both under gunicorn with 2 sync workers, and prints req/s and ratios.

    .venv/bin/python bench/scaling.py                                   # everything (several minutes)
    .venv/bin/python bench/scaling.py --databases sqlite --events 100,1000 --registrations 1000 --no-wrk
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.checkin_throughput import serve  # noqa: E402
from pitchday import create_app  # noqa: E402
from pitchday.database import utcnow, write_intent  # noqa: E402
from pitchday.demo.foundation import CAMPS  # noqa: E402
from pitchday.enums import Role  # noqa: E402
from pitchday.extensions import cache, db  # noqa: E402
from pitchday.models import (  # noqa: E402
    AgendaBlock,
    Application,
    ApplicationStatus,
    BlockKind,
    Camp,
    Event,
    EventStatus,
    EventType,
    Registration,
    Startup,
    User,
)
from pitchday.services.accounts import account, roles  # noqa: E402
from pitchday.services.cache import versions  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test_perf"
SECTORS = ["energy", "logistics", "health", "it-security", "ecommerce", "industry", "smart-city", "iot"]
KINDS = [BlockKind.DOORS, BlockKind.WELCOME, BlockKind.PITCH_BLOCK, BlockKind.JURY, BlockKind.AWARD,
         BlockKind.NETWORKING]
PASSWORD = "correct horse battery staple 42"
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


# ---- the app and its data --------------------------------------------------------------------------------

def fresh_app(url: str, tmp: Path):
    shutil.rmtree(tmp / "cache", ignore_errors=True)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING", "BASE_URL":
                      "http://pitchday.example", "CACHE_DIR": str(tmp / "cache"), "PASSWORD_HASH_METHOD":
                      "pbkdf2:sha256:1000", "LOGIN_LIMIT_PER_ADDRESS": "10000 per minute",
                      "LOGIN_LIMIT_PER_ACCOUNT": "10000 per minute"})
    with app.app_context():
        db.drop_all()
        db.create_all()
        for data in CAMPS:
            db.session.add(Camp(**data))
        admin = User(email="admin@example.org", name="Ada Admin", locale="de", email_confirmed_at=utcnow())
        account.set_password(admin, PASSWORD)
        db.session.add(admin)
        db.session.commit()
        # An organiser of every camp: hub admins must sign in with a second step (issue 14), organisers need not.
        for camp in db.session.scalars(sa.select(Camp)):
            roles.grant(actor=None, user=admin, role=Role.CAMP_ORGANISER, camp=camp)
        db.session.commit()
    return app


def fill_events(count: int) -> int:
    camps = db.session.scalars(sa.select(Camp.id)).all()
    start = utcnow().replace(minute=0, second=0, microsecond=0) - timedelta(days=200)
    now = utcnow()
    events = []
    for i in range(count):
        begins = start + timedelta(hours=(24 * 900 // max(count, 1)) * i + 17)  # over 2½ years, 200 days back
        events.append({"camp_id": camps[i % len(camps)], "title": f"Pitch Day {i}", "type": EventType.PITCH_DAY,
                       "uid": f"bench-{i}@pitchday", "description": f"Startups pitchen. **Runde {i}**\n\n- Jury",
                       "starts_at": begins, "ends_at": begins + timedelta(hours=4), "venue_name": "Halle",
                       "venue_address": "Lindenallee 10, 45127 Essen", "capacity": 100000,
                       "sector_slugs": f"{SECTORS[i % 8]},{SECTORS[(i + 3) % 8]}",
                       "status": EventStatus.CANCELLED if i % 25 == 0 else EventStatus.PUBLISHED,
                       "created_at": now, "updated_at": now})
    db.session.execute(sa.insert(Event), events)
    ids = db.session.scalars(sa.select(Event.id).order_by(Event.id)).all()
    starts = dict(db.session.execute(sa.select(Event.id, Event.starts_at)).all())
    db.session.execute(sa.insert(AgendaBlock), [
        {"event_id": i, "kind": kind, "title": kind.value, "starts_at": starts[i] + timedelta(minutes=40 * n),
         "ends_at": starts[i] + timedelta(minutes=40 * (n + 1))} for i in ids for n, kind in enumerate(KINDS)])
    db.session.commit()
    # The page and feed of an event a year ahead: the one the newsletter links.
    ahead = db.session.scalar(sa.select(Event.id).where(Event.starts_at > now + timedelta(days=30))
                              .order_by(Event.starts_at).limit(1))
    return ahead or ids[-1]


def fill_applications(event_id: int, count: int) -> None:
    db.session.execute(sa.insert(Startup), [
        {"slug": f"startup-{i}", "name": f"Startup {i}", "one_liner": "Makes energy smarter", "sector_slugs":
         "energy", "contact_name": "Frida", "contact_email": f"f{i}@example.org", "is_public": True}
        for i in range(count)])
    ids = db.session.scalars(sa.select(Startup.id)).all()
    now = utcnow()
    db.session.execute(sa.insert(Application), [
        {"event_id": event_id, "startup_id": s, "status": ApplicationStatus.SUBMITTED, "submitted_at": now}
        for s in ids])
    db.session.commit()


def fill_registrations(event_id: int, count: int) -> None:
    now = utcnow()
    kinds = ["startup", "investor", "industry", "academia", "other"]
    for start in range(0, count, 10_000):
        db.session.execute(sa.insert(Registration), [
            {"event_id": event_id, "name": f"Guest {i}", "email": f"guest{i}@example.org", "organisation":
             f"Org {i % 97}", "attendee_type": kinds[i % 5], "locale": "de", "consent_at": now,
             "status": "confirmed" if i % 10 else "waiting", "queue_number": i + 1,
             "ticket_secret": secrets.token_urlsafe(24), "created_at": now - timedelta(hours=2),
             "confirmed_at": now - timedelta(hours=2), "search_key": f" guest {i} org {i % 97} "}
            for i in range(start, min(count, start + 10_000))])
    db.session.commit()


# ---- measuring -------------------------------------------------------------------------------------------

class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self, _conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):  # SQLite's own BEGIN
            self.n += 1


def measure(client, url, *, repeat=3, headers=None, before=None) -> dict:
    """Median ms of ``repeat`` requests (``before()`` runs ahead of each, untimed), bytes and queries of the last.
    Called outside any app context: each request has its own, as in production."""
    app = client.application
    with app.app_context():
        engine = db.engine
    times = []
    for _ in range(repeat):
        if before:
            with app.app_context():
                before()
        counter = Counter()
        sa.event.listen(engine, "before_cursor_execute", counter)
        began = time.perf_counter()
        response = client.get(url, headers=headers or {})
        body = response.get_data()
        times.append((time.perf_counter() - began) * 1000)
        sa.event.remove(engine, "before_cursor_execute", counter)
    return {"ms": statistics.median(times), "bytes": len(body), "queries": counter.n, "status": response.status_code,
            "etag": response.headers.get("ETag"), "response": response}


def first_byte(client, url, repeat=3) -> dict:
    """A streamed download: ms to its first chunk, ms for all of it, bytes, and peak Python memory."""
    first, whole = [], []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url, buffered=False)
        chunks = iter(response.response)
        size = len(next(chunks))
        first.append((time.perf_counter() - began) * 1000)
        size += sum(len(c) for c in chunks)
        whole.append((time.perf_counter() - began) * 1000)
        response.close()
    tracemalloc.start()
    response = client.get(url, buffered=False)
    for _chunk in response.response:
        pass
    response.close()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"ms": statistics.median(first), "whole": statistics.median(whole), "bytes": size, "peak": peak}


def log_in(client):
    html = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"email": "admin@example.org", "password": PASSWORD,
                                     "csrf_token": CSRF.search(html).group(1)})


def row(label, f, base):
    ratio = f["ms"] / base["ms"] if base["ms"] else 0
    extra = f"  first byte; whole {f['whole']:.0f} ms, peak {f['peak'] / 1e6:.1f} MB" if "peak" in f else ""
    print(f"  {label:44}{f['ms']:>9.1f} ms{ratio:>8.1f}×{f['bytes'] / 1000:>10.1f} KB"
          f"{f.get('queries', '–'):>5}{extra}")


def header(title, base):
    print(f"\n{title}  (baseline GET /healthz: {base['ms']:.2f} ms, {base['queries']} query)")
    print(f"  {'page':44}{'time':>12}{'×base':>9}{'size':>13}{'SQL':>5}")


def _feeds_changed():
    with db.engine.begin() as conn:
        versions.bump(conn, [versions.FEEDS])


def events_stage(url, tmp, count, repeat, cold_max):
    app = fresh_app(url, tmp)
    with app.app_context():
        event_id = fill_events(count)
        camp = db.session.get(Event, event_id).camp.slug
        if count == 1000:
            fill_applications(event_id, 1000)
        db.session.remove()
    client = app.test_client()
    base = measure(client, "/healthz", repeat=repeat * 3)
    header(f"{count:,} events", base)
    for label, path in (("hub feed", "/calendar.ics"), ("camp feed", f"/camps/{camp}/calendar.ics"),
                        ("sector feed", "/sectors/energy/calendar.ics")):
        if count <= cold_max and (label == "hub feed" or count < 10_000):  # writing every VEVENT is the slow part
            row(f"{label}, cold (every VEVENT written)", measure(client, path, repeat=1, before=cache.clear), base)
        row(f"{label}, built after a change", measure(client, path, repeat=repeat, before=_feeds_changed), base)
        stored = measure(client, path, repeat=repeat)
        row(f"{label}, stored", stored, base)
        row(f"{label}, 304", measure(client, path, repeat=repeat, headers={"If-None-Match": stored["etag"]}), base)
    page = f"/events/{event_id}"
    client.get(page)
    stored = measure(client, page, repeat=repeat * 3)
    row("event page, anonymous (stored)", stored, base)
    row("event page, 304", measure(client, page, repeat=repeat * 3, headers={"If-None-Match": stored["etag"]}),
        base)
    if count == 1000:
        log_in(client)
        row("applications list, 1,000 applications", measure(client, f"/events/{event_id}/applications",
                                                              repeat=repeat), base)
    with app.app_context():
        db.engine.dispose()


def registrations_stage(url, tmp, count, repeat):
    app = fresh_app(url, tmp)
    with app.app_context():
        event_id = fill_events(1)
        event = db.session.get(Event, event_id)
        event.starts_at, event.ends_at = utcnow() + timedelta(hours=1), utcnow() + timedelta(hours=5)
        db.session.commit()
        fill_registrations(event_id, count)
        db.session.remove()
    client = app.test_client()
    log_in(client)
    base = measure(client, "/healthz", repeat=repeat * 3)
    header(f"{count:,} registrations", base)
    row("attendee list, page 1 of 50", measure(client, f"/events/{event_id}/registrations/", repeat=repeat), base)
    row("attendee list, search", measure(client, f"/events/{event_id}/registrations/?q=guest 12", repeat=repeat),
        base)
    row("attendee CSV (streamed)", first_byte(client, f"/events/{event_id}/registrations/export.csv", repeat=1),
        base)
    url_list = f"/events/{event_id}/checkin/tickets"
    row("offline list, built", measure(client, url_list, repeat=1), base)
    stored = measure(client, url_list, repeat=repeat)
    row("offline list, stored", stored, base)
    row("offline list, 304", measure(client, url_list, repeat=repeat, headers={"If-None-Match": stored["etag"]}),
        base)
    synced = stored["response"].get_json()["synced_at"]
    with app.app_context(), write_intent():
        db.session.execute(sa.update(Registration).where(Registration.id <= 20).values(confirmed_at=utcnow()))
        db.session.commit()
    row("offline list, delta since a sync (20 changed)",
        measure(client, f"{url_list}?since={quote(synced)}", repeat=repeat), base)
    with app.app_context():
        db.engine.dispose()


# ---- the crowd: wrk against gunicorn -----------------------------------------------------------------------

def _wrk(port, path, seconds, connections, headers=()):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", *[a for h in headers for a in ("-H", h)],
            f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = re.search(r"Latency\s+([\d.]+\w+)", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, latency, int(errors.group(1)) if errors else 0


def crowd(url, tmp, seconds):
    app = fresh_app(url, tmp)
    with app.app_context():
        event_id = fill_events(1000)
        db.engine.dispose()
    env = {"PITCHDAY_DATABASE_URL": url, "PITCHDAY_SECRET_KEY": "bench", "PITCHDAY_LOG_LEVEL": "WARNING",
           "PITCHDAY_BASE_URL": "http://pitchday.example", "BENCH_DATABASE_URL": url}
    if not shutil.which("wrk"):
        print("  wrk is not installed (apt-get install wrk): skipped")
        return
    path = f"/events/{event_id}"
    with serve("read_baseline_app:app", {**env, "PYTHONPATH": str(ROOT / "bench")}, 2) as port:
        base = _wrk(port, path, seconds, 16)
    with serve("wsgi:app", env, 2) as port:
        _wrk(port, path, 1, 4)  # builds and stores the page
        page = _wrk(port, path, seconds, 16)
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", port)
        conn.request("GET", path)
        etag = conn.getresponse().getheader("ETag")
        repeat = _wrk(port, path, seconds, 16, headers=(f"If-None-Match: {etag}",))
    print(f"\nthe anonymous event page under wrk -t2 -c16 -d{seconds}s, gunicorn -w 2")
    for label, (rate, latency, errors) in (("bare one-row JSON read", base), ("event page (stored)", page),
                                           ("event page, 304", repeat)):
        print(f"  {label:30}{rate:>9.0f} req/s  {rate / base[0]:>5.2f}× the bare read   latency avg {latency}"
              f"{f'  {errors} errors' if errors else ''}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--events", default="100,1000,10000")
    parser.add_argument("--registrations", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wrk-seconds", type=int, default=5)
    parser.add_argument("--no-wrk", action="store_true")
    parser.add_argument("--cold-max", type=int, default=10_000,
                        help="build feeds with an empty cache only up to this many events (slow: every VEVENT)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in args.databases.split(","):
            url = f"sqlite:///{tmp}/scaling.sqlite3" if name == "sqlite" else args.database_url
            print(f"\n======== {name} ========")
            for count in filter(None, args.events.split(",")):
                events_stage(url, tmp, int(count), args.repeat, args.cold_max)
            for count in filter(None, args.registrations.split(",")):
                registrations_stage(url, tmp, int(count), args.repeat)
            if not args.no_wrk:
                crowd(url, tmp, args.wrk_seconds)


if __name__ == "__main__":
    main()
