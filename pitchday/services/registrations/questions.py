"""The event's own optional questions for attendees."""

import sqlalchemy as sa
from flask_babel import lazy_gettext as _

from ...errors import Conflict
from ...extensions import db
from ...models import Event, RegistrationQuestion, User
from ..audit import trail as audit

MAX_QUESTIONS = 5


def questions_of(event: Event) -> list[RegistrationQuestion]:
    return list(db.session.scalars(sa.select(RegistrationQuestion).where(RegistrationQuestion.event_id == event.id)
                                   .order_by(RegistrationQuestion.position, RegistrationQuestion.id)))


def add(event: Event, label: str, *, by: User) -> RegistrationQuestion:
    existing = questions_of(event)
    if len(existing) >= MAX_QUESTIONS:
        raise Conflict(_("An event asks at most %(n)d questions.", n=MAX_QUESTIONS), field="label")
    question = RegistrationQuestion(event_id=event.id, label=label.strip(),
                                    position=max((q.position for q in existing), default=0) + 1)
    db.session.add(question)
    db.session.flush()
    audit.record(by, "registration.question_added", subject=question, event=event, label=question.label,
                 after={"label": question.label})
    return question


def remove(question: RegistrationQuestion, *, by: User) -> None:
    """Remove a question; answers already given stay with their registrations (shown under the old label)."""
    audit.record(by, "registration.question_removed", subject=question, label=question.label,
                 before={"label": question.label})
    db.session.delete(question)
    db.session.flush()
