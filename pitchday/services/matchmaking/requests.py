"""Meeting requests: attendees and jurors ask startups of the line-up, startups ask visible attendees; when the
other side agrees, the pair is accepted and waits for a place in the networking block.

One row per pair (unique in the database). Asking for a pair the other side already asked for is agreeing.
"""


import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ...database import utcnow
from ...errors import Conflict, Invalid, NotAllowed
from ...extensions import db
from ...models import Registration, RegistrationStatus, Startup, StartupMember
from ...models.matchmaking import (
    MatchmakingProfile,
    MeetingRequest,
    RequestSide,
    RequestStatus,
)
from ..applications.running_order import slots_for
from ..tracks import stages as track_stages
from .notify import notify_request

OPEN = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


def lineup(event) -> list[Startup]:
    """The startups that pitch at the event, in running order."""
    return [slot.startup for slot in slots_for(event)]


def in_lineup(event, startup) -> bool:
    return any(s.id == startup.id for s in lineup(event))


def registration_of(event, user) -> Registration | None:
    """The user's confirmed registration for the event: linked to the account, or under the same address."""
    if user is None or not getattr(user, "is_authenticated", True):
        return None
    return db.session.scalar(
        sa.select(Registration).where(
            Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED,
            sa.or_(Registration.user_id == user.id, sa.func.lower(Registration.email) == user.email.lower()))
        .order_by(Registration.user_id.is_(None)))


def is_member(user, startup) -> bool:
    return user is not None and db.session.scalar(
        sa.select(sa.func.count()).select_from(StartupMember)
        .filter_by(user_id=user.id, startup_id=startup.id)) > 0


def profile_of(registration) -> MatchmakingProfile:
    profile = db.session.scalar(sa.select(MatchmakingProfile).filter_by(registration_id=registration.id))
    return profile or _nothing_chosen(registration)


def _nothing_chosen(registration) -> MatchmakingProfile:
    return MatchmakingProfile(registration_id=registration.id, visible=False, share_contact=False, looking_for="")


def set_profile(registration, *, visible: bool, share_contact: bool, looking_for: str = "",
                fresh: bool = False) -> MatchmakingProfile:
    """Store the attendee's opt-ins (both off unless they choose them). ``fresh``: the registration was made just
    now and has no profile yet."""
    if not (visible or share_contact or looking_for):
        # Nothing chosen is what a missing profile means (``profile_of``): at most one statement, and none for a
        # new registration, the common case in a registration rush.
        if fresh:
            return _nothing_chosen(registration)
        db.session.execute(sa.delete(MatchmakingProfile).where(MatchmakingProfile.registration_id == registration.id))
        return _nothing_chosen(registration)
    profile = db.session.scalar(sa.select(MatchmakingProfile).filter_by(registration_id=registration.id))
    if profile is None:
        profile = MatchmakingProfile(registration_id=registration.id)
        db.session.add(profile)
    profile.visible, profile.share_contact = bool(visible), bool(share_contact)
    profile.looking_for = (looking_for or "").strip()[:200]
    db.session.flush()
    return profile


def visible_attendees(event) -> list[tuple[Registration, MatchmakingProfile]]:
    """Confirmed attendees who chose to be seen by the event's startups, startups' own people left out."""
    rows = db.session.execute(
        sa.select(Registration, MatchmakingProfile)
        .join(MatchmakingProfile, MatchmakingProfile.registration_id == Registration.id)
        .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED,
               MatchmakingProfile.visible.is_(True), Registration.attendee_type != "startup")
        .order_by(Registration.organisation, Registration.name)).all()
    return [(r, p) for r, p in rows]


def _clean_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) > 200:
        raise Invalid(_("Please keep the reason to one line (200 characters at most)."), field="reason")
    return reason


def _ask(event, startup, *, side: RequestSide, reason: str, by_user=None, registration=None, juror=None):
    """Create the pair's request, or agree to the other side's; the unique constraints settle races."""
    if not in_lineup(event, startup):
        raise NotAllowed(_("Only startups that pitch at this event take meeting requests."), code="not_in_lineup")
    reason = _clean_reason(reason)
    counterpart = {"registration_id": registration.id} if registration else {"juror_user_id": juror.id}
    existing = db.session.scalar(sa.select(MeetingRequest).filter_by(event_id=event.id, startup_id=startup.id,
                                                                     **counterpart))
    if existing is None:
        request = MeetingRequest(event_id=event.id, startup_id=startup.id, requested_by=side, reason=reason,
                                 requested_by_user_id=by_user.id if by_user else None, **counterpart)
        try:
            with db.session.begin_nested():
                db.session.add(request)
        except IntegrityError:  # the other side (or a second tab) asked at the same moment
            existing = db.session.scalar(sa.select(MeetingRequest).filter_by(
                event_id=event.id, startup_id=startup.id, **counterpart))
        else:
            notify_request(request)
            return request
    request = _ask_again(existing, side=side, reason=reason, by_user=by_user)
    if request.status == RequestStatus.PENDING:
        notify_request(request)
    return request


