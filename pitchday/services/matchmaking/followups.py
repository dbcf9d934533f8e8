"""Follow-ups: what came of a pitch day (a meeting, a pilot, an investment, a hire), recorded afterwards by
the event's organisers or by the startup itself, so the impact report shows outcomes."""

import sqlalchemy as sa
from flask_babel import gettext as _

from ...errors import Invalid
from ...extensions import db
from ...models.matchmaking import FollowUp, FollowUpKind


def record_follow_up(event, startup, *, kind: str, partner: str = "", note: str = "", by) -> FollowUp:
    """Add one outcome; the caller has checked that ``by`` organises the event or belongs to the startup."""
    try:
        kind = FollowUpKind(kind)
    except ValueError:
        raise Invalid(_("Choose what came of it."), field="kind") from None
    partner = " ".join((partner or "").split())
    if len(partner) > 200:
        raise Invalid(_("Please keep the partner's name under 200 characters."), field="partner")
    follow_up = FollowUp(event_id=event.id, startup_id=startup.id, kind=kind, partner=partner,
                         note=(note or "").strip()[:2000], recorded_by_id=by.id if by else None)
    db.session.add(follow_up)
    db.session.flush()
    return follow_up


def follow_ups_of(event, startup=None) -> list[FollowUp]:
    query = sa.select(FollowUp).filter_by(event_id=event.id)
    if startup is not None:
        query = query.filter_by(startup_id=startup.id)
    return list(db.session.scalars(query.order_by(FollowUp.created_at)))
