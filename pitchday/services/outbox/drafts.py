"""Decision mails as drafts: a decision on an application writes its mail held; the organiser previews the
drafts per decision in German and English and sends them in one batch. "Shortlisted" is offered unticked: the
in-between state reaches startups only when the organiser chooses so."""

from dataclasses import dataclass

from flask_babel import gettext as _

from ... import mail
from ...errors import Invalid
from ...extensions import db
from ...models import Application, ApplicationStatus, Event, User
from ...models.outbox import MessageState, OutboxMessage
from ..applications import selection
from ..applications.labels import status_label

TEMPLATE = "applications_decision"
S = ApplicationStatus
DECISION_STATUSES = (str(S.ACCEPTED), str(S.WAITLISTED), str(S.REJECTED), str(S.SHORTLISTED))
SENT_BY_DEFAULT = {str(S.ACCEPTED), str(S.WAITLISTED), str(S.REJECTED)}
PREVIEW_LOCALES = ("de", "en")


@dataclass
class Group:
    status: str
    label: str
    messages: list[OutboxMessage]
    ticked: bool
    previews: dict[str, mail.Mail]  # locale -> the first draft's mail in that language


def _held(event: Event) -> list[tuple[OutboxMessage, Application]]:
    rows = list(db.session.scalars(db.select(OutboxMessage).where(
        OutboxMessage.event_id == event.id, OutboxMessage.template == TEMPLATE,
        OutboxMessage.state == MessageState.HELD).order_by(OutboxMessage.id)))
    ids = {_application_id(r) for r in rows} - {None}
    applications = {a.id: a for a in db.session.scalars(db.select(Application).where(Application.id.in_(ids)))}
    return [(r, applications[_application_id(r)]) for r in rows if _application_id(r) in applications]


def _application_id(row: OutboxMessage) -> int | None:
    kind, _sep, number = (row.topic or "").partition(":")
    return int(number) if kind == "application" and number.isdigit() else None


def count_held(event: Event) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(OutboxMessage).where(
        OutboxMessage.event_id == event.id, OutboxMessage.template == TEMPLATE,
        OutboxMessage.state == MessageState.HELD))


def preview(event: Event) -> list[Group]:
    """The drafts grouped by decision, each group with its first mail rendered in both languages."""
    by_status: dict[str, list[tuple[OutboxMessage, Application]]] = {}
    for row, application in _held(event):
        by_status.setdefault(str(application.status), []).append((row, application))
    groups = []
    for status in DECISION_STATUSES:
        if status not in by_status:
            continue
        row, application = by_status[status][0]
        member = db.session.scalar(db.select(User).where(User.email == row.recipient))
        previews = {}
        if member is not None:
            previews = {locale: selection.decision_mail(application, member, S(status), locale)
                        for locale in PREVIEW_LOCALES}
        groups.append(Group(status, status_label(status), [r for r, _a in by_status[status]],
                            status in SENT_BY_DEFAULT, previews))
    return groups


def _chosen(event: Event, statuses: list[str]) -> list[int]:
    if not statuses:
        raise Invalid(_("Choose at least one decision."), code="nothing_chosen")
    return [row.id for row, application in _held(event) if str(application.status) in statuses]


def send(event: Event, *, statuses: list[str], by: User) -> int:
    """Release the drafts of the chosen decisions to the worker; the number released."""
    return mail.release(_chosen(event, statuses))


def discard(event: Event, *, statuses: list[str], by: User) -> int:
    ids = _chosen(event, statuses)
    if not ids:
        return 0
    return db.session.execute(db.update(OutboxMessage).where(OutboxMessage.id.in_(ids),
                                                             OutboxMessage.state == MessageState.HELD)
                              .values(state=MessageState.DISCARDED)
                              .execution_options(synchronize_session=False)).rowcount
