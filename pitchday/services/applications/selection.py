"""Selection: organisers move applications through their states, note things, and the startup is told.

One transition table, one function that checks, writes (a conditional UPDATE whose row count decides, so two
organisers deciding at once cannot both win), records the history and queues the e-mails.
"""

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, selectinload

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
from ..paging import Page, PageRequest, page_of, search_condition
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
    """Move the application to ``to_status``; record who did it and draft the mail to the startup's members.

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
    """The members' mail, held as a draft the organiser previews and sends in a batch (services/outbox/drafts.py);
    a later decision replaces a draft not sent yet, and a step back to "submitted" drops it."""
    topic = f"application:{application.id}"
    if status == S.SUBMITTED:
        mail.discard_held(topic)
        return
    members = db.session.scalars(db.select(User).join(StartupMember, StartupMember.user_id == User.id)
                                 .filter(StartupMember.startup_id == application.startup_id))
    for user in members:
        mail.queue(decision_mail(application, user, status), hold=True, topic=topic)


def decision_mail(application: Application, user: User, status: ApplicationStatus, locale: str | None = None):
    """The decision mail to one member, in their language (or ``locale``, for the organiser's preview)."""
    locale = locale or user.locale
    return mail.render("applications_decision", to=user.email, locale=locale, user=user, application=application,
                       event=application.event, startup=application.startup, status=str(status),
                       link=external_url("startups.mine"),
                       rejection=rejection_text(application.event, application.startup, locale))


def _status(status) -> str:
    from .labels import status_label

    return status_label(status)


def _listed(event: Event):
    return (Application.event_id == event.id, Application.status != S.DRAFT)


def page_for_event(event: Event, *, status: str | None = None, query: str = "",
                   request: PageRequest = PageRequest()) -> tuple[Page, dict[str, int]]:
    """A page of the event's applications (drafts left out), filtered by status and a name search, and the
    counts by status of those the search matches: two queries at any size."""
    search = search_condition(query, Startup.name)
    matches = search if search is not None else sa.true()
    counts = {str(s): int(n or 0) for s, n in db.session.execute(
        sa.select(Application.status, sa.func.sum(sa.case((matches, 1), else_=0))).join(Startup)
        .where(*_listed(event)).group_by(Application.status))}
    select = (sa.select(Application).join(Startup).where(*_listed(event))
              .options(contains_eager(Application.startup), selectinload(Application.slot))
              .order_by(Application.submitted_at, Application.id))
    if status:
        select = select.where(Application.status == status)
    if search is not None:
        select = select.where(search)
    total = counts.get(status, 0) if status else sum(counts.values())
    return page_of(select, request, total=total), counts


def counts_by_status(event: Event) -> dict[str, int]:
    rows = db.session.execute(db.select(Application.status, db.func.count()).filter(
        Application.event_id == event.id, Application.status != S.DRAFT).group_by(Application.status))
    return {str(status): n for status, n in rows}
