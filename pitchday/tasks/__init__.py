"""The worker: a Huey consumer that delivers the outbox and runs the scheduled work, thin over the services.

Huey keeps its queue in SQLite (``instance/tasks.sqlite3``) by default, so a single host needs nothing more;
``TASK_STORAGE_URL=redis://...`` when several hosts serve the app. The queue is only a hint: the outbox rows in
the app's database are the truth, and the minutely sweep queues again whatever a lost hint left behind.
Modules: ``jobs`` (the tasks and their schedule).
"""

from pathlib import Path

from flask import Flask
from huey import MemoryHuey, RedisHuey, SqliteHuey
from huey.api import Huey
from huey.storage import SqliteStorage

HUEY = "pitchday.huey"
# An idle consumer looks for work at least once a second (Huey's default backs off to ten).
POLL_MAX_DELAY = 1.0


class HintStorage(SqliteStorage):
    """Huey's SQLite storage without a disk flush at every task written.

    Its default (synchronous=FULL) flushed the disk at every hint a registration wrote after its commit, and in a
    rush the requests queued for that. What it keeps are hints (the outbox rows and prepared exports in the app's
    database are the truth, the sweeps find what a lost hint left), so write-ahead logging with
    synchronous=NORMAL is enough: a power cut may lose the last hints, never corrupt the file."""

    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("pragma synchronous=NORMAL")
        return conn


def init_app(app: Flask) -> None:
    app.extensions["pitchday.outbox_announce"] = lambda ids: announce(app, ids)
    app.extensions["pitchday.export_start"] = lambda export_id: huey_of(app).pitchday_tasks["prepare_export"](
        export_id)


def huey_of(app: Flask) -> Huey:
    """The app's Huey, made on first use (tests move the instance folder after the app is created)."""
    if HUEY not in app.extensions:
        from .jobs import register

        huey = _create(app)
        register(huey, app)
        app.extensions[HUEY] = huey
    return app.extensions[HUEY]


def _create(app: Flask) -> Huey:
    url = app.config.get("TASK_STORAGE_URL") or f"sqlite:///{Path(app.instance_path) / 'tasks.sqlite3'}"
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("pitchday", url=url)
    if url.startswith("memory://"):
        return MemoryHuey("pitchday")
    if url.startswith("sqlite:///"):
        return SqliteHuey("pitchday", filename=url.removeprefix("sqlite:///"), storage_class=HintStorage)
    raise ValueError(f"TASK_STORAGE_URL {url!r}: use sqlite:///path, redis://host:port/db or memory://")


def announce(app: Flask, ids: list[int]) -> None:
    """Queue delivery of freshly committed outbox rows."""
    deliver = huey_of(app).pitchday_tasks["deliver"]
    for row_id in ids:
        deliver(row_id)


def run_consumer(app: Flask, *, threads: int | None = None, periodic: bool = True) -> None:
    huey = huey_of(app)
    huey.pitchday_tasks["sweep_outbox"]()  # at once: what a stopped worker left claimed or unqueued goes out now
    consumer = huey.create_consumer(workers=threads or app.config["WORKER_THREADS"], worker_type="thread",
                                    periodic=periodic, max_delay=POLL_MAX_DELAY)
    consumer.run()
