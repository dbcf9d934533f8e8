"""Human names of event types, statuses and agenda block kinds, translated."""

from flask_babel import lazy_gettext as _l

from ...models import BlockKind, EventStatus, EventType

STATUS_LABELS = {
    EventStatus.DRAFT: _l("Draft"),
    EventStatus.PUBLISHED: _l("Published"),
    EventStatus.POSTPONED: _l("Postponed"),
    EventStatus.CANCELLED: _l("Cancelled"),
}

TYPE_LABELS = {
    EventType.PITCH_DAY: _l("Pitch day"),
    EventType.WORKSHOP: _l("Workshop"),
    EventType.MEETUP: _l("Meetup"),
    EventType.DEMO_DAY: _l("Demo day"),
    EventType.OTHER: _l("Other"),
}


def status_label(status) -> str:
    return str(STATUS_LABELS[EventStatus(status)])


def type_label(kind) -> str:
    return str(TYPE_LABELS[EventType(kind)])


BLOCK_LABELS = {
    BlockKind.DOORS: _l("Doors open"),
    BlockKind.WELCOME: _l("Welcome"),
    BlockKind.PITCH_BLOCK: _l("Pitches"),
    BlockKind.JURY: _l("Jury deliberation"),
    BlockKind.AWARD: _l("Awards"),
    BlockKind.NETWORKING: _l("Networking"),
    BlockKind.TALK: _l("Talk"),
    BlockKind.CHALLENGE: _l("Challenge from industry"),
    BlockKind.BREAK: _l("Break"),
    BlockKind.OTHER: _l("Other"),
}


def block_label(kind) -> str:
    return str(BLOCK_LABELS[BlockKind(kind)])
