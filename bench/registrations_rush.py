"""Registration rush: 1,000 registrations sent at once by 32 clients for an event with 300 seats.

Runs a real server process (gunicorn, 4 workers x 8 threads) on a fresh database and checks that exactly 300
are confirmed and 700 wait, in arrival order. Prints the time and ratios against baselines measured in the same
run with the same clients and server: loading the registration form 1,000 times, and 1,000 registrations for
an event with room for all.

    .venv/bin/python bench/registrations_rush.py                       # SQLite in a temporary folder
    .venv/bin/python bench/registrations_rush.py --mail                # mail: outbox against in-request sending
    .venv/bin/python bench/registrations_rush.py --mail --worker-threads 8   # a worker with more threads
    .venv/bin/python bench/registrations_rush.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/pitchday_registrations
      (PostgreSQL: the database's tables are dropped and created afresh)
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.registrations.rush_client import RegistrationClient  # noqa: E402

TOTAL, CLIENTS, SEATS = 1000, 32, 300
SECRET = "bench-secret-key"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(url: str, outbox: str) -> tuple[int, int]:
    """Fresh schema, the camps, the rush event (300 seats) and a roomy event; returns both ids."""
    from datetime import timedelta

    from pitchday import create_app
    from pitchday.database import utcnow
    from pitchday.demo.foundation import CAMPS
    from pitchday.extensions import db
    from pitchday.models import Camp, Event, EventStatus, EventType

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "OUTBOX_DIR": outbox, "LOG_LEVEL": "WARNING"})
    with app.app_context():
        db.drop_all()
        db.create_all()
        db.session.add(Camp(**CAMPS[3]))
        db.session.flush()
        camp = db.session.scalar(db.select(Camp))
        starts = utcnow() + timedelta(days=7)
        ids = []
        for title, seats in (("Rush", SEATS), ("Roomy", 10 * TOTAL)):
            event = Event(camp_id=camp.id, title=title, type=EventType.PITCH_DAY, starts_at=starts,
                          ends_at=starts + timedelta(hours=3), capacity=seats, status=EventStatus.PUBLISHED)
            db.session.add(event)
            db.session.flush()
            ids.append(event.id)
        db.session.commit()
        db.engine.dispose()
    return ids[0], ids[1]


def start_server(url: str, outbox: str, port: int) -> subprocess.Popen:
    factory = f"pitchday:create_app({{'DATABASE_URL': {url!r}, 'SECRET_KEY': {SECRET!r}, " \
              f"'OUTBOX_DIR': {outbox!r}, 'LOG_LEVEL': 'WARNING', 'BASE_URL': 'http://127.0.0.1:{port}'}})"
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-w", "4", "--threads", "8",
                               "-b", f"127.0.0.1:{port}", "--log-level", "warning", factory], cwd=ROOT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def run(base: str, event_id: int, action: str, offset: int) -> tuple[float, list[list[int]], list[int]]:
    """32 clients, each with its own session, do TOTAL actions between them, all starting at one moment."""
    clients = [RegistrationClient(base, event_id, follow_redirects=False) for _ in range(CLIENTS)]
    for client in clients:
        client.prepare()
    numbers = [list(range(offset + c, offset + TOTAL, CLIENTS)) for c in range(CLIENTS)]
    statuses: list[int] = []
    barrier = threading.Barrier(CLIENTS + 1)

    def work(c):
        barrier.wait()
        for n in numbers[c]:
            statuses.append(clients[c].register(n, as_new_visitor=True) if action == "register"
                            else clients[c].load_form())

    threads = [threading.Thread(target=work, args=(c,)) for c in range(CLIENTS)]
    for t in threads:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - started, numbers, statuses


def check(url: str, event_id: int, numbers: list[list[int]]) -> str:
    from pitchday import create_app
    from pitchday.extensions import db
    from pitchday.models import Registration

    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET, "LOG_LEVEL": "WARNING"})
    with app.app_context():
        rows = db.session.scalars(db.select(Registration).where(Registration.event_id == event_id)
                                  .order_by(Registration.queue_number)).all()
        statuses = [str(r.status) for r in rows]
        queue_of = {r.email: r.queue_number for r in rows}
        db.engine.dispose()
    assert len(rows) == TOTAL, len(rows)
    assert statuses.count("confirmed") == SEATS and statuses.count("waiting") == TOTAL - SEATS, statuses.count(
        "confirmed")
    assert statuses == ["confirmed"] * SEATS + ["waiting"] * (TOTAL - SEATS), "seats not given in arrival order"
    # Each client sent its registrations one after another: their places must follow the same order.
    for sent in numbers:
        places = [queue_of[f"person{n}@example.org"] for n in sent]
        assert places == sorted(places), "a client's later registration got an earlier place"
    return f"{statuses.count('confirmed')} confirmed, {statuses.count('waiting')} waiting, in arrival order"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--mail", action="store_true", help="the mail rush (bench/mail_rush.py) instead")
    parser.add_argument("--worker-threads", type=int, default=None,
                        help="with --mail: threads of the outbox worker (default: the app's WORKER_THREADS)")
    args = parser.parse_args()
    if args.mail:
        from bench.mail_rush import main as mail_main

        mail_main(args.database_url, worker_threads=args.worker_threads)
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        outbox = os.path.join(tmp, "outbox")
        rush_id, roomy_id = prepare_database(url, outbox)
        port = free_port()
        server = start_server(url, outbox, port)
        base = f"http://127.0.0.1:{port}"
        try:
            form_time, _n, form_statuses = run(base, rush_id, "form", 0)
            roomy_time, _n, roomy_statuses = run(base, roomy_id, "register", 100_000)
            rush_time, numbers, rush_statuses = run(base, rush_id, "register", 0)
        finally:
            server.terminate()
            server.wait(timeout=30)
        assert set(form_statuses) == {200} and set(roomy_statuses) == {302} and set(rush_statuses) == {302}, (
            set(rush_statuses))
        verdict = check(url, rush_id, numbers)
        backend = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"registration rush on {backend}, gunicorn 4 workers x 8 threads, {CLIENTS} clients")
        print(f"  baseline A: {TOTAL} loads of the form page          {form_time:6.2f} s  "
              f"({TOTAL / form_time:6.0f}/s)")
        print(f"  baseline B: {TOTAL} registrations, room for all      {roomy_time:6.2f} s  "
              f"({TOTAL / roomy_time:6.0f}/s)")
        print(f"  rush:       {TOTAL} registrations for {SEATS} seats      {rush_time:6.2f} s  "
              f"({TOTAL / rush_time:6.0f}/s)")
        print(f"  ratio rush / baseline A: {rush_time / form_time:.2f}   rush / baseline B: "
              f"{rush_time / roomy_time:.2f}")
        print(f"  result: {verdict}")


if __name__ == "__main__":
    main()
