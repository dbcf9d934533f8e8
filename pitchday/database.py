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


def set_write_intent(flag: bool) -> contextvars.Token:
    return _write_intent.set(flag)


@contextlib.contextmanager
def write_intent():
    token = _write_intent.set(True)
    try:
        yield
    finally:
        _write_intent.reset(token)


@contextlib.contextmanager
def queue_for_sqlite_writes(conn: sa.Connection):
    """Wait for SQLite's write lock in the kernel's queue rather than in SQLite's busy handler.

    SQLite's busy handler polls: a writer that finds the lock taken sleeps 1, 2, 5, 10 ms... and keeps
    sleeping after the lock is free. Where many short writes queue (scans at the door), waiting on an
    ``flock`` first wakes the next writer the moment the previous one is done. Writers that skip this queue
    are still safe: SQLite's own lock decides, they just wait the slower way. Does nothing on PostgreSQL.
    """
    database = conn.engine.url.database if conn.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    fd = os.open(f"{database}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # and with it the lock


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
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")
