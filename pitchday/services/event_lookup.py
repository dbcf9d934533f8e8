"""Loading events for routes (used by every area's ``guard`` loaders)."""

from flask import abort

from ..extensions import db
from ..models import Event


def load_event(event_id: int) -> Event:
    """The event or 404."""
    event = db.session.get(Event, event_id)
    if event is None:
        abort(404)
    return event
