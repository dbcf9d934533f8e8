"""Startups and their members: one profile that serves every camp."""

import enum
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class Stage(enum.StrEnum):
    IDEA = "idea"
    PRE_SEED = "pre_seed"
    SEED = "seed"
    SERIES_A_PLUS = "series_a_plus"


class MemberRole(enum.StrEnum):
    FOUNDER = "founder"
    MEMBER = "member"


class Startup(db.Model):
    __tablename__ = "startups"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    one_liner: Mapped[str] = mapped_column(sa.String(200), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    sector_slugs: Mapped[str] = mapped_column(sa.String(500), default="")
    stage: Mapped[Stage] = mapped_column(sa.Enum(Stage, native_enum=False, length=20, values_callable=enum_values),
                                         default=Stage.IDEA)
    founded_year: Mapped[int | None] = mapped_column()
    city: Mapped[str] = mapped_column(sa.String(120), default="")
    website: Mapped[str] = mapped_column(sa.String(300), default="")
    contact_name: Mapped[str] = mapped_column(sa.String(120), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(254), default="")
    team_size: Mapped[int | None] = mapped_column()
    # What the public page shows: the page at all (and a place in the showcase at /startups/), then the
    # description and the contact person. Nothing is public until the startup says so.
    is_public: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    public_description: Mapped[bool] = mapped_column(default=True)
    public_contact: Mapped[bool] = mapped_column(default=False)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    members: Mapped[list["StartupMember"]] = relationship(back_populates="startup", cascade="all, delete-orphan")

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sector_slugs.split(",") if s]

    def __repr__(self) -> str:
        return f"<Startup {self.slug}>"


class StartupMember(db.Model):
    __tablename__ = "startup_members"
    __table_args__ = (sa.UniqueConstraint("startup_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(sa.Enum(MemberRole, native_enum=False, length=20,
                                                     values_callable=enum_values), default=MemberRole.MEMBER)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    startup: Mapped[Startup] = relationship(back_populates="members")
    user = relationship("User")


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


class StartupInvitation(db.Model):
    """A co-founder invited by e-mail; the random token in the link is the only way to accept it."""

    __tablename__ = "startup_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    token: Mapped[str] = mapped_column(sa.String(64), unique=True, default=new_invitation_token)
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    accepted_at = mapped_column(UTCDateTime())

    startup: Mapped[Startup] = relationship()
    invited_by = relationship("User")
