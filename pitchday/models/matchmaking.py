"""Meeting requests between startups and attendees or jurors, the meetings placed for agreed pairs, the
organiser's tables, attendees' opt-ins and what came of a pitch day (follow-ups)."""

import enum
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, string_enum, utcnow
from ..extensions import db


class RequestSide(enum.StrEnum):
    ATTENDEE = "attendee"
    STARTUP = "startup"
    JUROR = "juror"


class RequestStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"  # both sides agree: the allocation places it
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class MeetingStatus(enum.StrEnum):
    PLACED = "placed"
    CANCELLED = "cancelled"


class FollowUpKind(enum.StrEnum):
    MEETING = "meeting"
    PILOT = "pilot"
    INVESTMENT = "investment"
    HIRE = "hire"
    OTHER = "other"


class MatchmakingSettings(db.Model):
    """Per event: the length of a meeting slot in the networking block."""

    __tablename__ = "matchmaking_settings"
    __table_args__ = (sa.CheckConstraint("slot_minutes BETWEEN 5 AND 120", name="slot_minutes_range"),)

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    slot_minutes: Mapped[int] = mapped_column(default=15)
    allocated_at = mapped_column(UTCDateTime())


class MatchmakingProfile(db.Model):
    """An attendee's opt-ins, keyed by registration: visible to startups, contact shared after the event.

    The registrations area's form asks for them (off by default); until then attendees set them on their
    meeting page.
    """

    __tablename__ = "matchmaking_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(sa.ForeignKey("registrations.id", ondelete="CASCADE"),
                                                 unique=True)
    visible: Mapped[bool] = mapped_column(default=False)
    share_contact: Mapped[bool] = mapped_column(default=False)
    looking_for: Mapped[str] = mapped_column(sa.String(200), default="")
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    registration = relationship("Registration")


class MeetingTable(db.Model):
    __tablename__ = "meeting_tables"
    __table_args__ = (sa.UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(60))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)  # removed tables stay for the meetings' history


class MeetingRequest(db.Model):
    """One per pair (startup, attendee registration or juror) per event; both sides agreeing makes it accepted."""

    __tablename__ = "meeting_requests"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "startup_id", "registration_id"),
        sa.UniqueConstraint("event_id", "startup_id", "juror_user_id"),
        sa.CheckConstraint("(registration_id IS NULL) <> (juror_user_id IS NULL)", name="one_counterpart"),
        sa.Index("ix_meeting_requests_event_status", "event_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int | None] = mapped_column(sa.ForeignKey("registrations.id", ondelete="CASCADE"),
                                                        index=True)
    juror_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    requested_by: Mapped[RequestSide] = mapped_column(string_enum(RequestSide))
    requested_by_user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(sa.String(200), default="")
    status: Mapped[RequestStatus] = mapped_column(string_enum(RequestStatus), default=RequestStatus.PENDING)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    decided_at = mapped_column(UTCDateTime())

    event = relationship("Event")
    startup = relationship("Startup")
    registration = relationship("Registration")
    juror = relationship("User", foreign_keys=[juror_user_id])
    meeting: Mapped["Meeting | None"] = relationship(back_populates="request", uselist=False)

    @property
    def party_key(self) -> str:
        """Who the counterpart is as a person, so one person is never in two meetings at once."""
        if self.juror_user_id:
            return f"u:{self.juror_user_id}"
        reg = self.registration
        return f"u:{reg.user_id}" if reg.user_id else f"r:{reg.id}"

    @property
    def counterpart_name(self) -> str:
        return self.juror.name if self.juror_user_id else self.registration.name


class Meeting(db.Model):
    """A placed meeting: slot and table in the networking block. The unique constraints are the rules:
    a table, a startup and a person each hold at most one meeting per slot (cancelled ones hold no slot)."""

    __tablename__ = "meetings"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "slot_index", "table_id", name="uq_meetings_table_slot"),
        sa.UniqueConstraint("event_id", "slot_index", "startup_id", name="uq_meetings_startup_slot"),
        sa.UniqueConstraint("event_id", "slot_index", "party_key", name="uq_meetings_party_slot"),
        sa.CheckConstraint("(slot_index IS NULL) = (table_id IS NULL)", name="slot_and_table_together"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int] = mapped_column(sa.ForeignKey("meeting_requests.id", ondelete="CASCADE"), unique=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"))
    party_key: Mapped[str] = mapped_column(sa.String(40))
    status: Mapped[MeetingStatus] = mapped_column(string_enum(MeetingStatus), default=MeetingStatus.PLACED)
    slot_index: Mapped[int | None] = mapped_column()
    table_id: Mapped[int | None] = mapped_column(sa.ForeignKey("meeting_tables.id", ondelete="RESTRICT"))
    starts_at = mapped_column(UTCDateTime())
    ends_at = mapped_column(UTCDateTime())
    attendee_confirmed_at = mapped_column(UTCDateTime())
    startup_confirmed_at = mapped_column(UTCDateTime())
    pinned: Mapped[bool] = mapped_column(default=False)  # placed by hand: a re-run leaves it alone
    uid: Mapped[str] = mapped_column(sa.String(120), unique=True, default=lambda: f"{uuid.uuid4()}@pitchday")
    sequence: Mapped[int] = mapped_column(default=0)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    request: Mapped[MeetingRequest] = relationship(back_populates="meeting")
    table = relationship("MeetingTable")
    startup = relationship("Startup")

    @property
    def confirmed(self) -> bool:
        return bool(self.attendee_confirmed_at and self.startup_confirmed_at)

    @property
    def fixed(self) -> bool:
        return self.status == MeetingStatus.PLACED and self.slot_index is not None and (
            self.confirmed or self.pinned)


class FollowUp(db.Model):
    """What came of a pitch day: recorded by an organiser or by the startup itself."""

    __tablename__ = "follow_ups"
    __table_args__ = (sa.Index("ix_follow_ups_event", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    kind: Mapped[FollowUpKind] = mapped_column(string_enum(FollowUpKind))
    partner: Mapped[str] = mapped_column(sa.String(200), default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    event = relationship("Event")
    startup = relationship("Startup")
