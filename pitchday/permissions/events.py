"""Rules about events. Other areas build on the first two: who sees an event, who manages it."""

from ..models import EventStatus
from .camps import organises
from .core import rule


def manages(user, event) -> bool:
    """Organisers of the event's camp and hub admins manage an event."""
    return user is not None and organises(user, event.camp)


@rule("event.view", public=True)
def event_view(user, event, **_objects):
    """Anyone sees a non-draft event; a draft only its managers."""
    return event.status != EventStatus.DRAFT or manages(user, event)


@rule("event.manage")
def event_manage(user, event, **_objects):
    return manages(user, event)


@rule("event.create")
def event_create(user, camp):
    """Organisers schedule events for their own camp; hub admins for any camp."""
    return organises(user, camp)


@rule("event.block.manage")
def event_block_manage(user, block):
    return manages(user, block.event)


@rule("event.personal_feed", public=True)
def event_personal_feed(user, owner):
    """The secret address is the permission: whoever has it reads the feed (calendar apps have no session)."""
    return owner is not None
