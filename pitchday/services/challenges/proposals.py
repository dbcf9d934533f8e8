"""Startups answer a challenge with a short proposal; the company shortlists, declines or invites to talk.

An invitation becomes a meeting request in matchmaking when the company's contact and the startup meet at an
upcoming pitch day (the contact is registered, the startup is in the published line-up); otherwise the startup
gets the contact's address by mail to arrange the talk outside a pitch day.
"""

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ... import mail
from ...database import utcnow
from ...errors import Conflict, Invalid, NotAllowed
from ...extensions import db
from ...models import (
    Application,
    ApplicationStatus,
    CallForPitches,
    Challenge,
    ChallengeProposal,
    ChallengeStatus,
    Event,
    EventStatus,
    PitchSlot,
    ProposalStatus,
    Registration,
    RegistrationStatus,
    Startup,
    User,
)
from ..accounts.account import external_url
from ..matchmaking import requests as meeting_requests
from ..startups import startups_of
from ..tracks import stages as track_stages
from .companies import contacts_of

P = ProposalStatus
MOVES = {P.SUBMITTED: {P.SHORTLISTED, P.INVITED, P.DECLINED}, P.SHORTLISTED: {P.INVITED, P.DECLINED},
         P.INVITED: set(), P.DECLINED: {P.SHORTLISTED}}
MAX_SUMMARY = 2000


def answer(challenge: Challenge, startup: Startup, *, by: User, summary: str) -> ChallengeProposal:
    """One proposal per startup and challenge (the database's unique pair decides a double submit)."""
    if challenge.status != ChallengeStatus.PUBLISHED or challenge.deadline <= utcnow():
        raise NotAllowed(_("This challenge takes no more answers."), code="closed")
    summary = (summary or "").strip()
    if not summary:
        raise Invalid(_("Describe how you would solve it."), field="summary")
    if len(summary) > MAX_SUMMARY:
        raise Invalid(_("Keep it under %(n)d characters.", n=MAX_SUMMARY), field="summary")
    proposal = ChallengeProposal(challenge_id=challenge.id, startup_id=startup.id, summary=summary,
                                 submitted_by_id=by.id)
    try:
        with db.session.begin_nested():
            db.session.add(proposal)
    except IntegrityError:
        raise Conflict(_("%(startup)s has already answered this challenge.", startup=startup.name),
                       code="answered") from None
    for contact in contacts_of(challenge.company):
        mail.queue(mail.render("challenges_proposal", to=contact.email, locale=contact.locale, challenge=challenge,
                               startup=startup, link=external_url("challenges.proposals", challenge_id=challenge.id)))
    return proposal


def proposals_of(challenge: Challenge) -> list[ChallengeProposal]:
    return list(db.session.scalars(db.select(ChallengeProposal).filter_by(challenge_id=challenge.id)
                                   .order_by(ChallengeProposal.created_at)))


def proposal_of(challenge: Challenge, startup: Startup) -> ChallengeProposal | None:
    return db.session.scalar(db.select(ChallengeProposal).filter_by(challenge_id=challenge.id,
                                                                    startup_id=startup.id))


def own_proposals(challenge: Challenge, user: User | None) -> list[ChallengeProposal]:
    """The answers the user's startups gave to this challenge."""
    if user is None:
        return []
    return [p for startup in startups_of(user) if (p := proposal_of(challenge, startup))]


def decide(proposal: ChallengeProposal, to: ProposalStatus, *, by: User) -> None:
    """Shortlist or decline; inviting goes through ``invite``. A conditional UPDATE keeps two contacts from
    deciding the same proposal twice."""
    to = ProposalStatus(to)
    if to == P.INVITED:
        invite(proposal, by=by)
        return
    _move(proposal, to)


def _move(proposal: ChallengeProposal, to: ProposalStatus) -> None:
    before = proposal.status
    if to not in MOVES[before]:
        raise Conflict(_("This answer cannot be moved from here; reload the page."), code="bad_move")
    changed = db.session.execute(db.update(ChallengeProposal).where(ChallengeProposal.id == proposal.id,
                                                                    ChallengeProposal.status == before)
                                 .values(status=to, decided_at=utcnow())).rowcount
    db.session.refresh(proposal)
    if changed != 1:
        raise Conflict(_("Someone else has just decided on this answer."), code="changed_meanwhile")


def shared_pitch_day(user: User, startup: Startup) -> Registration | None:
    """The contact's confirmed ticket for an upcoming pitch day where the startup is in the published running
    order (matchmaking's own condition for a meeting request), if any."""
    return db.session.scalar(
        db.select(Registration).join(Event, Event.id == Registration.event_id)
        .join(Application, (Application.event_id == Event.id) & (Application.startup_id == startup.id))
        .join(PitchSlot, PitchSlot.application_id == Application.id)
        .join(CallForPitches, CallForPitches.event_id == Event.id)
        .filter(Registration.user_id == user.id, Registration.status == RegistrationStatus.CONFIRMED,
                Application.status == ApplicationStatus.ACCEPTED, CallForPitches.lineup_published_at.is_not(None),
                Event.status == EventStatus.PUBLISHED, Event.starts_at > utcnow())
        .order_by(Event.starts_at).limit(1))


def invite(proposal: ChallengeProposal, *, by: User) -> str:
    """Invite the startup to talk. Returns "pitch_day" when it became a meeting request at a shared pitch day,
    "mail" when the startup was sent the contact's address instead."""
    _move(proposal, P.INVITED)
    track_stages.start_for_challenge(proposal, by)
    challenge, startup = proposal.challenge, proposal.startup
    registration = shared_pitch_day(by, startup)
    if registration is not None:
        reason = _("Challenge: %(title)s", title=challenge.title)[:200]
        request = meeting_requests.request_by_attendee(registration, startup, reason=reason, by_user=by)
        proposal.meeting_request_id = request.id
        db.session.flush()
        return "pitch_day"
    recipients = {startup.contact_email} if startup.contact_email else set()
    recipients |= {m.user.email for m in startup.members}
    for email in sorted(recipients):
        mail.queue(mail.render("challenges_invitation", to=email, locale="de", challenge=challenge, startup=startup,
                               contact=by, company=challenge.company))
    return "mail"
