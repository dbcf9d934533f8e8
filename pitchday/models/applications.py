"""Applications to pitch at an event, and the running order of the accepted ones."""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class ApplicationStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Application(db.Model):
    __tablename__ = "applications"
    # One application per startup per event, held by the database.
    __table_args__ = (sa.UniqueConstraint("event_id", "startup_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    status: Mapped[ApplicationStatus] = mapped_column(
        sa.Enum(ApplicationStatus, native_enum=False, length=20, values_callable=enum_values),
        default=ApplicationStatus.DRAFT)
    # Random file name under UPLOAD_DIR; never derived from the uploaded name.
    deck_filename: Mapped[str | None] = mapped_column(sa.String(80))
    deck_original_name: Mapped[str | None] = mapped_column(sa.String(200))
    deck_size: Mapped[int | None] = mapped_column()
    submitted_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    event = relationship("Event")
    startup = relationship("Startup")
    slot: Mapped["PitchSlot | None"] = relationship(back_populates="application", uselist=False,
                                                    cascade="all, delete-orphan")


class PitchSlot(db.Model):
    """An accepted application's place in the event's running order; times follow from the position."""

    __tablename__ = "pitch_slots"
    __table_args__ = (sa.UniqueConstraint("event_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    position: Mapped[int] = mapped_column()

    application: Mapped[Application] = relationship(back_populates="slot")
