"""The call for pitches of an event: its window, settings and questions, set by the event's organisers."""

from datetime import datetime

from flask import abort
from flask_babel import gettext as _

from ...database import utcnow
from ...errors import Invalid
from ...extensions import db
from ...models import CallForPitches, CfpQuestion, Event, QuestionKind, User
from ..audit import trail as audit

CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)


def call_for(event: Event) -> CallForPitches | None:
    return db.session.scalar(db.select(CallForPitches).filter_by(event_id=event.id))


def ensure_call(event: Event) -> CallForPitches:
    call = call_for(event)
    if call is None:
        call = CallForPitches(event_id=event.id)
        db.session.add(call)
        db.session.flush()
    return call


def is_open(event: Event, now: datetime | None = None) -> bool:
    """Whether the call accepts applications now (the server's clock, never the browser's)."""
    now = now or utcnow()
    return bool(event.cfp_opens_at and event.cfp_closes_at and event.cfp_opens_at <= now < event.cfp_closes_at)


def update_call(event: Event, *, by: User, opens_at: datetime | None, closes_at: datetime | None,
                deck_required: bool, rejection_text_de: str = "", rejection_text_en: str = "") -> CallForPitches:
    """Set the window (aware datetimes) and the call's settings."""
    if (opens_at is None) != (closes_at is None):
        raise Invalid(_("Give both the opening and the closing time, or neither."), field="closes_at")
    if opens_at and closes_at <= opens_at:
        raise Invalid(_("The call must close after it opens."), field="closes_at")
    if closes_at and closes_at > event.starts_at:
        raise Invalid(_("The call must close before the event starts."), field="closes_at")
    call = ensure_call(event)
    before = {"cfp_opens_at": event.cfp_opens_at, "cfp_closes_at": event.cfp_closes_at,
              "deck_required": call.deck_required}
    after = {"cfp_opens_at": opens_at, "cfp_closes_at": closes_at, "deck_required": deck_required}
    changed = [k for k in after if after[k] != before[k]]
    if changed:
        audit.record(by, "application.call_changed", subject=event, before={k: before[k] for k in changed},
                     after={k: after[k] for k in changed})
    event.cfp_opens_at, event.cfp_closes_at = opens_at, closes_at
    call.deck_required = deck_required
    call.rejection_text_de = rejection_text_de.strip()
    call.rejection_text_en = rejection_text_en.strip()
    return call


def _check_question(kind: QuestionKind, options: str) -> str:
    lines = [line.strip() for line in options.splitlines() if line.strip()]
    if kind in CHOICE_KINDS and len(lines) < 2:
        raise Invalid(_("Give at least two choices, one per line."), field="options")
    return "\n".join(lines) if kind in CHOICE_KINDS else ""


def add_question(event: Event, *, by: User, kind: QuestionKind, label: str, options: str = "",
                 required: bool = False) -> CfpQuestion:
    call = ensure_call(event)
    position = (db.session.scalar(db.select(db.func.max(CfpQuestion.position)).filter_by(call_id=call.id)) or 0) + 1
    question = CfpQuestion(call_id=call.id, position=position, kind=QuestionKind(kind), label=label.strip(),
                           options=_check_question(QuestionKind(kind), options), required=required)
    db.session.add(question)
    db.session.flush()
    return question


def update_question(question: CfpQuestion, *, by: User, kind: QuestionKind, label: str, options: str = "",
                    required: bool = False) -> None:
    question.options = _check_question(QuestionKind(kind), options)
    question.kind, question.label, question.required = QuestionKind(kind), label.strip(), required


def delete_question(question: CfpQuestion, *, by: User) -> None:
    db.session.delete(question)
    db.session.flush()


def move_question(question: CfpQuestion, *, by: User, direction: int) -> None:
    """Swap with the neighbour above (-1) or below (+1); nothing happens at either end."""
    siblings = list(db.session.scalars(db.select(CfpQuestion).filter_by(call_id=question.call_id)
                                       .order_by(CfpQuestion.position)))
    index = siblings.index(question)
    other = index + direction
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, item in enumerate(siblings, start=1):
            item.position = position


def question_of(event: Event, question_id: int) -> CfpQuestion:
    question = db.session.get(CfpQuestion, question_id)
    if question is None or question.call.event_id != event.id:
        abort(404)
    return question
