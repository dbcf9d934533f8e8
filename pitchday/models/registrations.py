"""Attendees' registrations for an event; a confirmed one carries the ticket."""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class RegistrationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


class AttendeeType(enum.StrEnum):
    STARTUP = "startup"
    INDUSTRY = "industry"  # industry or Mittelstand
    INVESTOR = "investor"
    ACADEMIA = "academia"  # university or research
    PUBLIC_SECTOR = "public_sector"
    OTHER = "other"


def new_ticket_secret() -> str:
    return secrets.token_urlsafe(24)  # 192 bits: unguessable, short enough for a robust QR code


class Registration(db.Model):
    __tablename__ = "registrations"
    __table_args__ = (
        # The same address holds at most one registration per event; a re-registration re-sends the ticket.
        sa.UniqueConstraint("event_id", "email"),
        sa.Index("ix_registrations_event_status", "event_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(sa.String(120))
    email: Mapped[str] = mapped_column(sa.String(254))
    organisation: Mapped[str] = mapped_column(sa.String(200), default="")
    attendee_type: Mapped[AttendeeType] = mapped_column(
        sa.Enum(AttendeeType, native_enum=False, length=20, values_callable=enum_values))
    locale: Mapped[str] = mapped_column(sa.String(5), default="de")
    consent_at = mapped_column(UTCDateTime(), nullable=False)
    status: Mapped[RegistrationStatus] = mapped_column(
        sa.Enum(RegistrationStatus, native_enum=False, length=20, values_callable=enum_values))
    # Arrival order: the waiting list is served by this, lowest first.
    queue_number: Mapped[int] = mapped_column(sa.BigInteger)
    ticket_secret: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_ticket_secret)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    confirmed_at = mapped_column(UTCDateTime())
    cancelled_at = mapped_column(UTCDateTime())
    reminder_sent_at = mapped_column(UTCDateTime())
    anonymised_at = mapped_column(UTCDateTime())

    event = relationship("Event")
