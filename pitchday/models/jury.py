"""Jury: the rubric, jurors and their conflicts, scores and comments, published results and awards (issue 5).

A pitch is identified by its Application (the running order's ``PitchSlot`` points at it).
"""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class JurorStatus(enum.StrEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    REVOKED = "revoked"


class ConflictReason(enum.StrEnum):
    INVESTED = "invested"
    ADVISES = "advises"
    WORKS_THERE = "works_there"
    COMPETITOR = "competitor"
    OTHER = "other"


class Criterion(db.Model):
    """One row of an event's rubric; locked once any score exists."""

    __tablename__ = "jury_criteria"
    __table_args__ = (
        sa.CheckConstraint("scale_max > scale_min", name="jury_scale_ordered"),
        sa.CheckConstraint("weight > 0", name="jury_weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.String(500), default="")
    weight: Mapped[float] = mapped_column(sa.Float, default=1.0)
    scale_min: Mapped[int] = mapped_column(default=1)
    scale_max: Mapped[int] = mapped_column(default=10)
    anchor_low: Mapped[str] = mapped_column(sa.String(120), default="")
    anchor_mid: Mapped[str] = mapped_column(sa.String(120), default="")
    anchor_high: Mapped[str] = mapped_column(sa.String(120), default="")


class Juror(db.Model):
    __tablename__ = "jurors"
    __table_args__ = (sa.UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[JurorStatus] = mapped_column(
        sa.Enum(JurorStatus, native_enum=False, length=20, values_callable=enum_values), default=JurorStatus.INVITED)
    # False: only the pitches listed in JurorAssignment.
    all_pitches: Mapped[bool] = mapped_column(default=True)
    invited_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    accepted_at = mapped_column(UTCDateTime())
    revoked_at = mapped_column(UTCDateTime())

    event = relationship("Event")
    user = relationship("User")
    assignments: Mapped[list["JurorAssignment"]] = relationship(cascade="all, delete-orphan")
    conflicts: Mapped[list["Conflict"]] = relationship(back_populates="juror", cascade="all, delete-orphan")

    @property
    def active(self) -> bool:
        return self.status != JurorStatus.REVOKED


class JurorAssignment(db.Model):
    __tablename__ = "juror_assignments"
    __table_args__ = (sa.UniqueConstraint("juror_id", "application_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(sa.ForeignKey("jurors.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"))


class Conflict(db.Model):
    """A juror's conflict of interest with a startup: no scoring, no deck, no scores of that pitch."""

    __tablename__ = "jury_conflicts"
    __table_args__ = (sa.UniqueConstraint("juror_id", "startup_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    juror_id: Mapped[int] = mapped_column(sa.ForeignKey("jurors.id", ondelete="CASCADE"), index=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    reason: Mapped[ConflictReason] = mapped_column(
        sa.Enum(ConflictReason, native_enum=False, length=20, values_callable=enum_values))
    declared_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    juror: Mapped[Juror] = relationship(back_populates="conflicts")
    startup = relationship("Startup")


class Score(db.Model):
    """One value per (juror, pitch, criterion), written by an upsert so concurrent saves never clash."""

    __tablename__ = "jury_scores"
    __table_args__ = (
        sa.UniqueConstraint("juror_id", "application_id", "criterion_id", name="uq_jury_scores_cell"),
        # Covers the results query: every value of an event is read from the index alone.
        sa.Index("ix_jury_scores_event", "event_id", "juror_id", "application_id", "criterion_id", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    juror_id: Mapped[int] = mapped_column(sa.ForeignKey("jurors.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(sa.ForeignKey("jury_criteria.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column()
    updated_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class ScoreSheet(db.Model):
    """Per (juror, pitch): the comment, and whether the juror has submitted (then only an organiser reopens)."""

    __tablename__ = "jury_sheets"
    __table_args__ = (
        sa.UniqueConstraint("juror_id", "application_id", name="uq_jury_sheets_pitch"),
        sa.Index("ix_jury_sheets_event", "event_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    juror_id: Mapped[int] = mapped_column(sa.ForeignKey("jurors.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"))
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    submitted_at = mapped_column(UTCDateTime())
    reopened_at = mapped_column(UTCDateTime())
    reopened_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    updated_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class JuryPublication(db.Model):
    """Results of an event's jury made public (feedback to startups, awards on the event page)."""

    __tablename__ = "jury_publications"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    published_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))


class Award(db.Model):
    """A place or special award named by the organiser, shown on the event page once results are published."""

    __tablename__ = "jury_awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(sa.String(120))
    position: Mapped[int] = mapped_column(default=0)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    application = relationship("Application")


class JurorProfile(db.Model):
    """A juror's standing in the hub's pool, across events: what they know, in which languages, for which camps."""

    __tablename__ = "juror_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    sector_slugs: Mapped[str] = mapped_column(sa.String(500), default="")
    languages: Mapped[str] = mapped_column(sa.String(40), default="de")
    camp_slugs: Mapped[str] = mapped_column(sa.String(300), default="")  # empty: any camp
    organisation: Mapped[str] = mapped_column(sa.String(160), default="")
    in_pool: Mapped[bool] = mapped_column(default=True)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False)

    user = relationship("User")

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sector_slugs.split(",") if s]

    @property
    def camps(self) -> list[str]:
        return [s for s in self.camp_slugs.split(",") if s]