def _ask_again(request: MeetingRequest, *, side, reason, by_user):
    startup_side = side == RequestSide.STARTUP
    asked_by_startup = request.requested_by == RequestSide.STARTUP
    if request.status == RequestStatus.ACCEPTED:
        raise Conflict(_("You have already agreed to meet."), code="already_agreed")
    if request.status == RequestStatus.PENDING and startup_side != asked_by_startup:
        return respond(request, accept=True, side=side)  # both asked: that is agreement
    if request.status == RequestStatus.PENDING:
        raise Conflict(_("You have already asked for this meeting."), code="already_asked")
    if request.status == RequestStatus.DECLINED and startup_side == asked_by_startup:
        raise Conflict(_("This meeting request was declined."), code="declined")
    if request.status == RequestStatus.DECLINED:
        # The side that declined changed its mind; the other side had asked for it, so both agree now.
        request.status, request.decided_at = RequestStatus.ACCEPTED, utcnow()
        db.session.flush()
        track_stages.start_for_meeting(request)
        return request
    # Withdrawn: whoever asks now asks afresh.
    request.requested_by, request.reason, request.status = side, reason, RequestStatus.PENDING
    request.requested_by_user_id, request.decided_at, request.created_at = (by_user.id if by_user else None,
                                                                            None, utcnow())
    db.session.flush()
    return request


def request_by_attendee(registration, startup, *, reason: str, by_user=None) -> MeetingRequest:
    """A registered attendee asks a pitching startup for a meeting."""
    if registration.status != RegistrationStatus.CONFIRMED:
        raise NotAllowed(_("Only confirmed attendees can ask for meetings."), code="not_confirmed")
    return _ask(registration.event, startup, side=RequestSide.ATTENDEE, reason=reason, by_user=by_user,
                registration=registration)


def request_by_startup(startup, registration, *, reason: str, by) -> MeetingRequest:
    """A pitching startup asks an attendee who chose to be visible."""
    profile = profile_of(registration)
    if registration.status != RegistrationStatus.CONFIRMED or not profile.visible:
        raise NotAllowed(_("This attendee cannot be asked for a meeting."), code="not_visible")
    return _ask(registration.event, startup, side=RequestSide.STARTUP, reason=reason, by_user=by,
                registration=registration)


def request_follow_up(juror_user, startup, event, reason: str) -> MeetingRequest:
    """"I want a follow-up talk with this startup": for the jury area's score card (it checks the juror)."""
    return _ask(event, startup, side=RequestSide.JUROR, reason=reason, by_user=juror_user, juror=juror_user)


def follow_up_of(juror_user, startup, event) -> MeetingRequest | None:
    """The juror's follow-up request with this startup at this event, if any (for the score card)."""
    return db.session.scalar(sa.select(MeetingRequest).filter_by(event_id=event.id, startup_id=startup.id,
                                                                 juror_user_id=juror_user.id))


def respond(request: MeetingRequest, *, accept: bool, side: RequestSide) -> MeetingRequest:
    """The asked side agrees or declines; one conditional UPDATE decides, so a double tap counts once."""
    asked_by_startup = request.requested_by == RequestSide.STARTUP
    if (side == RequestSide.STARTUP) == asked_by_startup:
        raise NotAllowed(_("Only the person asked can answer this request."), code="not_asked")
    new = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    result = db.session.execute(
        sa.update(MeetingRequest).where(MeetingRequest.id == request.id,
                                        MeetingRequest.status == RequestStatus.PENDING)
        .values(status=new, decided_at=utcnow()))
    db.session.refresh(request)
    if result.rowcount != 1 and request.status != new:
        raise Conflict(_("This request has already been answered or withdrawn."), code="not_pending")
    if result.rowcount == 1 and new == RequestStatus.ACCEPTED:
        track_stages.start_for_meeting(request)
    return request


def withdraw(request: MeetingRequest, *, side: RequestSide) -> MeetingRequest:
    """Either side steps back from a pending or agreed pair; a placed meeting is cancelled with it."""
    from .meetings import cancel

    if request.status not in OPEN:
        raise Conflict(_("This request is no longer open."), code="not_open")
    request.status, request.decided_at = RequestStatus.WITHDRAWN, utcnow()
    if request.meeting is not None:
        cancel(request.meeting, by=None)
    db.session.flush()
    return request


def requests_of_event(event) -> list[MeetingRequest]:
    return list(db.session.scalars(
        sa.select(MeetingRequest).filter_by(event_id=event.id).order_by(MeetingRequest.created_at)))


def requests_for_registration(registration) -> list[MeetingRequest]:
    return list(db.session.scalars(sa.select(MeetingRequest).filter_by(registration_id=registration.id)
                                   .order_by(MeetingRequest.created_at)))


def requests_for_startup(startup, event) -> list[MeetingRequest]:
    return list(db.session.scalars(sa.select(MeetingRequest).filter_by(startup_id=startup.id, event_id=event.id)
                                   .order_by(MeetingRequest.created_at)))


def request_for_side(request_id: int, *, startup=None, registration=None) -> MeetingRequest:
    """A request of this startup or this attendee, else NotFound (never another pair's request)."""
    request = db.session.get(MeetingRequest, request_id)
    ok = request is not None and (
        (startup is not None and request.startup_id == startup.id)
        or (registration is not None and request.registration_id == registration.id))
    if not ok:
        raise NotAllowed(_("This request is not yours."), status=404, code="not_found")
    return request


def answer(request: MeetingRequest, answer: str, *, side: RequestSide) -> MeetingRequest:
    """"accept", "decline" or "withdraw" from one side of the pair."""
    if answer == "withdraw":
        return withdraw(request, side=side)
    if answer in ("accept", "decline"):
        return respond(request, accept=answer == "accept", side=side)
    raise Invalid(_("Unknown answer."), status=404)
