"""The audience vote: organisers open and close it, checked-in attendees vote once for one pitch.

"Once" is the database's decision: an INSERT ... ON CONFLICT (event_id, registration_id) DO NOTHING
RETURNING id; a row back means this request's vote counted, none means the ticket had already voted
(psycopg reports rowcount -1 for ON CONFLICT, so RETURNING is what tells). Eligibility: a confirmed
registration of the event that is checked in now (the check-in area's ``is_checked_in``); the pitches are
the event's running order (``running_order.slots_for``).
"""

import hmac
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..models import Event, Registration, RegistrationStatus
from ..models.vote import AudienceVote, AudienceVoteSettings, new_screen_code
from .applications.running_order import slots_for
from .audit import trail as audit
from .checkin.scan import is_checked_in


def settings_of(event: Event) -> AudienceVoteSettings | None:
    return db.session.scalar(sa.select(AudienceVoteSettings).filter_by(event_id=event.id))


def _ensure_settings(event: Event) -> AudienceVoteSettings:
    settings = settings_of(event)
    if settings is not None:
        return settings
    for _attempt in range(5):  # a screen code collision (1 in 10^9) is retried with a new code
        try:
            with db.session.begin_nested():
                settings = AudienceVoteSettings(event_id=event.id, screen_code=new_screen_code())
                db.session.add(settings)
            return settings
        except IntegrityError:
            existing = settings_of(event)
            if existing is not None:  # another organiser opened it meanwhile
                return existing
    raise Conflict(_("Could not create a screen code. Please try again."), code="screen_code")


def open_vote(event: Event, *, by) -> AudienceVoteSettings:
    """Open (or reopen) the vote; votes already cast stay counted."""
    if not slots_for(event):
        raise Invalid(_("The event has no running order yet: there is nothing to vote for."), code="no_pitches")
    settings = _ensure_settings(event)
    if settings.published_at is not None:
        raise Conflict(_("The result is published. Withdraw it before opening the vote again."), code="published")
    settings.opened_at = settings.opened_at or utcnow()
    settings.closed_at = None
    return settings


def close_vote(event: Event, *, by) -> AudienceVoteSettings:
    settings = settings_of(event)
    if settings is None or not settings.is_open:
        raise Conflict(_("The vote is not open."), code="not_open")
    settings.closed_at = utcnow()
    return settings


def publish(event: Event, *, by, published: bool = True) -> AudienceVoteSettings:
    settings = settings_of(event)
    if published and (settings is None or not settings.is_closed):
        raise Conflict(_("Close the vote before publishing its result."), code="not_closed")
    if settings is not None:
        if bool(settings.published_at) != published:
            audit.record(by, "vote.results_published" if published else "vote.results_withdrawn", subject=event)
        settings.published_at = utcnow() if published else None
    return settings


def is_open(event_id: int) -> bool:
    return bool(db.session.scalar(sa.select(sa.func.count()).select_from(AudienceVoteSettings).where(
        AudienceVoteSettings.event_id == event_id, AudienceVoteSettings.opened_at.is_not(None),
        AudienceVoteSettings.closed_at.is_(None))))


@dataclass(frozen=True)
class Ballot:
    """What the attendee's page shows: ``state`` decides the message, ``slots`` the buttons."""

    state: str  # not_open, closed, not_confirmed, not_checked_in, voted, can_vote
    settings: AudienceVoteSettings | None
    slots: list
    voted_for: object = None  # the Application voted for


def my_vote(registration: Registration) -> AudienceVote | None:
    return db.session.scalar(sa.select(AudienceVote).filter_by(event_id=registration.event_id,
                                                               registration_id=registration.id))


