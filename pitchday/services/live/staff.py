"""Control-room staff of one event, reached by signed links like the door staff; and the stage screen's link.

Giving and taking the role is written to the role log; a revoked person's link stops working at once.
"""

import sqlalchemy as sa
from flask_babel import gettext as _

from ...database import utcnow
from ...enums import LinkScope, RoleAction
from ...errors import Conflict, NotFound
from ...extensions import db
from ...models import Event, User
from ...models.live import LiveStaff, LiveState, new_stage_secret
from ..accounts import account as accounts
from ..accounts import role_links, roles
from . import state as live_state


def add(event: Event, *, email: str, name: str, by: User) -> LiveStaff:
    user = accounts.find_or_create_invitee(email=email, name=name)
    entry = db.session.scalar(sa.select(LiveStaff).filter_by(event_id=event.id, user_id=user.id))
    if entry is not None and entry.revoked_at is None:
        raise Conflict(_("%(name)s may already run the show.", name=user.name), field="email")
    if entry is None:
        entry = LiveStaff(event_id=event.id, user_id=user.id)
        db.session.add(entry)
    entry.revoked_at, entry.created_by_id = None, by.id
    roles.record(actor=by, subject=user, role=LinkScope.LIVE_STAFF, action=RoleAction.GRANTED,
                 scope=f"event:{event.id}")
    db.session.flush()
    return entry


def revoke(event: Event, entry_id: int, *, by: User) -> LiveStaff:
    entry = db.session.get(LiveStaff, entry_id)
    if entry is None or entry.event_id != event.id:
        raise NotFound(_("No such person."))
    if entry.revoked_at is None:
        entry.revoked_at = utcnow()
        roles.record(actor=by, subject=entry.user, role=LinkScope.LIVE_STAFF, action=RoleAction.REVOKED,
                     scope=f"event:{event.id}")
    db.session.flush()
    return entry


def staff_of(event: Event) -> list[LiveStaff]:
    return list(db.session.scalars(sa.select(LiveStaff).where(LiveStaff.event_id == event.id)
                                   .order_by(LiveStaff.revoked_at.is_not(None), LiveStaff.id)))


def invitation_link(entry: LiveStaff) -> str:
    token = role_links.make_token(entry.user, LinkScope.LIVE_STAFF, entry.event_id)
    return accounts.external_url("auth.role_link", token=token)


def stage_link(event: Event) -> str:
    state = live_state.ensure_state(event)
    return accounts.external_url("live_stage.stage", secret=state.stage_secret)


def new_stage_link(event: Event, *, by: User) -> str:
    """Replace the stage link: a projector still showing the old one stops getting the show."""
    state = live_state.ensure_state(event)
    state.stage_secret = new_stage_secret()
    db.session.flush()
    return stage_link(event)


def event_by_stage_secret(secret: str) -> Event | None:
    if not secret or len(secret) > 64 or "\x00" in secret:
        return None
    state = db.session.scalar(sa.select(LiveState).filter_by(stage_secret=secret))
    return db.session.get(Event, state.event_id) if state is not None else None
