"""The small moderation step: a challenge moves through its states by one table and one function.

draft → in review (the company sends it) → published or returned (the camp's organisers decide, with a note)
→ returned goes back into review when sent again; published or any earlier state → closed (the company ends it).
"""

from flask_babel import gettext as _

from ... import mail
from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import Challenge, ChallengeStatus, User
from ..accounts.account import external_url
from ..audit import trail as audit
from .companies import contacts_of

S = ChallengeStatus
MOVES = {
    S.DRAFT: {S.IN_REVIEW, S.CLOSED},
    S.IN_REVIEW: {S.PUBLISHED, S.RETURNED, S.CLOSED},
    S.RETURNED: {S.IN_REVIEW, S.CLOSED},
    S.PUBLISHED: {S.CLOSED, S.IN_REVIEW},
    S.CLOSED: set(),
}
DECISIONS = {S.PUBLISHED, S.RETURNED}


def move(challenge: Challenge, to: ChallengeStatus, *, by: User, note: str = "") -> None:
    """Check the move against ``MOVES`` with a conditional UPDATE (two organisers deciding at once: one wins),
    record who decided, and tell the company about a decision."""
    to = ChallengeStatus(to)
    if to not in MOVES[challenge.status]:
        raise Conflict(_("This challenge cannot be moved from here; reload the page."), code="bad_move")
    if to == S.RETURNED and not note.strip():
        raise Invalid(_("Say what the company should change."), field="note")
    before = challenge.status
    values = {"status": to}
    if to in DECISIONS:
        values |= {"reviewed_by_id": by.id, "reviewed_at": utcnow(), "review_note": note.strip()[:500]}
    changed = db.session.execute(db.update(Challenge).where(Challenge.id == challenge.id, Challenge.status == before)
                                 .values(**values)).rowcount
    db.session.refresh(challenge)
    if changed != 1:
        raise Conflict(_("Someone else has just decided on this challenge."), code="changed_meanwhile")
    if to in DECISIONS:  # the camp's organisers decide; the company's own moves are not staff's changes
        audit.record(by, f"challenge.{to.value}", subject=challenge, camp=challenge.camp, before={"status": before},
                     after={"status": to, **({"note": note.strip()[:500]} if note.strip() else {})})
        _tell_company(challenge)


def _tell_company(challenge: Challenge) -> None:
    link = external_url("challenges.show", challenge_id=challenge.id)
    for user in contacts_of(challenge.company):
        mail.queue(mail.render("challenges_reviewed", to=user.email, locale=user.locale, challenge=challenge,
                               link=link))
