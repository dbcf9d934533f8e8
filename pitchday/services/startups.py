"""Startups: profiles, members and co-founder invitations; their history and the camps that fit them."""

from flask import abort
from flask_babel import gettext as _
from slugify import slugify
from sqlalchemy.orm import selectinload

from .. import mail
from ..database import utcnow
from ..errors import Conflict, Gone, Invalid
from ..extensions import db
from ..models import (
    Application,
    ApplicationStatus,
    Camp,
    Event,
    EventStatus,
    MemberRole,
    Startup,
    StartupInvitation,
    StartupMember,
    User,
)
from .accounts.account import external_url, normalise_email

PROFILE_FIELDS = ("name", "one_liner", "description", "sector_slugs", "stage", "founded_year", "city", "website",
                  "contact_name", "contact_email", "team_size", "is_public", "public_description", "public_contact")


def by_slug(slug: str) -> Startup:
    """Loader for routes: the startup or 404."""
    startup = db.session.scalar(db.select(Startup).filter_by(slug=slug))
    if startup is None:
        abort(404)
    return startup


def startups_of(user: User) -> list[Startup]:
    return list(db.session.scalars(
        db.select(Startup).join(StartupMember).filter(StartupMember.user_id == user.id).order_by(Startup.name)))


def _unique_slug(name: str) -> str:
    base = slugify(name, max_length=60) or "startup"
    slug, n = base, 1
    while db.session.scalar(db.select(Startup.id).filter_by(slug=slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_year(values: dict) -> None:
    year = values.get("founded_year")
    if year is not None and not 1900 <= year <= utcnow().year:
        raise Invalid(_("Enter a founding year between 1900 and this year."), field="founded_year")


def create(*, by: User, **values) -> Startup:
    """A new startup with ``by`` as its founder."""
    _check_year(values)
    startup = Startup(slug=_unique_slug(values["name"]), **{k: v for k, v in values.items() if k in PROFILE_FIELDS})
    startup.members.append(StartupMember(user_id=by.id, role=MemberRole.FOUNDER))
    db.session.add(startup)
    db.session.flush()
    return startup


def update(startup: Startup, *, by: User, **values) -> None:
    _check_year(values)
    for key, value in values.items():
        if key not in PROFILE_FIELDS:
            raise ValueError(f"{key} is not editable")
        setattr(startup, key, value)


def invite(startup: Startup, *, by: User, email: str) -> StartupInvitation:
    """Invite a co-founder by e-mail; they join by following the link while logged in."""
    email = normalise_email(email)
    already = db.session.scalar(db.select(StartupMember.id).join(User).filter(
        StartupMember.startup_id == startup.id, User.email == email))
    if already:
        raise Conflict(_("This person is already a member of %(startup)s.", startup=startup.name), field="email")
    invitation = StartupInvitation(startup=startup, email=email, invited_by_id=by.id)
    db.session.add(invitation)
    db.session.flush()
    invitee = db.session.scalar(db.select(User).filter_by(email=email))
    link = external_url("startups.invitation", token=invitation.token)
    mail.queue(mail.render("applications_invitation", to=email, locale=invitee.locale if invitee else by.locale,
                           startup=startup, inviter=by, link=link))
    return invitation


def invitation_by_token(token: str) -> StartupInvitation:
    invitation = db.session.scalar(db.select(StartupInvitation).filter_by(token=token))
    if invitation is None:
        abort(404)
    return invitation


def accept_invitation(invitation: StartupInvitation, *, user: User) -> Startup:
    """Whoever holds the link and is logged in joins; the link works once."""
    if invitation.accepted_at is not None:
        raise Gone(_("This invitation has already been used."))
    invitation.accepted_at = utcnow()
    exists = db.session.scalar(db.select(StartupMember.id).filter_by(startup_id=invitation.startup_id,
                                                                     user_id=user.id))
    if not exists:
        db.session.add(StartupMember(startup_id=invitation.startup_id, user_id=user.id, role=MemberRole.MEMBER))
    db.session.flush()
    return invitation.startup


def members_of(startup: Startup) -> list[StartupMember]:
    return list(db.session.scalars(db.select(StartupMember).filter_by(startup_id=startup.id)
                                   .options(selectinload(StartupMember.user)).order_by(StartupMember.id)))


def history(startup: Startup) -> list[Application]:
    """Every application of the startup, across camps, newest event first (drafts left out)."""
    return list(db.session.scalars(
        db.select(Application).join(Event).filter(Application.startup_id == startup.id,
                                                  Application.status != ApplicationStatus.DRAFT)
        .options(selectinload(Application.event).selectinload(Event.camp), selectinload(Application.slot))
        .order_by(Event.starts_at.desc())))


def public_pitches(startup: Startup) -> list[Application]:
    """The events the startup pitched at (accepted, line-up published, event public)."""
    from ..models import CallForPitches

    return list(db.session.scalars(
        db.select(Application).join(Event).join(CallForPitches, CallForPitches.event_id == Event.id)
        .filter(Application.startup_id == startup.id, Application.status == ApplicationStatus.ACCEPTED,
                CallForPitches.lineup_published_at.is_not(None), Event.status != EventStatus.DRAFT)
        .options(selectinload(Application.event).selectinload(Event.camp))
        .order_by(Event.starts_at.desc())))


def fitting_camps(startup: Startup) -> list[Camp]:
    """Camps whose sector focus shares a sector with the startup."""
    wanted = set(startup.sectors)
    camps = db.session.scalars(db.select(Camp).order_by(Camp.name))
    return [c for c in camps if wanted & set(c.sectors)]


def fitting_calls(startup: Startup, *, now=None) -> list[Event]:
    """Upcoming public events with an open call whose sectors (or their camp's) fit the startup's."""
    now = now or utcnow()
    wanted = set(startup.sectors)
    events = db.session.scalars(
        db.select(Event).filter(Event.status == EventStatus.PUBLISHED, Event.starts_at > now,
                                Event.cfp_opens_at <= now, Event.cfp_closes_at > now)
        .options(selectinload(Event.camp)).order_by(Event.starts_at))
    return [e for e in events if wanted & set(e.sectors or e.camp.sectors)]
