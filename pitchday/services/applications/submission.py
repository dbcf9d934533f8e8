"""A startup applies to pitch: drafts, submission, edits until the call closes, withdrawal.

The call's window is checked here with the server's clock, in UTC; messages name the Berlin time.
"""

from datetime import datetime

from flask import abort
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ...database import utcnow
from ...errors import Conflict, Gone, Invalid
from ...extensions import db
from ...i18n import when
from ...models import Application, ApplicationAnswer, ApplicationDecision, ApplicationStatus, Event, Startup, User
from . import decks
from .call import call_for

EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)
WITHDRAWABLE = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED,
                ApplicationStatus.WAITLISTED, ApplicationStatus.ACCEPTED)


def by_id(application_id: int) -> Application:
    """Loader for routes: the application or 404."""
    application = db.session.get(Application, application_id)
    if application is None:
        abort(404)
    return application


def application_for(startup: Startup, event: Event) -> Application | None:
    return db.session.scalar(db.select(Application).filter_by(startup_id=startup.id, event_id=event.id))


def check_window(event: Event, now: datetime | None = None) -> None:
    """Raise unless the call is open now."""
    now = now or utcnow()
    if call_for(event) is None or not event.cfp_opens_at or not event.cfp_closes_at:
        raise Gone(_("This event has no call for pitches."), code="no_call")
    if now < event.cfp_opens_at:
        raise Gone(_("The call for pitches opens on %(when)s.", when=when(event.cfp_opens_at)), code="not_open")
    if now >= event.cfp_closes_at:
        raise Gone(_("The call for pitches closed on %(when)s. Applications can no longer be submitted or "
                     "changed.", when=when(event.cfp_closes_at)), code="closed")


def start(startup: Startup, event: Event, *, by: User, now: datetime | None = None) -> Application:
    """A new draft; one application per startup and event, held by the database's unique constraint."""
    check_window(event, now)
    application = Application(startup_id=startup.id, event_id=event.id, status=ApplicationStatus.DRAFT)
    try:
        with db.session.begin_nested():
            db.session.add(application)
    except IntegrityError:
        raise Conflict(_("%(startup)s has already applied to this event.", startup=startup.name),
                       code="already_applied") from None
    return application


def answers_by_question(application: Application) -> dict[int, str]:
    return {answer.question_id: answer.value for answer in application.answers}


def _missing(application: Application, answers: dict[int, str], has_deck: bool) -> list[str]:
    """Field names (``q_<id>``, ``deck``) still needed before the application can be submitted."""
    call = call_for(application.event)
    answers = {**answers_by_question(application), **answers}
    missing = [f"q_{q.id}" for q in call.questions if q.required and not answers.get(q.id, "").strip()]
    if call.deck_required and not has_deck:
        missing.append("deck")
    return missing


def save(application: Application, *, by: User, answers: dict[int, str], deck: bytes | None = None,
         deck_name: str = "", submit: bool = False, now: datetime | None = None) -> str | None:
    """Store answers (and a new deck); with ``submit`` also submit. Returns a replaced deck's stored name.

    Raises Invalid with ``details["fields"]`` naming every missing answer when a submission is incomplete.
    """
    now = now or utcnow()
    check_window(application.event, now)
    if application.status not in EDITABLE:
        raise Conflict(_("This application can no longer be changed."), code="not_editable")
    if deck is not None:
        decks.check_pdf(deck)
    submitting = submit and application.status == ApplicationStatus.DRAFT
    if submitting or application.status == ApplicationStatus.SUBMITTED:
        missing = _missing(application, answers, has_deck=bool(deck is not None or application.deck_filename))
        if missing:
            raise Invalid(_("Please answer the required questions before submitting."), code="incomplete",
                          fields=missing)
    questions = {q.id: q for q in call_for(application.event).questions}
    existing = {a.question_id: a for a in application.answers}
    for question_id, value in answers.items():
        if question_id not in questions:
            continue
        if question_id in existing:
            existing[question_id].value = value
        else:
            application.answers.append(ApplicationAnswer(question_id=question_id, value=value))
    replaced = None
    if deck is not None:
        replaced = application.deck_filename
        application.deck_filename = decks.store(deck)
        application.deck_original_name = (deck_name or "deck.pdf")[-200:]
        application.deck_size = len(deck)
    application.updated_at = now
    if submitting:
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = now
        application.decisions.append(ApplicationDecision(actor_id=by.id, from_status="draft",
                                                         to_status="submitted", created_at=now))
    db.session.flush()
    return replaced


def withdraw(application: Application, *, by: User) -> None:
    if application.status not in WITHDRAWABLE:
        raise Conflict(_("This application can no longer be withdrawn."), code="not_withdrawable")
    previous = application.status
    application.status = ApplicationStatus.WITHDRAWN
    if application.slot is not None:
        db.session.delete(application.slot)
    application.decisions.append(ApplicationDecision(actor_id=by.id, from_status=str(previous),
                                                     to_status="withdrawn", created_at=utcnow()))
    db.session.flush()


def for_startups(startup_ids: list[int]) -> list[Application]:
    from sqlalchemy.orm import selectinload

    if not startup_ids:
        return []
    return list(db.session.scalars(
        db.select(Application).filter(Application.startup_id.in_(startup_ids))
        .options(selectinload(Application.event).selectinload(Event.blocks), selectinload(Application.slot))
        .order_by(Application.created_at.desc())))
