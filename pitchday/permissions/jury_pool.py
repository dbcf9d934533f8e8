"""Rules of the hub's juror pool: a juror's own page, reachable for everyone who was asked or joined the pool."""

from ..extensions import db
from ..models import Juror, JurorProfile
from .core import rule


@rule("jury.pool.own")
def jury_pool_own(user, **_objects):
    """Shown in the navigation to people with jury evenings or a pool profile; anyone signed in may open it."""
    return (db.session.scalar(db.select(Juror.id).filter_by(user_id=user.id).limit(1)) is not None
            or db.session.scalar(db.select(JurorProfile.id).filter_by(user_id=user.id)) is not None)
