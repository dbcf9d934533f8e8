"""Selection: organisers move applications through their states, note things, and the startup is told.

One transition table, one function that checks, writes (a conditional UPDATE whose row count decides, so two
organisers deciding at once cannot both win), records the history and queues the e-mails.
"""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from ... import mail
from ...database import utcnow
from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import (
    Application,
    ApplicationDecision,
    ApplicationNote,
    ApplicationStatus,
    Event,
    PitchSlot,
    Startup,
    StartupMember,
    User,
)
from ..accounts.account import external_url
from ..audit import trail as audit
from ..cache.versions import FEEDS, event_name, touch
from .call import call_for

S = ApplicationStatus
TRANSITIONS: dict[ApplicationStatus, set[ApplicationStatus]] = {
    S.SUBMITTED: {S.SHORTLISTED, S.WAITLISTED, S.REJECTED},
    S.SHORTLISTED: {S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.SUBMITTED},
    S.WAITLISTED: {S.ACCEPTED, S.SHORTLISTED, S.REJECTED},
    S.ACCEPTED: {S.WAITLISTED, S.REJECTED},
    S.REJECTED: {S.SHORTLISTED},
}
DECISIONS = (S.SHORTLISTED, S.ACCEPTED, S.WAITLISTED, S.REJECTED)


def allowed_moves(application: Application) -> list[ApplicationStatus]:
    return sorted(TRANSITIONS.get(application.status, set()), key=list(S).index)


def decide(application: Application, to_status: ApplicationStatus, *, by: User, expected: str | None = None) -> None:
    """Move the application to ``to_status``; record who did it and tell the startup's members.

    ``expected`` is the status the organiser saw: if someone else moved it meanwhile, nothing happens.
    """
    to_status = ApplicationStatus(to_status)
    from_status = ApplicationStatus(expected) if expected else application.status
    if to_status not in TRANSITIONS.get(from_status, set()):
        raise Invalid(_("An application that is %(from)s cannot become %(to)s.",
                        **{"from": _status(from_status), "to": _status(to_status)}), code="bad_transition")
    now = utcnow()
    result = db.session.execute(
        db.update(Application).where(Application.id == application.id, Application.status == from_status)
        .values(status=to_status, updated_at=now).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        db.session.refresh(application)
        raise Conflict(_("Someone else changed this application meanwhile; it is now %(status)s.",
                         status=_status(application.status)), code="changed_meanwhile")
    db.session.add(ApplicationDecision(application_id=application.id, actor_id=by.id, from_status=str(from_status),
                                       to_status=str(to_status), created_at=now))
    audit.record(by, "application.decided", subject=application, before={"status": from_status},
                 after={"status": to_status})
    if from_status == S.ACCEPTED:
        db.session.execute(db.delete(PitchSlot).where(PitchSlot.application_id == application.id))
        touch(event_name(application.event_id), FEEDS)  # the line-up changed (a bulk DELETE)
    db.session.flush()
    db.session.refresh(application)
    if to_status != S.SUBMITTED:
        _notify(application, to_status)


def decide_many(applications: list[Application], to_status: ApplicationStatus, *, by: User) -> tuple[int, int]:
    """Decide on several at once; those that cannot take this step are skipped. Returns (done, skipped)."""
    done = skipped = 0
    for application in applications:
        try:
            with db.session.begin_nested():
                decide(application, to_status, by=by)
        except (Invalid, Conflict):
            skipped += 1
        else:
            done += 1
    return done, skipped


def add_note(application: Application, *, by: User, body: str) -> ApplicationNote:
    if not body.strip():
        raise Invalid(_("Write something first."), field="body")
    note = ApplicationNote(application_id=application.id, author_id=by.id, body=body.strip())
    db.session.add(note)
    db.session.flush()
    return note


def history_of(application: Application) -> list[ApplicationDecision]:
    return list(db.session.scalars(db.select(ApplicationDecision).filter_by(application_id=application.id)
                                   .options(selectinload(ApplicationDecision.actor))
                                   .order_by(ApplicationDecision.id)))


def rejection_text(event: Event, startup: Startup, locale: str) -> str:
    """The event's own rejection text in that language, with {startup} and {event} filled in; "" for the default."""
    call = call_for(event)
    text = ""
    if call is not None:
        text = (call.rejection_text_en if locale == "en" else call.rejection_text_de) or call.rejection_text_de \
            or call.rejection_text_en
    return text.replace("{startup}", startup.name).replace("{event}", event.title)


def _notify(application: Application, status: ApplicationStatus) -> None:
    members = db.session.scalars(db.select(User).join(StartupMember, StartupMember.user_id == User.id)
                                 .filter(StartupMember.startup_id == application.startup_id))
    link = external_url("startups.mine")
    for user in members:
        mail.queue(mail.render("applications_decision", to=user.email, locale=user.locale, user=user,
                               application=application, event=application.event, startup=application.startup,
                               status=str(status), link=link,
                               rejection=rejection_text(application.event, application.startup, user.locale)))


def _status(status) -> str:
    from .labels import status_label

    return status_label(status)


def list_for_event(event: Event, *, status: str | None = None, query: str = "") -> list[Application]:
    """The event's applications (drafts left out), filtered by status and a name search."""
    select = (db.select(Application).join(Startup).filter(Application.event_id == event.id,
                                                          Application.status != S.DRAFT)
              .options(selectinload(Application.startup), selectinload(Application.slot))
              .order_by(Application.submitted_at, Application.id))
    if status:
        select = select.filter(Application.status == status)
    if query.strip():
        select = select.filter(Startup.name.ilike(f"%{query.strip()}%"))
    return list(db.session.scalars(select))


def counts_by_status(event: Event) -> dict[str, int]:
    rows = db.session.execute(db.select(Application.status, db.func.count()).filter(
        Application.event_id == event.id, Application.status != S.DRAFT).group_by(Application.status))
    return {str(status): n for status, n in rows}
