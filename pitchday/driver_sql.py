"""Plain SQL run straight on the database driver, for the statements of the one hot path (a scan at the door).

SQLAlchemy's execution layer (compiled cache, execution context, result metadata, events) costs about 18 µs a
statement on top of the driver, measured on SQLite: for a scan of three statements and a transaction, more CPU
than the SQL itself. These statements still run on a connection of SQLAlchemy's pool (pre-ping, the SQLite
pragmas of ``database``) and inside its transaction where one is open; they skip only its execution layer.

Parameters are written ``:name`` as in ``sa.text``. Datetimes go in and come out aware, and are stored as naive
UTC exactly as ``database.UTCDateTime`` stores them, so the ORM reads what these statements write and back.
"""

import contextlib
import re
from collections import namedtuple
from datetime import UTC, datetime
from typing import NamedTuple

import sqlalchemy as sa

_NAMED_PARAMETER = re.compile(r"(?<![:\w]):(\w+)")
# SQLAlchemy's SQLite DATETIME text format; the driver's own adapter drops ".000000" and is deprecated.
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


class Statement:
    """One SQL statement for both dialects; ``datetimes`` names its result columns that hold timestamps."""

    def __init__(self, sql: str, *, datetimes: tuple[str, ...] = ()):
        self.sql = {"sqlite": sql, "postgresql": _NAMED_PARAMETER.sub(r"%(\1)s", sql)}
        self.datetimes = frozenset(datetimes)
        # Per dialect, the shape of what the statement returns: read from the first cursor's description only,
        # since the driver builds that description anew (an object per column) each time it is asked.
        self._shapes: dict[str, _Shape | None] = {}

    def shape(self, dialect: str, cursor) -> "_Shape | None":
        if dialect not in self._shapes:
            names = tuple(column[0] for column in cursor.description) if cursor.description else None
            self._shapes[dialect] = names and _Shape(
                namedtuple("Row", names),  # noqa: PYI024  (the fields come from the SQL)
                tuple(i for i, name in enumerate(names) if name in self.datetimes))
        return self._shapes[dialect]


class _Shape(NamedTuple):
    row_type: type
    datetime_columns: tuple[int, ...]


class Rows(list):
    """What a statement returned, with the few accessors of SQLAlchemy's ``Result`` that callers use."""

    def first(self):
        return self[0] if self else None

    def one(self):
        if len(self) != 1:
            raise LookupError(f"expected exactly one row, got {len(self)}")
        return self[0]

    def scalar(self):
        return self[0][0] if self else None


class DriverConnection:
    """The driver's connection under a SQLAlchemy ``Connection`` (the request's, or the ORM session's)."""

    def __init__(self, connection: sa.Connection):
        self.connection = connection
        self.dialect = connection.dialect.name
        self._dbapi = connection.connection.driver_connection

    def _bind(self, value):
        if isinstance(value, datetime):
            value = value.astimezone(UTC).replace(tzinfo=None)
            return value.strftime(_SQLITE_DATETIME) if self.dialect == "sqlite" else value
        return value

    def execute(self, statement: Statement, params: dict | None = None) -> Rows:
        cursor = self._dbapi.cursor()
        try:
            cursor.execute(statement.sql[self.dialect], {k: self._bind(v) for k, v in (params or {}).items()})
            shape = statement.shape(self.dialect, cursor)
            rows = cursor.fetchall() if shape else ()
        finally:
            cursor.close()
        if shape and shape.datetime_columns:
            rows = [_aware(row, shape.datetime_columns) for row in rows]
        return Rows(shape.row_type(*row) for row in rows) if shape else Rows()

    @contextlib.contextmanager
    def write_transaction(self):
        """Around the write of one scan. SQLite: one ``BEGIN IMMEDIATE`` transaction (the write lock at once, so
        its inserts land together and no read lock has to be upgraded). PostgreSQL: nothing, because the scan
        statements there are each atomic by themselves and run in autocommit (see ``checkin_sql``)."""
        if self.dialect != "sqlite":
            yield
            return
        self._dbapi.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._dbapi.execute("ROLLBACK")
            raise
        self._dbapi.execute("COMMIT")


def _aware(row: tuple, columns: tuple[int, ...]) -> list:
    values = list(row)
    for i in columns:
        value = values[i]
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value is not None:
            values[i] = value.replace(tzinfo=UTC)
    return values
