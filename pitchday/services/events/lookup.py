"""Loading events for routes (used by every area's ``guard`` loaders)."""

from flask import abort

from ...extensions import db
from ...models import AgendaBlock, Event, User


def load_event(event_id: int) -> Event:
    """The event or 404."""
    event = db.session.get(Event, event_id)
    if event is None:
        abort(404)
    return event


def load_block(event_id: int, block_id: int) -> AgendaBlock:
    """An agenda block of that event, or 404 (a block id under another event's address is not found)."""
    block = db.session.get(AgendaBlock, block_id)
    if block is None or block.event_id != event_id:
        abort(404)
    return block


def load_feed_owner(token: str) -> User:
    """The person whose private calendar address this is, or 404 (also for a replaced token)."""
    user = db.session.scalar(db.select(User).filter_by(feed_token=token)) if token else None
    if user is None:
        abort(404)
    return user
