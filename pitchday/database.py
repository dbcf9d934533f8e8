"""Database plumbing shared by every model: UTC timestamps and SQLite's connection settings.

SQLite serialises writers. Python's driver starts transactions lazily, so two requests that read and then
write would both hold a read lock and one of them would fail with "database is locked" when upgrading. A
request that intends to write (any unsafe HTTP method, or code inside ``write_intent()``) therefore starts
its transaction with ``BEGIN IMMEDIATE`` and waits its turn (busy timeout) instead.
"""

import contextlib
import contextvars
import fcntl
import os
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

_write_intent = contextvars.ContextVar("pitchday_write_intent", default=False)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """Stores naive UTC, hands out aware UTC: the same on SQLite and PostgreSQL."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; pitchday stores aware datetimes only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def enum_values(enum_cls) -> list[str]:
    """Store an enum's values (``"hub_admin"``), not its member names, so the data reads well in SQL."""
    return [member.value for member in enum_cls]


def string_enum(enum_cls, length: int = 20) -> sa.Enum:
    """A column type for a ``StrEnum``: stored as its values in a plain string column, the same on both databases."""
    return sa.Enum(enum_cls, native_enum=False, length=length, values_callable=enum_values)


def set_write_intent(flag: bool) -> contextvars.Token:
    return _write_intent.set(flag)


def writes_intended() -> bool:
    """Whether this request (or block) was declared a writer, i.e. began or will begin with a write lock."""
    return _write_intent.get()


@contextlib.contextmanager
def write_intent():
    token = _write_intent.set(True)
    try:
        yield
    finally:
        _write_intent.reset(token)


# SQLite's default: a commit that brings the write-ahead log to this many pages copies it into the database.
WAL_AUTOCHECKPOINT = 1000
# Writes through the queue between two checkpoints of their own: door scans add about eight pages each.
QUEUED_WRITES_PER_CHECKPOINT = 100
_queued_writes = {"since_checkpoint": 0}  # per process: gunicorn's sync workers serve one request at a time


@contextlib.contextmanager
def queue_for_sqlite_writes(conn: sa.Connection):
    """Wait for SQLite's write lock in the kernel's queue rather than in SQLite's busy handler.

    SQLite's busy handler polls: a writer that finds the lock taken sleeps 1, 2, 5, 10 ms... and keeps
    sleeping after the lock is free. Where many short writes queue (scans at the door), waiting on an
    ``flock`` first wakes the next writer the moment the previous one is done. Writers that skip this queue
    are still safe: SQLite's own lock decides, they just wait the slower way. Does nothing on PostgreSQL.

    Inside the queue SQLite does not checkpoint: its automatic checkpoint runs within a COMMIT and would keep
    every other door waiting for milliseconds. ``sqlite_checkpoint_due`` says when the caller should run one,
    after its answer is sent (``checkpoint_sqlite``).
    """
    database = _queued_database(conn)
    if database is None:
        yield
        return
    dbapi = conn.connection.driver_connection
    fd = os.open(f"{database}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        dbapi.execute("PRAGMA wal_autocheckpoint=0")
        try:
            yield
        finally:
            dbapi.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")  # the pooled connection as it was
            _queued_writes["since_checkpoint"] += 1
    finally:
        os.close(fd)  # and with it the lock


def _queued_database(conn: sa.Connection) -> str | None:
    database = conn.engine.url.database if conn.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


def sqlite_checkpoint_due() -> bool:
    """Whether this process's queued writes have added enough to the write-ahead log for a checkpoint."""
    if _queued_writes["since_checkpoint"] < QUEUED_WRITES_PER_CHECKPOINT:
        return False
    _queued_writes["since_checkpoint"] = 0
    return True


def checkpoint_sqlite(engine: Engine) -> None:
    """Copy the write-ahead log into the database without blocking readers or writers (a passive checkpoint)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_connection, connection_record):
    if type(dbapi_connection).__module__.split(".")[0] not in ("sqlite3", "pysqlite2"):
        return
    # Take transaction control away from the driver so we decide how each transaction begins.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")
