"""Check-in at the door: scanning devices and staff, the one check-in per ticket, and the log of every scan.

A ``CheckIn`` row exists while a ticket is checked in; undoing a check-in deletes the row (the undo stays in
the scan log), so "is this registration checked in?" is simply "does it have a CheckIn row?".
"""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class ScanResult(enum.StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN = "unknown_ticket"
    OTHER_EVENT = "other_event"
    CANCELLED = "cancelled"
    WAITING_LIST = "waiting_list"
    UNDONE = "undone"


class DeviceKind(enum.StrEnum):
    DEVICE = "device"  # a scanning app or handheld with a bearer token
    STAFF = "staff"  # a person given check-in rights (account or invitation link)
    ORGANISER = "organiser"  # an organiser scanning in their own browser, entered on first scan


class ScannerDevice(db.Model):
    """Who or what scans at one event: a staff member (``user_id``) or a device with a bearer token."""

    __tablename__ = "scanner_devices"
    __table_args__ = (
        # One staff entry per person and event; devices without a person are told apart by their token.
        sa.UniqueConstraint("event_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    kind: Mapped[DeviceKind] = mapped_column(sa.Enum(DeviceKind, native_enum=False, length=16,
                                                     values_callable=enum_values))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    # SHA-256 of the bearer token; the token itself is shown once and never stored.
    token_hash: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    revoked_at = mapped_column(UTCDateTime())

    user = relationship("User", foreign_keys=[user_id])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class CheckIn(db.Model):
    """This ticket is checked in. At most one per registration, written by one conditional insert."""

    __tablename__ = "checkins"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(sa.ForeignKey("registrations.id", ondelete="CASCADE"),
                                                 unique=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    device_id: Mapped[int | None] = mapped_column(sa.ForeignKey("scanner_devices.id", ondelete="SET NULL"))
    checked_in_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    device = relationship(ScannerDevice)


class ScanLog(db.Model):
    """Every scan, accepted or refused, and every undo; the first answer per (device, nonce) is replayed."""

    __tablename__ = "scan_logs"
    __table_args__ = (
        # NULL nonces are distinct, so scans without a nonce are all kept.
        sa.UniqueConstraint("device_id", "nonce"),
        sa.Index("ix_scan_logs_event_at", "event_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    device_id: Mapped[int | None] = mapped_column(sa.ForeignKey("scanner_devices.id", ondelete="SET NULL"))
    registration_id: Mapped[int | None] = mapped_column(sa.ForeignKey("registrations.id", ondelete="SET NULL"))
    nonce: Mapped[str | None] = mapped_column(sa.String(64))
    result: Mapped[ScanResult] = mapped_column(sa.Enum(ScanResult, native_enum=False, length=24,
                                                       values_callable=enum_values))
    http_status: Mapped[int] = mapped_column(sa.SmallInteger)
    # The JSON answer as first given, replayed for a retried nonce.
    answer: Mapped[str] = mapped_column(sa.Text, default="{}")
    # When the device saw the ticket (offline scans are sent later); ``at`` is when the server decided.
    scanned_at = mapped_column(UTCDateTime())
    at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    device = relationship(ScannerDevice)
    registration = relationship("Registration")
