"""A track's stages: first talk → NDA → pilot → order, investment or hire, or closed; one table, one function.

Tracks start by themselves when a contact is made: a meeting request that both sides agreed to (an attendee's or
a juror's follow-up talk) or a challenge answer the company invited. Either side moves the track with the secret
of its own mail link; a stage reached is stamped once, for the impact report.
"""

from flask_babel import gettext as _

from ... import mail
from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import Event, Startup, Track, TrackSource, TrackStage, TrackStep
from ..accounts.account import external_url

S = TrackStage
DEALS = {S.ORDER, S.INVESTMENT, S.HIRE}
MOVES = {
    S.FIRST_TALK: {S.NDA, S.PILOT, *DEALS, S.CLOSED},
    S.NDA: {S.PILOT, *DEALS, S.CLOSED},
    S.PILOT: {*DEALS, S.CLOSED},
    S.ORDER: {S.CLOSED}, S.INVESTMENT: {S.CLOSED}, S.HIRE: {S.CLOSED},
    S.CLOSED: set(),
}


def _start(source: TrackSource, source_id: int, startup: Startup, *, event: Event | None, camp_id: int | None,
           partner_name: str, partner_email: str) -> Track:
    existing = db.session.scalar(db.select(Track).filter_by(source=source, source_id=source_id))
    if existing is not None:
        return existing
    track = Track(source=source, source_id=source_id, startup_id=startup.id, event_id=event.id if event else None,
                  camp_id=camp_id if camp_id is not None else (event.camp_id if event else None),
                  partner_name=partner_name[:200], partner_email=partner_email[:254])
    db.session.add(track)
    db.session.flush()
    _tell_both(track, "tracks_started")
    return track


def start_for_meeting(request) -> Track:
    """A meeting request both sides agreed to: the attendee's or juror's talk with the startup begins a track."""
    if request.registration is not None:
        name, email = request.registration.name, request.registration.email
    else:
        name, email = request.juror.name, request.juror.email
    return _start(TrackSource.MEETING, request.id, request.startup, event=request.event, camp_id=None,
                  partner_name=name, partner_email=email)


def start_for_challenge(proposal, contact) -> Track:
    """A company invited a startup after its answer: the talk about the challenge begins a track."""
    challenge = proposal.challenge
    return _start(TrackSource.CHALLENGE, proposal.id, proposal.startup, event=None, camp_id=challenge.camp_id,
                  partner_name=f"{contact.name} ({challenge.company.name})", partner_email=contact.email)


def by_secret(secret: str) -> tuple[Track, str]:
    """The track and the side ("startup" or "partner") a mail link's secret belongs to; 404 otherwise."""
    from flask import abort

    secret = (secret or "")[:64]
    track = db.session.scalar(db.select(Track).where((Track.startup_secret == secret)
                                                     | (Track.partner_secret == secret)))
    if track is None:
        abort(404)
    return track, "startup" if track.startup_secret == secret else "partner"


def move(track: Track, to: str, *, side: str) -> None:
    """Move along ``MOVES``; a conditional UPDATE makes a double tap (or both sides at once) count once."""
    try:
        to = TrackStage(to)
    except ValueError:
        raise Invalid(_("Choose a stage.")) from None
    before = track.stage
    if to == before:
        return
    if to not in MOVES[before]:
        raise Conflict(_("This track is already further along; reload the page."), code="bad_move")
    now = utcnow()
    values = {"stage": to, "stage_changed_at": now}
    if to == S.PILOT:
        values["reached_pilot_at"] = now
    if to in DEALS:
        values["reached_deal_at"] = now
    changed = db.session.execute(db.update(Track).where(Track.id == track.id, Track.stage == before)
                                 .values(**values)).rowcount
    db.session.refresh(track)
    if changed != 1:
        raise Conflict(_("The other side has just updated this track."), code="changed_meanwhile")
    db.session.add(TrackStep(track_id=track.id, from_stage=before, to_stage=to, side=side))
    db.session.flush()


def links(track: Track, side: str) -> str:
    secret = track.startup_secret if side == "startup" else track.partner_secret
    return external_url("tracks.show", secret=secret)


def _recipients(track: Track) -> list[tuple[str, str, str]]:
    """(address, language, side) of both sides: the startup's contact and members, and the partner."""
    startup = track.startup
    people = {m.user.email.lower(): (m.user.locale or "de") for m in startup.members}
    if startup.contact_email:
        people.setdefault(startup.contact_email.lower(), "de")
    out = [(email, locale, "startup") for email, locale in people.items()]
    if track.partner_email:
        out.append((track.partner_email, "de", "partner"))
    return out


def _tell_both(track: Track, template: str, **context) -> None:
    for email, locale, side in _recipients(track):
        mail.queue(mail.render(template, to=email, locale=locale, track=track, side=side,
                               link=links(track, side), **context))
