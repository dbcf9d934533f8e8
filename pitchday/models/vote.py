"""The audience vote (public choice) of an event: its settings and one vote per checked-in ticket."""

import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db

# No 0/O, 1/I/L: the screen code is read off a projector and typed on a phone.
SCREEN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SCREEN_CODE_LENGTH = 6


def new_screen_code() -> str:
    return "".join(secrets.choice(SCREEN_CODE_ALPHABET) for _ in range(SCREEN_CODE_LENGTH))


class AudienceVoteSettings(db.Model):
    """One row per event that has (had) an audience vote: open while ``opened_at`` is set and ``closed_at`` not."""

    __tablename__ = "audience_vote_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    # Shown on the projector; with a ticket code it finds the event on the /vote form.
    screen_code: Mapped[str] = mapped_column(sa.String(12), unique=True, default=new_screen_code)
    opened_at = mapped_column(UTCDateTime())
    closed_at = mapped_column(UTCDateTime())
    published_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    event = relationship("Event")

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None

    @property
    def is_closed(self) -> bool:
        return self.opened_at is not None and self.closed_at is not None


class AudienceVote(db.Model):
    """A checked-in ticket's one vote: the unique (event, registration) is what makes it one."""

    __tablename__ = "audience_votes"
    __table_args__ = (
        sa.UniqueConstraint("event_id", "registration_id"),
        sa.Index("ix_audience_votes_event_application", "event_id", "application_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    registration_id: Mapped[int] = mapped_column(sa.ForeignKey("registrations.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(sa.ForeignKey("applications.id", ondelete="CASCADE"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    application = relationship("Application")
