"""People, their roles and the record of role changes."""

import secrets

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..enums import Role, RoleAction
from ..extensions import db


def new_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    # Null for people who only ever log in through an invitation link (jurors, door staff).
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    email_confirmed_at = mapped_column(UTCDateTime())
    locale: Mapped[str] = mapped_column(sa.String(5), default="de")
    # Rotated on password change, so a password-reset link works once (the sessions are UserSession rows).
    session_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    # Secret part of the personal calendar feed address; reset from the account page.
    feed_token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_token)
    is_active_account: Mapped[bool] = mapped_column(default=True)
    # Two-step sign-in: the TOTP secret, encrypted with a key derived from SECRET_KEY (services/accounts/two_step);
    # the time step of the last code accepted, so one code cannot be used twice.
    totp_secret: Mapped[str | None] = mapped_column(sa.String(255))
    totp_enabled_at = mapped_column(UTCDateTime())
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", foreign_keys="RoleGrant.user_id"
    )

    # The token of the browser session this object was loaded for (models/account_security.UserSession).
    browser_session_token = None

    def get_id(self) -> str | None:
        return self.browser_session_token

    @property
    def two_step_enabled(self) -> bool:
        return self.totp_enabled_at is not None

    @property
    def is_active(self) -> bool:
        return self.is_active_account

    @property
    def is_hub_admin(self) -> bool:
        return any(g.role == Role.HUB_ADMIN for g in self.grants)

    def organised_camp_ids(self) -> set[int]:
        return {g.camp_id for g in self.grants if g.role == Role.CAMP_ORGANISER}

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class RoleGrant(db.Model):
    """A standing role: hub admin (no camp) or organiser of one camp."""

    __tablename__ = "role_grants"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "role", "camp_id"),
        # NULLs are distinct in a unique constraint, so camp-less roles (hub admin) need their own index.
        sa.Index("uq_role_grants_campless", "user_id", "role", unique=True,
                 sqlite_where=sa.text("camp_id IS NULL"), postgresql_where=sa.text("camp_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(sa.Enum(Role, native_enum=False, length=32, values_callable=enum_values))
    camp_id: Mapped[int | None] = mapped_column(sa.ForeignKey("camps.id", ondelete="CASCADE"))
    granted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    user: Mapped[User] = relationship(back_populates="grants", foreign_keys=[user_id])
    camp = relationship("Camp")


class RoleChange(db.Model):
    """Audit trail: who gave or took which role from whom, and when. Never updated, never deleted."""

    __tablename__ = "role_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    subject_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # Copied so the record stays readable after an account is deleted.
    subject_email: Mapped[str] = mapped_column(sa.String(254))
    role: Mapped[str] = mapped_column(sa.String(32))
    action: Mapped[RoleAction] = mapped_column(sa.Enum(RoleAction, native_enum=False, length=16,
                                                       values_callable=enum_values))
    camp_id: Mapped[int | None] = mapped_column(sa.ForeignKey("camps.id", ondelete="SET NULL"))
    scope: Mapped[str | None] = mapped_column(sa.String(120))
    at = mapped_column(UTCDateTime(), default=utcnow, nullable=False, index=True)

    actor = relationship(User, foreign_keys=[actor_id])
    subject = relationship(User, foreign_keys=[subject_id])
    camp = relationship("Camp")
