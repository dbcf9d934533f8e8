"""Jurors of an event: invitation by a signed link, acceptance, revocation, assignment and conflicts.

Jurors are often not hub staff: the invitation creates a password-less account when needed, and the link
logs its holder in for this event's jury only (``services/accounts/role_links.py``).
"""

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ... import mail
from ...database import utcnow
from ...enums import RoleAction
from ...errors import Conflict as ConflictError
from ...errors import Invalid, NotFound
from ...extensions import db
from ...models import Application, Conflict, Event, Juror, JurorAssignment, PitchSlot, Score, User
from ...models.jury import ConflictReason, JurorStatus
from ..accounts import account as accounts
from ..accounts import role_links, roles
from ..audit import trail as audit
from ..calendar import personal as personal_calendar
from ..events import audience as event_audience
from ..impact import report as impact

LANDING = "jury.welcome"  # the welcome screen (issue 16.7); "jury.home" opens the pitch on stage


def still_valid(user: User, event_id: int) -> bool:
    """A juror link works while its juror is not revoked."""
    return db.session.scalar(db.select(db.func.count()).select_from(Juror).filter(
        Juror.event_id == event_id, Juror.user_id == user.id, Juror.status != JurorStatus.REVOKED)) > 0


role_links.register_scope("juror", still_valid, LANDING)


def count_jurors(event_ids: list[int]) -> dict[int, int]:
    """The impact report's "jurors": per event, jurors who took part (accepted the invitation or scored), never
    revoked ones; one grouped query."""
    if not event_ids:
        return {}
    took_part = db.or_(Juror.status == JurorStatus.ACCEPTED, db.exists().where(Score.juror_id == Juror.id))
    rows = db.session.execute(
        db.select(Juror.event_id, db.func.count()).where(Juror.event_id.in_(event_ids),
                                                          Juror.status != JurorStatus.REVOKED, took_part)
        .group_by(Juror.event_id))
    return dict(rows.all())


impact.register_figure("jurors", _l("Jurors"), count_jurors)


def _scope(event: Event) -> str:
    return f"juror: {event.title}"[:120]


def jurors_of(event: Event) -> list[Juror]:
    return list(db.session.scalars(db.select(Juror).filter_by(event_id=event.id).join(Juror.user)
                                   .order_by(User.name)))


def invitation_link(juror: Juror) -> str:
    token = role_links.make_token(juror.user, "juror", juror.event_id)
    return accounts.external_url("auth.role_link", token=token)


def _send_invitation(juror: Juror, event: Event) -> None:
    user = juror.user
    mail.queue(mail.render("jury_invitation", to=user.email, locale=user.locale, user=user, event=event,
                           link=invitation_link(juror)))


def invite(event: Event, *, by: User, email: str, name: str, locale: str = "de") -> Juror:
    """Invite someone to the jury (again, after a revocation); sends the link by e-mail."""
    user = accounts.find_or_create_invitee(email=email, name=name, locale=locale)
    juror = db.session.scalar(db.select(Juror).filter_by(event_id=event.id, user_id=user.id))
    if juror is not None and juror.active:
        raise ConflictError(_("%(name)s is on this jury already.", name=user.name), field="email",
                            code="juror_exists")
    if juror is None:
        juror = Juror(event_id=event.id, user=user)
        db.session.add(juror)
    juror.status, juror.invited_at, juror.revoked_at, juror.accepted_at = JurorStatus.INVITED, utcnow(), None, None
    db.session.flush()
    roles.record(actor=by, subject=user, role="juror", action=RoleAction.GRANTED, scope=_scope(event))
    audit.record(by, "jury.juror_invited", subject=juror, event=event, after={"person": user.email})
    _send_invitation(juror, event)
    return juror


def resend(event: Event, juror: Juror, *, by: User) -> None:
    if not juror.active:
        raise ConflictError(_("This invitation was revoked; invite the person again."), code="juror_revoked")
    _send_invitation(juror, event)


def revoke(event: Event, juror: Juror, *, by: User) -> None:
    """The juror's links stop working at once; their scores stay but no longer count."""
    updated = db.session.execute(db.update(Juror).where(Juror.id == juror.id, Juror.status != JurorStatus.REVOKED)
                                 .values(status=JurorStatus.REVOKED, revoked_at=utcnow())).rowcount
    if not updated:
        raise ConflictError(_("This juror is revoked already."), code="juror_revoked")
    db.session.refresh(juror)
    roles.record(actor=by, subject=juror.user, role="juror", action=RoleAction.REVOKED, scope=_scope(event))
    audit.record(by, "jury.juror_revoked", subject=juror, event=event, before={"person": juror.user.email})


def accept(juror: Juror) -> bool:
    """The juror opened their link: invited → accepted, once (a conditional UPDATE decides)."""
    return db.session.execute(db.update(Juror).where(Juror.id == juror.id, Juror.status == JurorStatus.INVITED)
                              .values(status=JurorStatus.ACCEPTED, accepted_at=utcnow())).rowcount == 1


def assign(event: Event, juror: Juror, *, all_pitches: bool, application_ids: list[int]) -> None:
    """All pitches, or only the given ones (of this event's running order)."""
    valid = set(db.session.scalars(db.select(PitchSlot.application_id).filter_by(event_id=event.id)))
    chosen = set(application_ids) & valid
    if not all_pitches and not chosen:
        raise Invalid(_("Choose at least one pitch, or all."), field="application_ids")
    juror.all_pitches = all_pitches
    juror.assignments = [] if all_pitches else [JurorAssignment(application_id=a) for a in sorted(chosen)]
    db.session.flush()


def declare_conflict(juror: Juror, application: Application, *, by: User, reason: str) -> Conflict:
    """By the juror or an organiser; the juror's scores for that pitch are removed from the results."""
    try:
        reason_ = ConflictReason(reason)
    except ValueError as exc:
        raise Invalid(_("Choose a reason."), field="reason") from exc
    existing = db.session.scalar(db.select(Conflict).filter_by(juror_id=juror.id, startup_id=application.startup_id))
    if existing:
        existing.reason = reason_
        return existing
    conflict = Conflict(juror_id=juror.id, startup_id=application.startup_id, reason=reason_, declared_by_id=by.id)
    db.session.add(conflict)
    db.session.flush()
    return conflict


def remove_conflict(juror: Juror, conflict_id: int) -> None:
    conflict = db.session.get(Conflict, conflict_id)
    if conflict is None or conflict.juror_id != juror.id:
        raise NotFound(_("No such conflict."))
    db.session.delete(conflict)
    db.session.flush()


def conflicts_of_event(event: Event) -> list[Conflict]:
    return list(db.session.scalars(db.select(Conflict).join(Juror).filter(Juror.event_id == event.id)))


@event_audience.register
def _juror_recipients(event) -> list:
    return [event_audience.Recipient(email=j.user.email, name=j.user.name, locale=j.user.locale, reason="juror")
            for j in jurors_of(event) if j.active]


@personal_calendar.register
def _jury_duties(user) -> list:
    rows = db.session.scalars(db.select(Juror).filter(Juror.user_id == user.id, Juror.status != JurorStatus.REVOKED))
    entries = []
    for juror in rows:
        event = juror.event
        block = event.pitch_block()
        with force_locale(user.locale or "de"):  # feeds are also built outside a request
            title = _("Jury: %(title)s", title=event.title)
        entries.append(personal_calendar.PersonalEntry(
            event=event, role="juror", starts_at=block.starts_at if block else event.starts_at,
            ends_at=block.ends_at if block else event.ends_at, uid=f"jury-{event.id}-{user.id}@pitchday",
            title=title))
    return entries
