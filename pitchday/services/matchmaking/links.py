"""How other areas' pages reach matchmaking: a section of the event page and a dashboard figure."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...extensions import db
from ...models.matchmaking import Meeting, MeetingStatus
from ..events import counts as event_counts


def count_meetings(event_ids: list[int]) -> dict[int, int]:
    """Placed meetings per event, in one query."""
    rows = db.session.execute(
        sa.select(Meeting.event_id, sa.func.count()).where(
            Meeting.event_id.in_(event_ids), Meeting.status == MeetingStatus.PLACED,
            Meeting.slot_index.is_not(None)).group_by(Meeting.event_id))
    return dict(rows.all())


event_counts.register("meetings", _l("Meetings arranged"), count_meetings)


def panel_context(event) -> dict | None:
    """Links on the event page: the organiser's grid, or the registered attendee's meeting page."""
    from ...permissions import can

    links = {"organise": can("matchmaking.organise", event=event), "attend": can("matchmaking.attend", event=event)}
    return {"event": event, **links} if any(links.values()) else None
