"""A startup's contacts after the event: the people it met and those who asked to meet it, each only when
they agreed to share their contact (an attendee's opt-in; a juror asking for a follow-up talk shares theirs)."""

from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...database import utcnow
from ...extensions import db
from ...models.matchmaking import MatchmakingProfile, Meeting, MeetingRequest, MeetingStatus, RequestSide, RequestStatus
from ..impact.labels import attendee_type_label


@dataclass(frozen=True)
class Contact:
    name: str
    organisation: str
    email: str
    attendee_type: str
    met: bool  # a meeting took place in the networking block
    asked: bool  # they asked the startup for a meeting
    reason: str


def event_is_over(event) -> bool:
    return event.ends_at <= utcnow()


def contacts_for(startup, event) -> list[Contact]:
    """Everyone met or asking, who shares their contact; ordered by name. Two queries, whatever the size."""
    rows = db.session.execute(
        sa.select(MeetingRequest, MatchmakingProfile.share_contact)
        .outerjoin(MatchmakingProfile, MatchmakingProfile.registration_id == MeetingRequest.registration_id)
        .where(MeetingRequest.event_id == event.id, MeetingRequest.startup_id == startup.id,
               MeetingRequest.status != RequestStatus.WITHDRAWN)).all()
    met_ids = set(db.session.scalars(
        sa.select(Meeting.request_id).where(Meeting.event_id == event.id, Meeting.startup_id == startup.id,
                                            Meeting.status == MeetingStatus.PLACED,
                                            Meeting.slot_index.is_not(None))))
    contacts = []
    for request, shares in rows:
        met = request.id in met_ids
        asked = request.requested_by != RequestSide.STARTUP
        if not (met or asked):
            continue
        if request.juror_user_id:
            if request.requested_by != RequestSide.JUROR:
                continue
            contacts.append(Contact(request.juror.name, "", request.juror.email, "juror", met, asked,
                                    request.reason))
        elif shares:
            reg = request.registration
            contacts.append(Contact(reg.name, reg.organisation, reg.email, str(reg.attendee_type), met, asked,
                                    request.reason if asked else ""))
    return sorted(contacts, key=lambda c: c.name.lower())


CONTACTS_HEADER = [_l("Name"), _l("Organisation"), _l("E-mail"), _l("Attendee type"), _l("Met"),
                   _l("Asked to meet"), _l("Reason")]


def contact_rows(contacts: list[Contact]) -> Iterator[list]:
    """Rows for the one CSV writer, which neutralises what attendees typed (name, organisation, reason)."""
    for c in contacts:
        yield [c.name, c.organisation, c.email, attendee_type_label(c.attendee_type),
               _l("yes") if c.met else _l("no"), _l("yes") if c.asked else _l("no"), c.reason]
