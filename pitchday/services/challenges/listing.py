"""Which challenges a visitor sees: published ones (those for the hub's startups only to startup people), the
review queue of a camp's organisers, a company's own; each list in one query."""

from dataclasses import dataclass

import sqlalchemy as sa

from ...database import utcnow
from ...extensions import db
from ...models import Camp, Challenge, ChallengeProposal, ChallengeStatus, Company, User, Visibility
from ...permissions.challenges import belongs_to_a_startup


@dataclass(frozen=True)
class Filters:
    sector: str = ""
    camp: str = ""


def open_challenges(user: User | None, filters: Filters = Filters()) -> list[Challenge]:
    """Published challenges whose deadline has not passed, soonest deadline first."""
    statement = (sa.select(Challenge).join(Company).join(Camp, Camp.id == Challenge.camp_id)
                 .where(Challenge.status == ChallengeStatus.PUBLISHED, Challenge.deadline > utcnow())
                 .options(sa.orm.contains_eager(Challenge.company), sa.orm.contains_eager(Challenge.camp))
                 .order_by(Challenge.deadline, Challenge.id))
    if not belongs_to_a_startup(user):
        statement = statement.where(Challenge.visibility == Visibility.PUBLIC)
    if filters.sector:
        statement = statement.where(Challenge.sector_slug == filters.sector)
    if filters.camp:
        statement = statement.where(Camp.slug == filters.camp)
    return list(db.session.scalars(statement))


def review_queue(user: User) -> list[Challenge]:
    """Challenges waiting for a decision by this organiser's camps (every camp for hub admins)."""
    statement = (sa.select(Challenge).where(Challenge.status == ChallengeStatus.IN_REVIEW)
                 .options(sa.orm.selectinload(Challenge.company), sa.orm.selectinload(Challenge.camp))
                 .order_by(Challenge.created_at))
    if not user.is_hub_admin:
        statement = statement.where(Challenge.camp_id.in_(user.organised_camp_ids() or {0}))
    return list(db.session.scalars(statement))


def of_company(company: Company) -> list[tuple[Challenge, int]]:
    """The company's challenges with their number of answers."""
    answers = (sa.select(sa.func.count()).where(ChallengeProposal.challenge_id == Challenge.id)
               .correlate(Challenge).scalar_subquery())
    return list(db.session.execute(sa.select(Challenge, answers).where(Challenge.company_id == company.id)
                                   .order_by(Challenge.created_at.desc())).all())


def by_id(challenge_id: int) -> Challenge:
    from flask import abort

    return db.session.get(Challenge, challenge_id) or abort(404)
