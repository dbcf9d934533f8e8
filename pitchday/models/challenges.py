"""Companies from industry and the Mittelstand, the challenges they post for startups, and startups' proposals.

A challenge is reviewed by the organisers of the camp the company names before anyone else sees it; a startup
answers a challenge once (unique pair), and the company shortlists and invites from the answers.
"""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, string_enum, utcnow
from ..extensions import db


class ChallengeStatus(enum.StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    RETURNED = "returned"  # the camp's organisers asked for changes
    CLOSED = "closed"


class Visibility(enum.StrEnum):
    PUBLIC = "public"
    STARTUPS = "startups"  # only people who belong to a startup of the hub


class ProposalStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    INVITED = "invited"
    DECLINED = "declined"


class Company(db.Model):
    """An industry or Mittelstand company's profile; its contact people are accounts (``CompanyMember``)."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    sector_slugs: Mapped[str] = mapped_column(sa.String(500), default="")
    city: Mapped[str] = mapped_column(sa.String(120), default="")
    website: Mapped[str] = mapped_column(sa.String(300), default="")
    description: Mapped[str] = mapped_column(sa.Text, default="")
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    members: Mapped[list["CompanyMember"]] = relationship(back_populates="company", cascade="all, delete-orphan")

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sector_slugs.split(",") if s]


class CompanyMember(db.Model):
    __tablename__ = "company_members"
    __table_args__ = (sa.UniqueConstraint("company_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    company: Mapped[Company] = relationship(back_populates="members")
    user = relationship("User")


class Challenge(db.Model):
    __tablename__ = "challenges"
    __table_args__ = (sa.Index("ix_challenges_status_deadline", "status", "deadline"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(sa.ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    camp_id: Mapped[int] = mapped_column(sa.ForeignKey("camps.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(sa.String(160))
    problem: Mapped[str] = mapped_column(sa.Text)
    pilot: Mapped[str] = mapped_column(sa.Text, default="")
    sector_slug: Mapped[str] = mapped_column(sa.String(40))
    deadline = mapped_column(UTCDateTime(), nullable=False)
    visibility: Mapped[Visibility] = mapped_column(string_enum(Visibility), default=Visibility.PUBLIC)
    status: Mapped[ChallengeStatus] = mapped_column(string_enum(ChallengeStatus), default=ChallengeStatus.DRAFT)
    review_note: Mapped[str] = mapped_column(sa.String(500), default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)

    company: Mapped[Company] = relationship()
    camp = relationship("Camp")


class ChallengeProposal(db.Model):
    """A startup's short answer to a challenge: one per startup and challenge."""

    __tablename__ = "challenge_proposals"
    __table_args__ = (sa.UniqueConstraint("challenge_id", "startup_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(sa.ForeignKey("challenges.id", ondelete="CASCADE"), index=True)
    startup_id: Mapped[int] = mapped_column(sa.ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    summary: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ProposalStatus] = mapped_column(string_enum(ProposalStatus), default=ProposalStatus.SUBMITTED)
    submitted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    decided_at = mapped_column(UTCDateTime())
    meeting_request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meeting_requests.id", ondelete="SET NULL"))

    challenge: Mapped[Challenge] = relationship()
    startup = relationship("Startup")
