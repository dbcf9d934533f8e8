"""The live show's screens: 300 open screens against two gunicorn workers, and what they cost the door.

In one run, for each database (PostgreSQL, SQLite):
  1. an event with a running order of 8 startups, an organiser, and 12,000 tickets for the door;
  2. pitchday under gunicorn (2 sync workers, ``wsgi:app`` as in production; Redis for the live version
     unless --no-redis): the server's CPU with no screens, then with 300 screens polling the show's state
     as the stage script does (conditional GET about once a second, If-None-Match) while nothing happens;
  3. the organiser taps through the show over HTTP (start pitch, Q&A, next ...) every 2.5 s; for every tap and
     every screen, the time from the tap being sent to that screen receiving the new state: p50/p95/p99;
  4. the door scan's throughput (8 scanning clients, bench/checkin_throughput.py's load) without screens (before
     and after the show, averaged), and with the 300 screens polling and the organiser tapping at the same time
     (latencies measured then too);
  5. the bare baseline app (bench/checkin_baseline_app.py: one conditional UPDATE) scanning the same way.
The screens run in a process of their own (asyncio, one new connection per poll, as sync workers close each);
they share the machine's two cores with the servers and the scanning clients, as everything here does.
Targets (issue 18): p95 <= 2 s, p99 <= 3 s, scans during the show >= 0.8x of scans without screens.

    .venv/bin/python bench/live_screens.py --pg-url postgresql+psycopg://postgres@127.0.0.1:5432/test_live
    .venv/bin/python bench/live_screens.py --databases sqlite --duration 5
"""

import argparse
import asyncio
import http.client
import json
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.checkin_throughput import (  # noqa: E402
    GUNICORN,
    ROOT,
    drop_baseline_table,
    free_port,
    load,
    prepare,
    reset,
    warm_up,
)

PASSWORD = "bench-organiser-password"
ORGANISER = "orga-bench@example.org"
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
ACTIONS = ["start_pitch", "start_qa", "next"]


def prepare_show(database_url: str, event_id: int, startups: int = 8) -> None:
    from pitchday import create_app
    from pitchday.enums import Role
    from pitchday.extensions import db
    from pitchday.models import AgendaBlock, Application, ApplicationStatus, BlockKind, Event, PitchSlot, Startup, User
    from pitchday.services.accounts import account, roles
    from pitchday.services.live import state as live_state

    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "bench", "LOG_LEVEL": "WARNING",
                      "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"})
    with app.app_context():
        event = db.session.get(Event, event_id)
        event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=event.starts_at,
                                        ends_at=event.starts_at + timedelta(hours=3)))
        for i in range(startups):
            startup = Startup(slug=f"bench-{i}", name=f"Startup {i}", one_liner="Benchmarks on stage",
                              contact_email=f"s{i}@example.org", sector_slugs="energy")
            application = Application(event=event, startup=startup, status=ApplicationStatus.ACCEPTED)
            db.session.add(application)
            db.session.flush()
            db.session.add(PitchSlot(event_id=event.id, application_id=application.id, position=i + 1))
        user = User(email=ORGANISER, name="Orga Bench", locale="de", email_confirmed_at=event.starts_at)
        account.set_password(user, PASSWORD)
        db.session.add(user)
        db.session.flush()
        roles.grant(actor=None, user=user, role=Role.CAMP_ORGANISER, camp=event.camp)
        live_state.ensure_state(event)
        db.session.commit()
        db.engine.dispose()


