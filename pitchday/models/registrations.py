"""Attendees' registrations for an event; a confirmed one carries the ticket."""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db
from ..text_fold import search_key


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
        # Lists and the seat rule read an event's registrations of one status in arrival order from this.
        sa.Index("ix_registrations_event_status_queue", "event_id", "status", "queue_number"),
        # The door's search reads only this index: the event's folded keys, scanned for a word's start.
        sa.Index("ix_registrations_event_search", "event_id", "search_key"),
        # The scanners' list version reads the latest confirmation and cancellation from these alone
        # (services/checkin/ticket_list.py): a 304 costs the same at 50,000 tickets as at 50.
        sa.Index("ix_registrations_event_confirmed", "event_id", "confirmed_at"),
        sa.Index("ix_registrations_event_cancelled", "event_id", "cancelled_at"),
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
    # When the ticket was last re-sent because someone registered the address again (at most one per 10 min).
    ticket_resent_at = mapped_column(UTCDateTime())
    anonymised_at = mapped_column(UTCDateTime())
    # Answers to the event's own optional questions: {"<question id>": "text"}.
    answers: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # The folded words of name, organisation and e-mail (pitchday.text_fold), kept in step on every write, so
    # the door finds "Özdemir" typed as "oezdemir" on SQLite and PostgreSQL alike.
    search_key: Mapped[str] = mapped_column(sa.String(1200), default=" ", server_default=" ")

    event = relationship("Event")

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED


@sa.event.listens_for(Registration, "before_insert")
@sa.event.listens_for(Registration, "before_update")
def _fold_search_key(_mapper, _connection, registration: Registration) -> None:
    registration.search_key = search_key(registration.name, registration.organisation or "", registration.email)


class RegistrationQuestion(db.Model):
    """An optional free-text question an event asks its attendees (e.g. "Which startups do you want to meet?")."""

    __tablename__ = "registration_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[str] = mapped_column(sa.String(200))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class RegistrationQueue(db.Model):
    """One row per event: its arrival counter, and the row every seat change locks first.

    Taking a number is ``UPDATE ... SET last_number = last_number + 1``; on PostgreSQL that row lock is held to
    the commit, so seat decisions for one event happen one after another (other events are not held up).
    """

    __tablename__ = "registration_queues"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    last_number: Mapped[int] = mapped_column(sa.BigInteger, default=0)
