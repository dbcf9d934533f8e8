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
    answers: Mapped[list["ApplicationAnswer"]] = relationship(back_populates="application",
                                                              cascade="all, delete-orphan")
    notes: Mapped[list["ApplicationNote"]] = relationship(cascade="all, delete-orphan",
                                                          order_by="ApplicationNote.created_at")
    decisions: Mapped[list["ApplicationDecision"]] = relationship(cascade="all, delete-orphan",
                                                                  order_by="ApplicationDecision.id")


class ApplicationAnswer(db.Model):
    __tablename__ = "application_answers"
    __table_args__ = (sa.UniqueConstraint("application_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("cfp_questions.id", ondelete="CASCADE"), index=True)
    # Text as typed; choices joined by newlines; yes/no as "yes" or "no".
    value: Mapped[str] = mapped_column(sa.Text, default="")

    application: Mapped["Application"] = relationship(back_populates="answers")
    question = relationship("CfpQuestion")


class ApplicationNote(db.Model):
    """An organiser's internal note: never shown to the startup."""

    __tablename__ = "application_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    author = relationship("User")


class ApplicationDecision(db.Model):
    """Append-only history of an application's status: who moved it from what to what, and when."""

    __tablename__ = "application_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    from_status: Mapped[str] = mapped_column(sa.String(20))
    to_status: Mapped[str] = mapped_column(sa.String(20))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    actor = relationship("User")


class PitchSlot(db.Model):
    """An accepted application's place in the event's running order; times follow from the position."""

    __tablename__ = "pitch_slots"
    __table_args__ = (sa.UniqueConstraint("event_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    position: Mapped[int] = mapped_column()

    application: Mapped[Application] = relationship(back_populates="slot")
