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
import time
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
    if _queued_database(conn.engine) is None:
        yield
        return
    dbapi = conn.connection.driver_connection
    with writers_queue(conn.engine):
        dbapi.execute("PRAGMA wal_autocheckpoint=0")
        try:
            yield
        finally:
            dbapi.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT}")  # the pooled connection as it was
            _queued_writes["since_checkpoint"] += 1


@contextlib.contextmanager
def writers_queue(engine: Engine):
    """The kernel's queue of SQLite writers (an ``flock`` beside the database file); nothing elsewhere."""
    database = _queued_database(engine)
    if database is None:
        yield
        return
    fd = os.open(f"{database}-writers.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # and with it the lock


def _queued_database(engine: Engine) -> str | None:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return database


def writes_in_blocks(view):
    """Mark a view whose writes all happen inside ``write_block``: its request reads without write intent, so on
    SQLite it takes the write lock only for the block (see ``write_block``)."""
    view.writes_in_blocks = True
    return view


@contextlib.contextmanager
def write_block(session):
    """One short write transaction: begun here, committed at the end, rolled back (and re-raised) on an error.

    What the request read so far is ended first (a rollback: nothing may be pending), so on SQLite, where every
    other writer waits for the write lock, the lock covers this block alone, not the form checks, rendering
    and answer around it; writers wait their turn in the kernel's queue, which wakes the next one the moment
    the lock is free. Objects read before are expired and read again inside the block, so rules checked here
    see the current data. On PostgreSQL it is an ordinary transaction."""
    session.rollback()
    token = _write_intent.set(True)
    later = session.info[_AFTER_BLOCK] = []
    try:
        with writers_queue(session.get_bind()):
            try:
                yield
                session.commit()
            except BaseException:
                session.rollback()
                raise
    finally:
        _write_intent.reset(token)
        session.info.pop(_AFTER_BLOCK, None)
    for action in later:
        action()


_AFTER_BLOCK = "pitchday_after_write_block"


def after_write_block(session, action) -> bool:
    """Run ``action`` once the current ``write_block`` has committed and let the next writer in; False (and
    nothing done) when no block is open, so the caller runs it at once."""
    later = session.info.get(_AFTER_BLOCK)
    if later is None:
        return False
    later.append(action)
    return True


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


# A database server can drop a pooled connection (restart, failover, idle timeout). Pinging every connection at
# every checkout (SQLAlchemy's pool_pre_ping) costs a round trip per request, and 50 phones scanning at once queue
# behind it. A connection used within this many seconds was alive a moment ago: only one idle longer is pinged.
# A server restart during a busy moment costs one failed request per process at most (answered 503; SQLAlchemy
# then replaces every pooled connection); the door scanners keep such a scan and send it again.
PING_WHEN_IDLE_FOR = 10.0


def ping_idle_connections(engine: Engine) -> None:
    """Test a pooled connection before use when it has been idle; a dead one is replaced (server databases)."""
    if engine.dialect.name == "sqlite":
        return

    @event.listens_for(engine, "checkin")
    def _used(_dbapi_connection, record):
        if record is not None:
            record.info["pitchday_used_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy):
        if time.monotonic() - record.info.get("pitchday_used_at", 0.0) <= PING_WHEN_IDLE_FOR:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception:
            alive = False
        if not alive:
            raise sa.exc.DisconnectionError("the pooled connection was dropped by the server")
