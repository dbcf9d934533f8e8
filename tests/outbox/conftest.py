"""Fixtures of the outbox tests: a real SMTP server (aiosmtpd) that can be absent, refuse, accept slowly or
hang; a published event; a worker process; a Redis for the worker's queue."""

import asyncio
import email
import os
import socket
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import empty_tables, make_app, prepare_schema
from tests.registrations.conftest import create_event

ROOT = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).parent / "flask")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler:
    """Accepts (250), refuses (451, try later) or takes its time; keeps (To, Message-ID) of each message."""

    def __init__(self):
        self.mode = "accept"
        self.delay = 0.0
        self.received: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.mode == "refuse":
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.received.append((str(message["To"]), str(message["Message-ID"])))
        return "250 OK"


class SmtpServer:
    """A real SMTP server on a fixed port that the test starts and stops (absent until started)."""

    def __init__(self):
        self.port = free_port()
        self.handler = Handler()
        self.controller = None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def copies(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for to, _mid in self.handler.received:
            counts[to] = counts.get(to, 0) + 1
        return counts

    def message_ids(self) -> dict[str, set[str]]:
        ids: dict[str, set[str]] = {}
        for to, mid in self.handler.received:
            ids.setdefault(to, set()).add(mid)
        return ids


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def app(tmp_path, database_url, smtp):
    """The app sending through ``smtp`` (absent until the test starts it), its task queue in SQLite."""
    app = make_app(tmp_path, database_url, MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp.port,
                   TASK_STORAGE_URL=f"sqlite:///{tmp_path / 'tasks.sqlite3'}")
    with app.app_context():
        prepare_schema(database_url)
        yield app
        empty_tables(database_url)


@pytest.fixture
def event(db, camps):
    """A published pitch day with room for everyone the tests register."""
    return create_event(db, camps["essen"], capacity=500)


class Worker:
    """``flask --app pitchday worker`` in its own process, configured like the test's app."""

    def __init__(self, app, tmp_path, **extra):
        config = app.config
        self.env = {**os.environ, "PITCHDAY_DATABASE_URL": config["DATABASE_URL"],
                    "PITCHDAY_SECRET_KEY": config["SECRET_KEY"], "PITCHDAY_MAIL_BACKEND": config["MAIL_BACKEND"],
                    "PITCHDAY_MAIL_SERVER": str(config["MAIL_SERVER"]), "PITCHDAY_MAIL_PORT": str(config["MAIL_PORT"]),
                    "PITCHDAY_OUTBOX_DIR": config["OUTBOX_DIR"], "PITCHDAY_BASE_URL": config["BASE_URL"],
                    "PITCHDAY_TASK_STORAGE_URL": config["TASK_STORAGE_URL"], "PITCHDAY_LOG_LEVEL": "WARNING",
                    **{f"PITCHDAY_{k}": str(v) for k, v in extra.items()}}
        self.log = tmp_path / "worker.log"
        self.process = None

    def start(self, threads=4):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([FLASK, "--app", "pitchday", "worker", "--threads", str(threads)],
                                            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker_for(tmp_path):
    workers = []

    def make(app, **extra):
        workers.append(Worker(app, tmp_path, **extra))
        return workers[-1]

    yield make
    for w in workers:
        w.stop()


def wait_until(check, timeout=60.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()
