"""Rules of the live show: who runs the control room, who watches the show's state, what the stage link opens."""

import sqlalchemy as sa
from flask import has_request_context, request

from ..extensions import db
from ..models import EventStatus
from ..models.live import LiveStaff, LiveState
from .core import link_scope, rule
from .events import manages
from .jury import active_juror


def is_live_staff(user, event_id: int) -> bool:
    """Given the control room of this event and not revoked (also asked by role links)."""
    return user is not None and db.session.scalar(sa.select(sa.func.count()).select_from(LiveStaff).where(
        LiveStaff.event_id == event_id, LiveStaff.user_id == user.id, LiveStaff.revoked_at.is_(None))) > 0


@rule("live.control", link_scopes=("live_staff",))
def live_control(user, event, **_objects):
    """The event's organisers and hub admins; control-room staff of this event (their link reaches no other)."""
    scope = link_scope()
    if scope and scope.get("scope") == "live_staff":
        return scope.get("event_id") == event.id and is_live_staff(user, event.id)
    return manages(user, event) or is_live_staff(user, event.id)


def _stage_secret_matches(event) -> bool:
    secret = request.args.get("stage", "") if has_request_context() else ""
    if not secret or len(secret) > 64:
        return False
    return db.session.scalar(db.select(LiveState.stage_secret).filter_by(event_id=event.id)) == secret


@rule("live.watch", public=True)
def live_watch(user, event, **_objects):
    """The show's state: what the projector shows. Anyone for a public event; for a draft its organisers, staff,
    jurors and the stage link."""
    if event.status != EventStatus.DRAFT:
        return True
    if user is not None and (manages(user, event) or is_live_staff(user, event.id)
                             or active_juror(user, event.id) is not None):
        return True
    return _stage_secret_matches(event)


@rule("live.stage", public=True)
def live_stage(user, event=None, **_objects):
    """The stage screen: the secret link is the permission (the loader found the event by it)."""
    return event is not None
