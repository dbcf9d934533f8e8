"""Follow-up tracks: what became of a contact made through the hub (an agreed meeting, a juror's follow-up talk,
an answered challenge), stage by stage, and the signed links startups share their feedback with.

Each track has two update secrets, one per side, so either side moves it in one tap from a mail link without an
account; the steps are kept, so the impact report counts when a stage was reached.
"""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, string_enum, utcnow
from ..extensions import db


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class TrackStage(enum.StrEnum):
    FIRST_TALK = "first_talk"
    NDA = "nda"
    PILOT = "pilot"
    ORDER = "order"
    INVESTMENT = "investment"
    HIRE = "hire"
    CLOSED = "closed"


class TrackSource(enum.StrEnum):
    MEETING = "meeting"  # an agreed meeting request (attendee or juror follow-up talk)
    CHALLENGE = "challenge"  # a company invited a startup after its answer to a challenge


class Track(db.Model):
    __tablename__ = "follow_up_tracks"
    __table_args__ = (sa.UniqueConstraint("source", "source_id"), sa.Index("ix_tracks_camp_started", "camp_id",
                                                                             "started_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[TrackSource] = mapped_column(string_enum(TrackSource))
    source_id: Mapped[int] = mapped_column()
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    camp_id: Mapped[int | None] = mapped_column(sa.ForeignKey("camps.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))
    partner_name: Mapped[str] = mapped_column(sa.String(200), default="")
    partner_email: Mapped[str] = mapped_column(sa.String(254), default="")
    stage: Mapped[TrackStage] = mapped_column(string_enum(TrackStage), default=TrackStage.FIRST_TALK)
    startup_secret: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_secret)
    partner_secret: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_secret)
    started_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    stage_changed_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    reached_pilot_at = mapped_column(UTCDateTime())
    reached_deal_at = mapped_column(UTCDateTime())  # order, investment or hire
    reminded_30_at = mapped_column(UTCDateTime())
    reminded_90_at = mapped_column(UTCDateTime())

    startup = relationship("Startup")
    camp = relationship("Camp")
    steps: Mapped[list["TrackStep"]] = relationship(cascade="all, delete-orphan", order_by="TrackStep.id")


class TrackStep(db.Model):
    __tablename__ = "follow_up_track_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    track_id: Mapped[int] = mapped_column(sa.ForeignKey("follow_up_tracks.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[TrackStage] = mapped_column(string_enum(TrackStage))
    to_stage: Mapped[TrackStage] = mapped_column(string_enum(TrackStage))
    side: Mapped[str] = mapped_column(sa.String(20))  # "startup" or "partner"
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)


class FeedbackShare(db.Model):
    """A signed link to a startup's feedback across pitch days, for investors or funding applications."""

    __tablename__ = "feedback_shares"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    secret: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_secret)
    label: Mapped[str] = mapped_column(sa.String(120), default="")
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    revoked_at = mapped_column(UTCDateTime())
