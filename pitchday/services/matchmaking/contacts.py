"""A startup's contacts after the event: the people it met and those who asked to meet it, each only when
they agreed to share their contact (an attendee's opt-in; a juror asking for a follow-up talk shares theirs)."""

import csv
import io
from dataclasses import dataclass

import sqlalchemy as sa

from ...database import utcnow
from ...extensions import db
from ...models.matchmaking import MatchmakingProfile, Meeting, MeetingRequest, MeetingStatus, RequestSide, RequestStatus


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


def contacts_csv(contacts: list[Contact]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "organisation", "email", "attendee_type", "met", "asked_to_meet", "reason"])
    for c in contacts:
        writer.writerow([_safe(c.name), _safe(c.organisation), c.email, c.attendee_type, "yes" if c.met else "no",
                         "yes" if c.asked else "no", _safe(c.reason)])
    return out.getvalue()


def _safe(value: str) -> str:
    """Keep spreadsheets from running a cell typed by someone else as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