def ballot(registration: Registration) -> Ballot:
    settings = settings_of(registration.event)
    vote = my_vote(registration)
    slots = slots_for(registration.event)
    if vote is not None:
        return Ballot("voted", settings, slots, vote.application)
    if settings is None or settings.opened_at is None:
        state = "not_open"
    elif settings.closed_at is not None:
        state = "closed"
    elif registration.status != RegistrationStatus.CONFIRMED:
        state = "not_confirmed"
    elif registration.id not in is_checked_in([registration.id]):
        state = "not_checked_in"
    else:
        state = "can_vote"
    return Ballot(state, settings, slots)


def _insert():
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(AudienceVote.__table__)


def cast(registration: Registration, application_id: int) -> bool:
    """Record the ticket's vote; True when this call's vote counted, False when the ticket had already voted.

    Raises when the vote is not open, the ticket may not vote, or the pitch is not in the running order."""
    current = ballot(registration)
    if current.state == "voted":
        return False
    if current.state != "can_vote":
        raise Conflict(STATE_MESSAGES[current.state](), code=current.state)
    if application_id not in {slot.application.id for slot in current.slots}:
        raise Invalid(_("Choose one of the pitches."), code="unknown_pitch", field="application_id")
    stmt = (_insert().values(event_id=registration.event_id, registration_id=registration.id,
                             application_id=application_id, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=["event_id", "registration_id"])
            .returning(AudienceVote.__table__.c.id))
    return db.session.execute(stmt).scalar() is not None


STATE_MESSAGES = {
    "not_open": lambda: _("The audience vote has not opened yet. Please wait until the organisers open it."),
    "closed": lambda: _("The audience vote is closed."),
    "not_confirmed": lambda: _("Only confirmed tickets can vote."),
    "not_checked_in": lambda: _("Your ticket is not checked in yet. Check in at the door, then vote."),
}


def find_ticket(screen_code: str, ticket_code: str) -> Registration:
    """The ticket for the /vote form: the screen code names the event, the ticket code the registration."""
    screen_code = (screen_code or "").strip().upper().replace(" ", "")
    ticket_code = (ticket_code or "").strip()
    settings = db.session.scalar(sa.select(AudienceVoteSettings).filter_by(screen_code=screen_code[:12]))
    if settings is None or not settings.opened_at:
        raise NotFound(_("There is no audience vote with this screen code. Check the code on the screen."),
                       code="unknown_screen_code", field="screen_code")
    registration = db.session.scalar(sa.select(Registration).filter_by(ticket_secret=ticket_code[:64])) \
        if ticket_code else None
    # compare_digest: the lookup is by index anyway; this only keeps the check itself constant-time.
    if registration is None or not hmac.compare_digest(registration.ticket_secret, ticket_code[:64]):
        raise NotFound(_("We do not know this ticket code. It is printed under the QR code of your ticket."),
                       code="unknown_ticket", field="ticket_code")
    if registration.event_id != settings.event_id:
        raise Invalid(_("This ticket is for another event."), code="other_event", field="ticket_code")
    return registration


def eligible_count(event: Event) -> int:
    """Confirmed tickets of the event that are checked in now: who may vote."""
    ids = db.session.scalars(sa.select(Registration.id).where(
        Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED)).all()
    return len(is_checked_in(ids))


@dataclass(frozen=True)
class Tally:
    rows: list  # [(slot, votes, place)], most votes first, running order breaking no ties (shared places)
    total: int


def tally(event: Event) -> Tally:
    """Votes per pitch of the running order, in one GROUP BY query besides the running order itself."""
    counts = dict(db.session.execute(
        sa.select(AudienceVote.application_id, sa.func.count()).where(AudienceVote.event_id == event.id)
        .group_by(AudienceVote.application_id)).all())
    ordered = sorted(slots_for(event), key=lambda s: (-counts.get(s.application.id, 0), s.position))
    rows, place, previous = [], 0, None
    for index, slot in enumerate(ordered, start=1):
        votes = counts.get(slot.application.id, 0)
        if votes != previous:
            place, previous = index, votes
        rows.append((slot, votes, place))
    return Tally(rows, sum(counts.values()))
