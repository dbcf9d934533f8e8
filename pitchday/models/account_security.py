"""Where someone is signed in (one row per browser session) and their two-step sign-in recovery codes."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from .accounts import new_token


class UserSession(db.Model):
    """One signed-in browser: its random token is what the session and remember-me cookies carry, so deleting
    the row ends that browser's session on the server, whatever cookie a copy of it still holds."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    user_agent: Mapped[str] = mapped_column(sa.String(300), default="")
    ip_address: Mapped[str] = mapped_column(sa.String(45), default="")
    # "password" or the scope of a role link ("juror", "door"): shown on the account page.
    kind: Mapped[str] = mapped_column(sa.String(20), default="password")
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    last_seen_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    user = relationship("User")


class RecoveryCode(db.Model):
    """A one-time code for two-step sign-in without the phone; only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    used_at = mapped_column(UTCDateTime())
