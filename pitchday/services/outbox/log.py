"""The mail log: what the app sent (or tries to send) to an event's attendees, startups and jurors, with state,
attempts and the last error, searchable and paged; resending one message."""


from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ... import mail
from ...errors import Invalid
from ...extensions import db
from ...models import Event
from ...models.outbox import MessageState, OutboxMessage
from ..events import counts as event_counts
from ..paging import Page

PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 50, 200, 10_000
S = MessageState
# Drafts have their own page (decision mails); discarded drafts were never meant to be sent.
SHOWN = (S.PENDING, S.SENDING, S.FAILED, S.DELIVERED, S.GIVEN_UP)
STATE_LABELS = {S.HELD: _l("draft"), S.PENDING: _l("waiting to be sent"), S.SENDING: _l("being sent"),
                S.FAILED: _l("failed for now, will retry"), S.DELIVERED: _l("delivered"),
                S.GIVEN_UP: _l("given up"), S.DISCARDED: _l("discarded")}



def search(*, event: Event | None = None, query: str = "", state: str = "", page: int = 1,
           per_page: int = PER_PAGE) -> Page:
    """Newest first; ``event`` None is the whole hub's log. ``query`` matches the address or the subject."""
    page = min(max(page, 1), MAX_PAGE)
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    conditions = [OutboxMessage.state.in_(SHOWN)]
    if event is not None:
        conditions.append(OutboxMessage.event_id == event.id)
    if state in {str(s) for s in SHOWN}:
        conditions.append(OutboxMessage.state == state)
    words = query.replace("\x00", "").strip()[:200]
    if words:
        pattern = f"%{words.replace('%', '').replace('_', ' ').strip()}%"
        conditions.append(db.or_(OutboxMessage.recipient.ilike(pattern), OutboxMessage.subject.ilike(pattern)))
    total = db.session.scalar(db.select(db.func.count()).select_from(OutboxMessage).where(*conditions))
    messages = list(db.session.scalars(db.select(OutboxMessage).where(*conditions)
                                       .order_by(OutboxMessage.id.desc())
                                       .limit(per_page).offset((page - 1) * per_page)))
    return Page(messages, total, page, per_page)


def subjects(messages: list[OutboxMessage]) -> dict[int, str]:
    """Each message's subject. One the worker composes when it sends it has none stored yet: it is composed for
    the page (only messages still waiting for the worker, a handful at most)."""
    shown = {}
    for message in messages:
        content = message.subject if mail.is_composed(message) else getattr(mail.composed(message), "subject", "")
        shown[message.id] = content or _("(nothing to send any more)")
    return shown


def content_of(message: OutboxMessage) -> mail.Mail | None:
    """What the message says: as sent, or as the worker will compose it (None: nothing left to send)."""
    return mail.composed(message)


def resend(message: OutboxMessage, *, by) -> OutboxMessage:
    """Queue the same message again, as a new message (its own Message-ID: the recipient asked for it again)."""
    if message.state not in SHOWN:
        raise Invalid(_("A draft is sent from the decision mails page."), code="draft")
    content = mail.composed(message)
    if content is None:
        raise Invalid(_("There is nothing to send any more: what the message was about has changed."),
                      code="nothing_to_send")
    copy = mail.queue(content)
    copy.resent_from_id = message.id
    db.session.flush()
    return copy


def load_message(message_id: int) -> OutboxMessage | None:
    if not 0 < message_id < 2**31:
        return None
    return db.session.get(OutboxMessage, message_id)


def count_messages(event_ids: list[int]) -> dict[int, int]:
    """Per event, the messages in its mail log (one grouped query)."""
    rows = db.session.execute(db.select(OutboxMessage.event_id, db.func.count())
                              .where(OutboxMessage.event_id.in_(event_ids), OutboxMessage.state.in_(SHOWN))
                              .group_by(OutboxMessage.event_id))
    return dict(rows.all())


event_counts.register("mails", _l("Mails"), count_messages, endpoint="outbox.event_log")
