"""A startup's feedback across pitch days, over time, and the signed links it shares it with (and revokes).

The feedback is what the jury published to the startup after each pitch day (``jury.publish.feedback_for``):
per criterion its mean against the field's median, and the comments, without jurors' names.
"""

from dataclasses import dataclass

from flask_babel import gettext as _

from ...database import utcnow
from ...errors import Conflict
from ...extensions import db
from ...models import Application, FeedbackShare, JuryPublication, PitchSlot, Startup, User
from ..jury import results as jury_results
from ..jury.publish import Feedback, feedback_for

MAX_SHARES = 20


@dataclass
class PitchFeedback:
    event: object
    feedback: Feedback


def history(startup: Startup) -> list[PitchFeedback]:
    """Feedback of every published pitch day the startup pitched at, oldest first (a line over time)."""
    applications = db.session.scalars(
        db.select(Application).join(PitchSlot, PitchSlot.application_id == Application.id)
        .join(JuryPublication, JuryPublication.event_id == Application.event_id)
        .where(Application.startup_id == startup.id)).all()
    out = []
    for application in applications:
        results = jury_results.load(application.event)
        out.append(PitchFeedback(application.event, feedback_for(results, application)))
    return sorted(out, key=lambda p: p.event.starts_at)


def shares_of(startup: Startup) -> list[FeedbackShare]:
    return list(db.session.scalars(db.select(FeedbackShare).filter_by(startup_id=startup.id)
                                   .order_by(FeedbackShare.created_at.desc())))


def share(startup: Startup, *, by: User, label: str) -> FeedbackShare:
    active = db.session.scalar(db.select(db.func.count()).select_from(FeedbackShare)
                               .filter_by(startup_id=startup.id, revoked_at=None))
    if active >= MAX_SHARES:
        raise Conflict(_("Revoke a link before you make another one."), code="too_many")
    link = FeedbackShare(startup_id=startup.id, label=" ".join((label or "").split())[:120], created_by_id=by.id)
    db.session.add(link)
    db.session.flush()
    return link


def revoke(startup: Startup, share_id: int) -> None:
    link = db.session.get(FeedbackShare, share_id)
    if link is None or link.startup_id != startup.id:
        from flask import abort

        abort(404)
    link.revoked_at = link.revoked_at or utcnow()
    db.session.flush()


def by_secret(secret: str) -> FeedbackShare:
    """A link that is valid (not revoked), or 404: a revoked link looks exactly like one that never existed."""
    from flask import abort

    link = db.session.scalar(db.select(FeedbackShare).filter_by(secret=(secret or "")[:64], revoked_at=None))
    return link or abort(404)
