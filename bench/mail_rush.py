"""Mail in a registration rush: the outbox and its worker against sending inside the request (as before issue 15).

1,000 registrations by 32 clients on gunicorn with 2 workers x 8 threads (the outbox worker with the app's
default threads, or ``--worker-threads``), each registration's ticket mail going
(a) to the file backend and (b) to a real local SMTP server (aiosmtpd) that takes 200 ms per message. Each is
run twice on a fresh database: mail sent inside the request right after the commit (the baseline, the old
behaviour) and mail written to the outbox and delivered by `flask worker` running at the same time. Prints
registrations per second, the ratios, the time until the last mail was delivered, and lost / duplicated mails
counted at the receiving end.

    .venv/bin/python bench/registrations_rush.py --mail
"""

import asyncio
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from sqlalchemy.orm import Session

from bench.registrations_rush import CLIENTS, ROOT, SECRET, TOTAL, free_port, prepare_database, run

WORKERS, THREADS, SMTP_DELAY = 2, 8, 0.2


class SlowInbox:
    def __init__(self, delay: float):
        self.delay, self.to, self.lock = delay, [], threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        with self.lock:
            self.to.extend(envelope.rcpt_tos)
        return "250 OK"


def in_request_app(config: dict):
    """The app as before the outbox: each message built and sent inside the request, right after its commit."""
    from pitchday import create_app, mail
    from pitchday.database import set_write_intent
    from pitchday.extensions import db
    from pitchday.models import OutboxMessage

    app = create_app(config)

    def send_now(ids):
        # As the old after-commit hook did: build and send with no transaction holding SQLite's write lock (the
        # request's write intent would make every read here a BEGIN IMMEDIATE for the 200 ms of sending).
        set_write_intent(False)
        try:
            with app.app_context():
                with Session(db.engine) as session:
                    rows = list(session.scalars(db.select(OutboxMessage).where(OutboxMessage.id.in_(ids))))
                for row in rows:
                    try:
                        # Composed here, after the commit: the old code composed inside the write transaction,
                        # so this baseline is if anything faster than the old code was.
                        mail.transport(mail.build_message(mail.composed(row), app.config["MAIL_SENDER"],
                                                          message_id=row.message_id))
                    except Exception:  # as before: a failure was only logged
                        logging.getLogger(__name__).exception("could not send %s", row.message_id)
                    db.session.rollback()  # end the composer's and attachment builders' read at once
        finally:
            set_write_intent(True)

    app.extensions["pitchday.outbox_announce"] = send_now
    return app


def _config(url: str, tmp: str, port: int, smtp_port: int | None) -> dict:
    config = {"DATABASE_URL": url, "SECRET_KEY": SECRET, "OUTBOX_DIR": os.path.join(tmp, "outbox"),
              "LOG_LEVEL": "WARNING", "BASE_URL": f"http://127.0.0.1:{port}",
              "TASK_STORAGE_URL": f"sqlite:///{tmp}/tasks.sqlite3"}
    if smtp_port:
        config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_port)
    return config


def _start(factory: str, port: int) -> subprocess.Popen:
    import urllib.request

    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-w", str(WORKERS), "--threads",
                               str(THREADS), "-b", f"127.0.0.1:{port}", "--log-level", "warning", factory], cwd=ROOT)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def _delivered(config: dict) -> int:
    from pitchday import create_app
    from pitchday.extensions import db
    from pitchday.models import OutboxMessage

    app = create_app(config)
    with app.app_context():
        n = db.session.scalar(db.select(db.func.count()).select_from(OutboxMessage)
                              .where(OutboxMessage.state == "delivered"))
        db.engine.dispose()
    return n


def scenario(url_or_none, *, smtp: bool, outbox: bool, worker_threads: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        url = url_or_none or f"sqlite:///{tmp}/bench.sqlite3"
        _rush_id, roomy_id = prepare_database(url, os.path.join(tmp, "outbox"))
        inbox, controller = SlowInbox(SMTP_DELAY), None
        if smtp:
            controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
            controller.start()
        port = free_port()
        config = _config(url, tmp, port, controller.port if controller else None)
        factory = (f"pitchday:create_app({config!r})" if outbox
                   else f"bench.mail_rush:in_request_app({config!r})")
        server = _start(factory, port)
        worker = None
        if outbox:
            env = {**os.environ, **{f"PITCHDAY_{k}": str(v) for k, v in config.items()}}
            worker = subprocess.Popen([str(Path(sys.executable).parent / "flask"), "--app", "pitchday", "worker",
                                       "--threads", str(worker_threads)], cwd=ROOT, env=env)
        try:
            elapsed, _numbers, statuses = run(f"http://127.0.0.1:{port}", roomy_id, "register", 0)
            drained = elapsed
            if outbox:
                deadline = time.perf_counter() + 600
                started = time.perf_counter() - elapsed
                while _delivered(config) < TOTAL and time.perf_counter() < deadline:
                    time.sleep(0.5)
                drained = time.perf_counter() - started
        finally:
            for process in (server, worker):
                if process:
                    process.terminate()
                    process.wait(timeout=30)
            if controller:
                controller.stop()
        if smtp:
            received = inbox.to
        else:
            received = [p.name for p in Path(config["OUTBOX_DIR"]).glob("*.eml")]
        distinct = len(set(received))
        return {"rate": TOTAL / elapsed, "elapsed": elapsed, "drained": drained, "ok": statuses.count(302),
                "lost": TOTAL - distinct, "duplicated": len(received) - distinct}


def main(database_url=None, *, worker_threads: int | None = None) -> None:
    from pitchday.config import SETTINGS

    backend = "PostgreSQL" if database_url else "SQLite"
    worker_threads = worker_threads or next(s.default for s in SETTINGS if s.name == "WORKER_THREADS")
    print(f"mail in a registration rush on {backend}: {TOTAL} registrations, {CLIENTS} clients, gunicorn "
          f"{WORKERS} workers x {THREADS} threads; outbox worker {worker_threads} threads")
    for label, smtp in (("file backend", False), (f"SMTP, {SMTP_DELAY * 1000:.0f} ms per message", True)):
        before = scenario(database_url, smtp=smtp, outbox=False, worker_threads=worker_threads)
        after = scenario(database_url, smtp=smtp, outbox=True, worker_threads=worker_threads)
        print(f"  {label}:")
        for name, r in (("in the request (before)", before), ("outbox + worker (now)  ", after)):
            print(f"    {name}: {r['rate']:6.1f} registrations/s ({r['ok']} answered 302), last mail after "
                  f"{r['drained']:5.1f} s, lost {r['lost']}, duplicated {r['duplicated']}")
        print(f"    ratio now / before: {after['rate'] / before['rate']:.2f}")