@contextmanager
def serve(app_spec: str, env: dict, workers: int, threads: int = 0):
    """gunicorn on a free port (sync workers, or gthread with ``threads``); yields (port, master process)."""
    port = free_port()
    chdir = str(ROOT / "bench") if app_spec.startswith("checkin_baseline") else str(ROOT)
    kind = ["-k", "gthread", "--threads", str(threads)] if threads else []
    proc = subprocess.Popen([str(GUNICORN), "-w", str(workers), *kind, "-b", f"127.0.0.1:{port}", "--log-level",
                             "warning", "--backlog", "2048", "--chdir", chdir, app_spec], env={**os.environ, **env},
                            stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server {app_spec} did not start")
            time.sleep(0.1)
        yield port, proc
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def cpu_seconds(master_pid: int) -> float:
    """User + system CPU seconds of gunicorn's worker processes so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def server_cpu(master_pid: int, seconds: float) -> float:
    """Share of one core the workers used over ``seconds`` (1.0 = one core busy)."""
    before, t0 = cpu_seconds(master_pid), time.monotonic()
    time.sleep(seconds)
    return (cpu_seconds(master_pid) - before) / (time.monotonic() - t0)


# ---- the screens -----------------------------------------------------------------------------------------

async def _screen(port: int, path: str, stop_at: float, seen: list, errors: list):
    tag, version, next_poll = None, None, 1.0
    await asyncio.sleep(random.random())
    while time.time() < stop_at:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            request = f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept: application/json\r\n"
            if tag:
                request += f"If-None-Match: {tag}\r\n"
            writer.write((request + "Connection: close\r\n\r\n").encode())
            data = await asyncio.wait_for(reader.read(-1), timeout=20)
            writer.close()
            status = int(data[9:12])
            head = data.split(b"\r\n\r\n", 1)[0].decode()
            hint = re.search(r"(?im)^x-live-next-poll: (\d+)", head)
            next_poll = int(hint.group(1)) / 1000 if hint else 1.0
            if status == 200:
                tag = re.search(r"(?im)^etag: (.+?)\s*$", head).group(1)
                version = int(tag.strip('"').rsplit("-", 1)[1])
                seen.append((version, time.time()))
            elif status != 304:
                errors.append(status)
        except (TimeoutError, OSError, ValueError, AttributeError) as error:
            errors.append(type(error).__name__)
        # As static/js/live.js: the next poll when the server says (at once after a held poll, else in a
        # second), plus a random tenth.
        await asyncio.sleep(next_poll + random.random() * 0.1)


def _screens_process(port, path, count, stop_at, out):
    seen = [[] for _ in range(count)]
    errors: list = []

    async def main():
        await asyncio.gather(*(_screen(port, path, stop_at, seen[i], errors) for i in range(count)))

    asyncio.run(main())
    out.put((seen, errors))


class Screens:
    def __init__(self, port: int, event_id: int, count: int, seconds: float):
        self.out = multiprocessing.Queue()
        self.proc = multiprocessing.Process(target=_screens_process, args=(
            port, f"/events/{event_id}/live/state?wait=1", count, time.time() + seconds, self.out))
        self.proc.start()

    def result(self):
        seen, errors = self.out.get()
        self.proc.join()
        return seen, errors


# ---- the organiser -----------------------------------------------------------------------------------------

class Organiser:
    def __init__(self, port: int, event_id: int):
        self.port, self.event_id, self.cookie = port, event_id, ""
        _status, html = self.send("GET", "/auth/login")
        token = CSRF.search(html).group(1)
        status, _ = self.send("POST", "/auth/login", urlencode({"csrf_token": token, "email": ORGANISER,
                                                                "password": PASSWORD}),
                              {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302, status
        _status, html = self.send("GET", f"/events/{event_id}/live")
        self.csrf = CSRF.search(html).group(1)
        self.version = int(re.search(r'data-version="(\d+)"', html).group(1))
        self.step = 0
        self.taps: dict[int, float] = {}

    def send(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=body, headers={"Cookie": self.cookie, **(headers or {})})
        response = conn.getresponse()
        data = response.read().decode()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        conn.close()
        return response.status, data

    def tap(self):
        action = ACTIONS[self.step % len(ACTIONS)]
        sent = time.time()
        status, body = self.send("POST", f"/events/{self.event_id}/live/act",
                                 json.dumps({"action": action, "version": self.version}),
                                 {"Content-Type": "application/json", "Accept": "application/json",
                                  "X-CSRFToken": self.csrf})
        room = json.loads(body).get("room", {})
        if status != 200:
            raise SystemExit(f"tap {action} answered {status}: {body[:200]}")
        self.version = room["version"]
        self.taps[self.version] = sent
        self.step += 1

    def tap_every(self, interval: float, count: int):
        for _ in range(count):
            time.sleep(interval)
            self.tap()


def latencies(seen: list, taps: dict) -> list[float]:
    """For each tap and each screen: seconds from the tap to the screen holding that version (or a newer one)."""
    out = []
    for screen in seen:
        for version, sent in taps.items():
            first = next((t for v, t in screen if v >= version and t >= sent), None)
            if first is not None:
                out.append(first - sent)
    return out


def pct(values: list[float]) -> dict:
    if len(values) < 2:
        return {"n": len(values), "p50": float("nan"), "p95": float("nan"), "p99": float("nan")}
    q = statistics.quantiles(sorted(values), n=100, method="inclusive")
    return {"n": len(values), "p50": q[49], "p95": q[94], "p99": q[98]}


def show_round(port, event_id, organiser, screens_n, taps, interval, scans=None):
    """Screens watch while the organiser taps ``taps`` times; optionally scans run meanwhile."""
    settle = 3.0
    screens = Screens(port, event_id, screens_n, settle + taps * interval + 3.0)
    time.sleep(settle)
    organiser.taps.clear()
    scan_result = {}
    tapper = threading.Thread(target=organiser.tap_every, args=(interval, taps))
    tapper.start()
    if scans:
        scan_result = scans()
    tapper.join()
    seen, errors = screens.result()
    return pct(latencies(seen, organiser.taps)), len(organiser.taps) * screens_n, errors, scan_result


def run(database: str, url: str, args):
    event_id, tickets, tokens = prepare(url, args.tickets, args.clients)
    prepare_show(url, event_id)
    scan_path = f"/api/v1/events/{event_id}/checkins"
    env = {"PITCHDAY_DATABASE_URL": url, "PITCHDAY_SECRET_KEY": "bench", "PITCHDAY_LOG_LEVEL": "WARNING",
           "BENCH_DATABASE_URL": url}
    if args.redis:
        env["PITCHDAY_LIVE_REDIS_URL"] = args.redis
        import redis

        redis.Redis.from_url(args.redis).delete(f"pitchday:live:v:{event_id}")
    kind = f"gthread --threads {args.threads}" if args.threads else "sync"
    print(f"\n== {database}: gunicorn -w {args.workers} ({kind}), {args.screens} screens, live version in "
          f"{'Redis' if args.redis else 'the database'}", flush=True)
    with serve("wsgi:app", env, args.workers, args.threads) as (port, proc):
        warm_up(port, scan_path, tokens[0])
        organiser = Organiser(port, event_id)
        idle = server_cpu(proc.pid, 5)
        reset(url)
        alone = load(port, scan_path, args.clients, tickets, tokens, args.duration)
        screens = Screens(port, event_id, args.screens, 13)
        time.sleep(3)
        at_rest = server_cpu(proc.pid, 8)
        _seen, rest_errors = screens.result()
        quiet, pairs, errors, _ = show_round(port, event_id, organiser, args.screens, args.taps, 2.5)
        reset(url)
        busy, pairs_busy, errors_busy, during = show_round(
            port, event_id, organiser, args.screens, max(2, int(args.duration / 2.5) - 1), 2.5,
            scans=lambda: load(port, scan_path, args.clients, tickets, tokens, args.duration))
        # Scans without screens once more, after the show: the machine is shared, so the two measurements
        # without screens bracket the one with them and their mean is the comparison.
        reset(url)
        alone_after = load(port, scan_path, args.clients, tickets, tokens, args.duration)
        alone = {**alone, "rate": (alone["rate"] + alone_after["rate"]) / 2,
                 "p99": max(alone["p99"], alone_after["p99"]), "before": alone["rate"], "after": alone_after["rate"]}
    reset(url)
    with serve("checkin_baseline_app:app", env, args.workers, args.threads) as (port, _proc):
        warm_up(port, "/checkin", None)
        base = load(port, "/checkin", args.clients, tickets, None, args.duration)
    drop_baseline_table(url)

    def line(label, p, n, errs):
        ok = "meets" if p["p95"] <= 2 and p["p99"] <= 3 else "MISSES"
        return (f"  {label}: p50 {p['p50']:.2f} s  p95 {p['p95']:.2f} s  p99 {p['p99']:.2f} s over {p['n']} of {n} "
                f"screen-taps, {len(errs)} errors -> {ok} target (p95 <= 2 s, p99 <= 3 s)")

    print(f"  server CPU, no screens: {idle * 100:.1f} % of a core; 300 screens at rest: {at_rest * 100:.1f} % "
          f"({len(rest_errors)} errors)")
    print(line("tap -> screen, show only", quiet, pairs, errors))
    print(line("tap -> screen, during door scans", busy, pairs_busy, errors_busy))
    ratio = during["rate"] / alone["rate"]
    print(f"  door scans ({args.clients} clients): without screens {alone['rate']:.0f}/s (mean of {alone['before']:.0f} "
          f"before and {alone['after']:.0f} after the show; p99 {alone['p99']:.1f} ms), "
          f"during the show {during['rate']:.0f}/s (p99 {during['p99']:.1f} ms) = {ratio:.2f}x -> "
          f"{'meets' if ratio >= 0.8 else 'MISSES'} target (>= 0.8x)")
    print(f"  baseline app (bare conditional UPDATE): {base['rate']:.0f}/s; pitchday without screens "
          f"{alone['rate'] / base['rate']:.2f}x, during the show {during['rate'] / base['rate']:.2f}x of it", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--screens", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=0,
                        help="gunicorn gthread workers with this many threads (0: sync workers, no held polls)")
    parser.add_argument("--clients", type=int, default=8, help="door scanning clients")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of scanning per measurement")
    parser.add_argument("--taps", type=int, default=8, help="organiser taps in the quiet round (2.5 s apart)")
    parser.add_argument("--tickets", type=int, default=12000)
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8"),
                        help="Redis for the live version ('' for the database fallback)")
    parser.add_argument("--pg-url", default=os.environ.get(
        "BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/pitchday_live"))
    args = parser.parse_args()
    print(f"live screens: {os.cpu_count()} cores; times at the client, from the organiser's tap being sent")
    with tempfile.TemporaryDirectory(prefix="pitchday-bench-") as tmp:
        urls = {"postgresql": args.pg_url, "sqlite": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"}
        for database in args.databases.split(","):
            run(database, urls[database], args)


if __name__ == "__main__":
    main()
