"""All models, imported here so Alembic and the app see the whole schema."""

from .accounts import RoleChange, RoleGrant, User
from .camps import Camp
from .events import AgendaBlock, BlockKind, Event, EventStatus, EventType

__all__ = ["AgendaBlock", "BlockKind", "Camp", "Event", "EventStatus", "EventType", "RoleChange", "RoleGrant",
           "User"]
