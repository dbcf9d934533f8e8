"""Events of a camp and their agenda."""

import enum
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class EventType(enum.StrEnum):
    PITCH_DAY = "pitch_day"
    WORKSHOP = "workshop"
    MEETUP = "meetup"
    DEMO_DAY = "demo_day"
    OTHER = "other"


class EventStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class BlockKind(enum.StrEnum):
    DOORS = "doors"
    WELCOME = "welcome"
    PITCH_BLOCK = "pitch_block"
    JURY = "jury"
    AWARD = "award"
    NETWORKING = "networking"
    TALK = "talk"
    CHALLENGE = "challenge"  # a company presents its challenge to the startups in the room
    BREAK = "break"
    OTHER = "other"


def new_uid() -> str:
    return f"{uuid.uuid4()}@pitchday"


class Event(db.Model):
    __tablename__ = "events"
    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        sa.CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        sa.Index("ix_events_status_starts_at", "status", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    camp_id: Mapped[int] = mapped_column(sa.ForeignKey("camps.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    type: Mapped[EventType] = mapped_column(sa.Enum(EventType, native_enum=False, length=20,
                                                    values_callable=enum_values))
    description: Mapped[str] = mapped_column(sa.Text, default="")  # Markdown, sanitised when rendered
    starts_at = mapped_column(UTCDateTime(), nullable=False)
    ends_at = mapped_column(UTCDateTime(), nullable=False)
    venue_name: Mapped[str] = mapped_column(sa.String(200), default="")
    venue_address: Mapped[str] = mapped_column(sa.String(300), default="")
    online_url: Mapped[str] = mapped_column(sa.String(500), default="")
    capacity: Mapped[int] = mapped_column(default=0)
    sector_slugs: Mapped[str] = mapped_column(sa.String(500), default="")
    registration_opens_at = mapped_column(UTCDateTime())
    registration_closes_at = mapped_column(UTCDateTime())
    cfp_opens_at = mapped_column(UTCDateTime())
    cfp_closes_at = mapped_column(UTCDateTime())
    # The start the event had when it was last postponed: while the start is still this one, the new date is not
    # set yet (registration pauses, the mail names it as the old date); editing the start sets the new one.
    postponed_from = mapped_column(UTCDateTime())
    status: Mapped[EventStatus] = mapped_column(sa.Enum(EventStatus, native_enum=False, length=20,
                                                        values_callable=enum_values),
                                                default=EventStatus.DRAFT)
    # Pitch running order (applications area): minutes per pitch and per Q&A.
    pitch_minutes: Mapped[int] = mapped_column(default=5)
    qa_minutes: Mapped[int] = mapped_column(default=5)
    # iCal identity: UID never changes; SEQUENCE grows whenever time, place or status changes (RFC 5545).
    uid: Mapped[str] = mapped_column(sa.String(120), unique=True, default=new_uid)
    sequence: Mapped[int] = mapped_column(default=0)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)
    copied_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))

    camp = relationship("Camp")
    blocks: Mapped[list["AgendaBlock"]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="AgendaBlock.starts_at"
    )

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sector_slugs.split(",") if s]

    @property
    def is_public(self) -> bool:
        return self.status != EventStatus.DRAFT

    @property
    def awaiting_new_date(self) -> bool:
        """Postponed, and the organisers have not set the new date yet."""
        return self.status == EventStatus.POSTPONED and (
            self.postponed_from is None or self.starts_at == self.postponed_from)

    def pitch_block(self) -> "AgendaBlock | None":
        return next((b for b in self.blocks if b.kind == BlockKind.PITCH_BLOCK), None)

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.title!r}>"


class AgendaBlock(db.Model):
    __tablename__ = "agenda_blocks"
    __table_args__ = (sa.CheckConstraint("ends_at > starts_at", name="block_ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    kind: Mapped[BlockKind] = mapped_column(sa.Enum(BlockKind, native_enum=False, length=20,
                                                    values_callable=enum_values))
    title: Mapped[str] = mapped_column(sa.String(200))
    starts_at = mapped_column(UTCDateTime(), nullable=False)
    ends_at = mapped_column(UTCDateTime(), nullable=False)

    event: Mapped[Event] = relationship(back_populates="blocks")
