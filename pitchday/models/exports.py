"""Exports prepared by the worker: a CSV too large to build while a browser waits is written to a file in the
background, and the organiser downloads it from the list page when it is ready."""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, string_enum, utcnow
from ..extensions import db


class ExportState(enum.StrEnum):
    PENDING = "pending"  # asked for; the worker has not started it
    RUNNING = "running"  # the worker is writing the file
    READY = "ready"
    FAILED = "failed"


class PreparedExport(db.Model):
    __tablename__ = "prepared_exports"
    __table_args__ = (sa.Index("ix_prepared_exports_event", "event_id", "id"),
                      sa.Index("ix_prepared_exports_state", "state", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    requested_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(sa.String(40))  # "registrations"
    dialect: Mapped[str] = mapped_column(sa.String(8))  # "de" or "intl" (exports/csv_writer.DIALECTS)
    # The file's name in EXPORT_DIR: unguessable, so a file is never found by counting.
    file_name: Mapped[str] = mapped_column(sa.String(80), unique=True,
                                           default=lambda: f"{secrets.token_urlsafe(24)}.csv")
    state: Mapped[ExportState] = mapped_column(string_enum(ExportState, 12), default=ExportState.PENDING)
    rows: Mapped[int | None] = mapped_column()
    size: Mapped[int | None] = mapped_column(sa.BigInteger)
    error: Mapped[str | None] = mapped_column(sa.Text)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    started_at = mapped_column(UTCDateTime())
    finished_at = mapped_column(UTCDateTime())

    event = relationship("Event")
    requested_by = relationship("User")
