"""The live show of a pitch day: which startup is on stage, the phase of its slot and the timer, and the log of
the control room's actions (what "undo" goes back to)."""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class Phase(enum.StrEnum):
    WAITING = "waiting"  # the startup is called, its pitch has not started
    PITCH = "pitch"
    QA = "qa"
    ENDED = "ended"  # its slot is over (jurors finish scoring); past the last startup the show is over


def new_stage_secret() -> str:
    return secrets.token_urlsafe(24)


class LiveState(db.Model):
    """One row per event that has been run live. ``version`` grows with every action: an action names the
    version it saw and is refused when another came first (two organisers tapping "next" at once)."""

    __tablename__ = "live_states"
    __table_args__ = (sa.CheckConstraint("current >= 0", name="current_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    version: Mapped[int] = mapped_column(default=1)
    # Application ids in the show's order, comma-separated; empty while the show follows the running order
    # (before its first action), so changes to the running order until then are followed.
    order_ids: Mapped[str] = mapped_column(sa.Text, default="")
    current: Mapped[int] = mapped_column(default=0)  # index into the order; == its length once the show is over
    phase: Mapped[Phase] = mapped_column(sa.Enum(Phase, native_enum=False, length=20, values_callable=enum_values),
                                         default=Phase.WAITING)
    phase_started_at = mapped_column(UTCDateTime())
    # Seconds of the phase run when it was paused; NULL while the timer runs.
    paused_elapsed: Mapped[float | None] = mapped_column(sa.Float)
    awards_revealed: Mapped[bool] = mapped_column(default=False)
    started_at = mapped_column(UTCDateTime())  # the first pitch's actual start
    # The stage screen's link: whoever has it sees the stage (and nothing else); replaced to lock a link out.
    stage_secret: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_stage_secret)
    updated_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    @property
    def paused(self) -> bool:
        return self.paused_elapsed is not None


class LiveAction(db.Model):
    """One tap in the control room, with the state before it (JSON) so the last one can be undone."""

    __tablename__ = "live_actions"
    __table_args__ = (sa.Index("ix_live_actions_event_id_id", "event_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(sa.String(20))
    version: Mapped[int] = mapped_column()  # the version this action produced
    by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    before: Mapped[str] = mapped_column(sa.Text, default="{}")
    detail: Mapped[str] = mapped_column(sa.String(200), default="")
    at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    undone_at = mapped_column(UTCDateTime())


class LiveStaff(db.Model):
    """Someone an organiser lets run the control room of one event (by a signed link, like the door staff)."""

    __tablename__ = "live_staff"
    __table_args__ = (sa.UniqueConstraint("event_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    revoked_at = mapped_column(UTCDateTime())

    user = relationship("User", foreign_keys=[user_id])
