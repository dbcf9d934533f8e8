"""Rules of industry challenges: companies post and read their answers, camp organisers review, startups answer.

A challenge that is not published is seen only by its company, the organisers of the camp that reviews it and
hub admins. A published challenge "for the hub's startups" is seen only by people who belong to a startup.
"""

from ..extensions import db
from ..models import ChallengeStatus, CompanyMember, StartupMember, Visibility
from .applications import is_member as is_startup_member
from .camps import organises
from .core import rule


def is_company_member(user, company) -> bool:
    if user is None or company is None or company.id is None:
        return False
    return db.session.scalar(db.select(CompanyMember.id).filter_by(company_id=company.id, user_id=user.id)) is not None


def belongs_to_a_startup(user) -> bool:
    return user is not None and db.session.scalar(db.select(StartupMember.id).filter_by(user_id=user.id)
                                                  .limit(1)) is not None


def _reviews(user, challenge) -> bool:
    return user is not None and organises(user, challenge.camp)


@rule("company.create")
def company_create(user, **_objects):
    """Anyone with an account can set up a company profile and becomes its first contact person."""
    return True


@rule("company.member")
def company_member(user, **_objects):
    """Contact people of any company: the menu offers them their company pages."""
    return db.session.scalar(db.select(CompanyMember.id).filter_by(user_id=user.id).limit(1)) is not None


@rule("company.manage")
def company_manage(user, company, **_objects):
    """The company's contact people post challenges and read the answers; hub admins help."""
    return is_company_member(user, company) or user.is_hub_admin


@rule("challenge.view", public=True)
def challenge_view(user, challenge, **_objects):
    published = challenge.status == ChallengeStatus.PUBLISHED
    if published and (challenge.visibility == Visibility.PUBLIC or belongs_to_a_startup(user)):
        return True
    return user is not None and (is_company_member(user, challenge.company) or _reviews(user, challenge))


@rule("challenge.edit")
def challenge_edit(user, challenge, **_objects):
    return is_company_member(user, challenge.company) or user.is_hub_admin


@rule("challenge.review")
def challenge_review(user, challenge, **_objects):
    """The organisers of the camp the company chose (or hub admins) publish or return a challenge."""
    return _reviews(user, challenge)


@rule("challenge.review_queue")
def challenge_review_queue(user, **_objects):
    return user.is_hub_admin or bool(user.organised_camp_ids())


@rule("challenge.answer")
def challenge_answer(user, challenge, startup, **_objects):
    """A startup's members answer a challenge they can see."""
    return is_startup_member(user, startup) and challenge_view(user, challenge)


@rule("challenge.browse", public=True)
def challenge_browse(user, **_objects):
    """The list shows each visitor only the challenges ``challenge.view`` lets them see."""
    return True
