"""The audit trail: one row per change an organiser or admin made (and per export of personal data).

Rows are written in the transaction of the change they describe and are never updated; only the retention purge
deletes them. They hold no foreign keys on purpose: a row must outlive (and must not be rewritten by) the deletion
of the account, camp or object it names, so it keeps ids plus the names as they were at the time.
"""

import contextlib
import contextvars

import sqlalchemy as sa
from sqlalchemy import DDL, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"
    __table_args__ = (
        sa.Index("ix_audit_entries_camp_at", "camp_id", "at"),
        sa.Index("ix_audit_entries_subject", "subject_type", "subject_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at = mapped_column(UTCDateTime(), default=utcnow, nullable=False, index=True)
    # Who: null for the system (a command, a background job). Name and address copied as they were.
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_name: Mapped[str] = mapped_column(sa.String(120), default="")
    actor_email: Mapped[str] = mapped_column(sa.String(254), default="")
    # What: a dotted kind, "event.published", "application.decided", "export.registrations".
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    camp_id: Mapped[int | None] = mapped_column()
    event_id: Mapped[int | None] = mapped_column(index=True)
    # On what: the object changed, by table-like type and id, and a label as it read then.
    subject_type: Mapped[str] = mapped_column(sa.String(40), default="")
    subject_id: Mapped[int | None] = mapped_column()
    subject_label: Mapped[str] = mapped_column(sa.String(200), default="")
    # From what to what: small JSON objects of the fields that changed (or, for an export, what and how many).
    before: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    after: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEntry {self.id} {self.action}>"


# The database itself refuses to change or delete a row, so not even a bug (or a console session through the
# app's account) rewrites history; only the retention purge deletes, inside ``purging()``, which PostgreSQL sees
# as ``SET LOCAL pitchday.audit_purge = 'on'`` and SQLite through a function of the app's own connections
# (any other SQLite client lacks it, so its DELETE fails too). TRUNCATE (the test suite's reset) fires no row
# triggers. The migration 0014_audit.py creates the same objects; keep the two in step.
POSTGRES_GUARD = [
    """CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('pitchday.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit entries cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql""",
    """CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()""",
]
SQLITE_GUARD = [
    """CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END""",
    """CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries WHEN NOT pitchday_audit_purge()
BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END""",
]

for statement in POSTGRES_GUARD:
    event.listen(AuditEntry.__table__, "after_create", DDL(statement).execute_if(dialect="postgresql"))
for statement in SQLITE_GUARD:
    event.listen(AuditEntry.__table__, "after_create", DDL(statement).execute_if(dialect="sqlite"))

_purging = contextvars.ContextVar("pitchday_audit_purge", default=False)


@contextlib.contextmanager
def purging(session):
    """Within this block (and the transaction it runs in) the retention purge may delete entries."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SET LOCAL pitchday.audit_purge = 'on'"))
    token = _purging.set(True)
    try:
        yield
    finally:
        _purging.reset(token)
        if session.get_bind().dialect.name == "postgresql":
            session.execute(sa.text("SET LOCAL pitchday.audit_purge = 'off'"))


@event.listens_for(Engine, "connect")
def _sqlite_purge_flag(dbapi_connection, connection_record):
    if type(dbapi_connection).__module__.split(".")[0] not in ("sqlite3", "pysqlite2"):
        return
    dbapi_connection.create_function("pitchday_audit_purge", 0, lambda: int(_purging.get()))
