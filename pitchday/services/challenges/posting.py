"""A company writes a challenge: the problem, the sector, what a pilot could look like, a deadline, who sees it.

It stays a draft until the company sends it to the camp it chose for review (``review``); edits after that send
it back into review, so nothing unreviewed is ever public.
"""

from datetime import datetime

from flask_babel import gettext as _

from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import Camp, Challenge, ChallengeStatus, Company, User, Visibility
from ...sectors import SECTORS

FIELDS = ("title", "problem", "pilot", "sector_slug", "deadline", "visibility", "camp_id")


def _checked(values: dict) -> dict:
    if values.get("sector_slug") not in SECTORS:
        raise Invalid(_("Choose a sector."), field="sector_slug")
    deadline: datetime = values.get("deadline")
    if deadline is None or deadline <= utcnow():
        raise Invalid(_("The deadline must lie in the future."), field="deadline")
    if db.session.get(Camp, values.get("camp_id") or 0) is None:
        raise Invalid(_("Choose the camp that reviews the challenge."), field="camp_id")
    if not (values.get("title") or "").strip() or not (values.get("problem") or "").strip():
        raise Invalid(_("Describe the problem and give it a title."), field="problem")
    return {**values, "visibility": Visibility(values.get("visibility") or Visibility.PUBLIC),
            "title": values["title"].strip(), "problem": values["problem"].strip(),
            "pilot": (values.get("pilot") or "").strip()}


def create(company: Company, *, by: User, **values) -> Challenge:
    challenge = Challenge(company_id=company.id, created_by_id=by.id, status=ChallengeStatus.DRAFT,
                          **{k: v for k, v in _checked(values).items() if k in FIELDS})
    db.session.add(challenge)
    db.session.flush()
    return challenge


def update(challenge: Challenge, *, by: User, **values) -> None:
    if challenge.status == ChallengeStatus.CLOSED:
        raise Conflict(_("This challenge is closed."), code="closed")
    for key, value in _checked(values).items():
        if key in FIELDS:
            setattr(challenge, key, value)
    if challenge.status == ChallengeStatus.PUBLISHED:
        # A changed text is reviewed again before the public sees it.
        challenge.status = ChallengeStatus.IN_REVIEW
    db.session.flush()
