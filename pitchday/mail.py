"""Outbound mail, the only way the app sends e-mail.

``render`` builds a message in the recipient's language; ``queue`` writes it as a row of the outbox in the
current transaction, so a message exists exactly when the change that caused it is committed. Nothing is sent
inside the request: the worker (``pitchday.tasks``) or ``flask outbox flush`` delivers the rows
(``services/outbox/delivery.py``) through ``transport``: the ``file`` backend writes ``.eml`` files to
``instance/outbox/`` (development, demos, tests), the ``smtp`` backend sends through the configured server.
"""

import base64
import hashlib
import logging
import os
import secrets
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import event
from sqlalchemy.orm import Session

from .database import after_write_block, utcnow
from .extensions import db
from .models.outbox import MessageState, OutboxMessage

log = logging.getLogger(__name__)
SMTP_TIMEOUT = 30


@dataclass
class Attachment:
    filename: str
    content: bytes
    mimetype: str  # "text/calendar; method=REQUEST", "image/png", ...
    inline_id: str | None = None  # Content-ID for images shown in the HTML part


class Ref:
    """An attachment the worker builds when it sends, from a reference kept in the outbox row (a ticket's QR
    code from its secret), instead of bytes drawn in the request and stored. Quacks like ``Attachment``."""

    def __init__(self, kind: str, filename: str, mimetype: str, inline_id: str | None = None, **args):
        self.kind, self.filename, self.mimetype, self.inline_id, self.args = kind, filename, mimetype, inline_id, args

    @property
    def content(self) -> bytes:
        return BUILDERS[self.kind](**self.args)


# kind -> function(**args) -> bytes; areas register theirs (services/registrations/mail.py: the ticket's QR).
BUILDERS: dict[str, Callable[..., bytes]] = {}


def register_attachment(kind: str, build: Callable[..., bytes]) -> None:
    BUILDERS[kind] = build


@dataclass
class Mail:
    to: str
    subject: str
    text: str
    html: str | None = None
    attachments: list = field(default_factory=list)
    template: str = ""
    locale: str = "de"
    event_id: int | None = None  # the event the mail belongs to, for the organisers' mail log


def render(template: str, *, to: str, locale: str, attachments=(), **context) -> Mail:
    """Render ``emails/<template>.txt`` (and ``.html`` when it exists) in the recipient's language."""
    with force_locale(locale or "de"):
        subject = render_template(f"emails/{template}.subject.txt", **context).strip()
        text = render_template(f"emails/{template}.txt", **context)
        try:
            html = render_template(f"emails/{template}.html", **context)
        except TemplateNotFound:
            html = None
    return Mail(to=to, subject=subject, text=text, html=html, attachments=list(attachments), template=template,
                locale=locale or "de", event_id=_event_id(context))


def _event_id(context: dict) -> int | None:
    """The event a mail is about: its ``event``, or the ``event_id`` of what it is about (a registration...)."""
    found = getattr(context.get("event"), "id", None)
    if isinstance(found, int):
        return found
    for value in context.values():
        found = getattr(value, "event_id", None)
        if isinstance(found, int):
            return found
    return None


def new_message_id() -> str:
    """A Message-ID no other message shares: 128 random bits from the operating system. (``make_msgid`` draws
    from Python's ``random`` module, which code that seeds it, as Hypothesis does, makes repeat; and its longer id
    gets folded onto a second header line.)"""
    return f"<{secrets.token_hex(16)}@pitchday>"


def queue(mail: Mail, *, hold: bool = False, topic: str | None = None) -> OutboxMessage:
    """Write ``mail`` to the outbox in the current transaction: it is sent after the commit, never if it rolls
    back. ``hold`` keeps it as a draft an organiser releases; a new mail on the same ``topic`` to the same
    address replaces a draft still held."""
    if topic:
        db.session.execute(db.update(OutboxMessage).where(
            OutboxMessage.topic == topic, OutboxMessage.recipient == mail.to,
            OutboxMessage.state == MessageState.HELD).values(state=MessageState.DISCARDED)
            .execution_options(synchronize_session=False))
    return _add(OutboxMessage(message_id=new_message_id(), event_id=mail.event_id, topic=topic, recipient=mail.to,
                              state=MessageState.HELD if hold else MessageState.PENDING, due_at=utcnow(),
                              **stored_content(mail)))


def queue_composed_later(kind: str, *, to: str, locale: str, template: str, event_id: int | None,
                         **args) -> OutboxMessage:
    """Write a message whose text the worker composes when it sends it, from ``args`` (ids, never objects), with
    the composer registered as ``kind``. For mail written while a short write lock is held (a registration in a
    rush): rendering its templates there would make every other registration wait for it."""
    return _add(OutboxMessage(message_id=new_message_id(), template=template, event_id=event_id, recipient=to,
                              locale=locale or "de", subject="", body_text="", attachments=[],
                              composer={"kind": kind, "args": args}, state=MessageState.PENDING, due_at=utcnow()))


def _add(row: OutboxMessage) -> OutboxMessage:
    db.session.add(row)
    db.session.info.setdefault("pitchday_outbox", []).append(row)
    return row


# kind -> function(**args) -> Mail, or None when there is nothing to send any more (the registration was
# deleted); areas register theirs (services/registrations/mail.py).
COMPOSERS: dict[str, Callable[..., Mail | None]] = {}


def register_composer(kind: str, compose: Callable[..., Mail | None]) -> None:
    COMPOSERS[kind] = compose


def is_composed(row: OutboxMessage) -> bool:
    return row.composer is None


def composed(row: OutboxMessage) -> Mail | None:
    """The row's message: as stored, or composed now from its composer's arguments (None: nothing to send)."""
    if is_composed(row):
        return mail_of(row)
    return COMPOSERS[row.composer["kind"]](**row.composer["args"])


def stored_content(mail: Mail) -> dict:
    """The columns that keep a composed message, so the mail log shows and resends exactly what was sent."""
    return {"template": mail.template, "locale": mail.locale, "subject": mail.subject, "body_text": mail.text,
            "body_html": mail.html, "attachments": [_stored(a) for a in mail.attachments], "composer": None}


def discard_held(topic: str) -> int:
    """Drafts on ``topic`` not sent yet will not be: a later change made them moot."""
    return db.session.execute(db.update(OutboxMessage).where(
        OutboxMessage.topic == topic, OutboxMessage.state == MessageState.HELD)
        .values(state=MessageState.DISCARDED).execution_options(synchronize_session=False)).rowcount


def release(ids: list[int]) -> int:
    """Send held drafts: due now, and announced to the worker after the commit like new mail."""
    if not ids:
        return 0
    released = db.session.execute(db.update(OutboxMessage).where(
        OutboxMessage.id.in_(ids), OutboxMessage.state == MessageState.HELD)
        .values(state=MessageState.PENDING, due_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    db.session.info.setdefault("pitchday_outbox_ids", []).extend((row_id, True) for row_id in ids)
    return released


def discard_queued() -> None:
    """Drop the mail queued in the current transaction so far (demo data is seeded without sending any)."""
    db.session.flush()
    ids = [row_id for row_id, _pending in db.session.info.pop("pitchday_outbox_ids", [])]
    db.session.info.pop("pitchday_outbox", None)
    if ids:
        db.session.execute(db.delete(OutboxMessage).where(OutboxMessage.id.in_(ids))
                           .execution_options(synchronize_session=False))


def _stored(att) -> dict:
    common = {"filename": att.filename, "mimetype": att.mimetype, "inline_id": att.inline_id}
    if isinstance(att, Ref):
        return {**common, "ref": att.kind, "args": att.args}
    return {**common, "base64": base64.b64encode(att.content).decode()}


def attachments_of(row: OutboxMessage) -> list:
    """The row's attachments, ready to build: references resolve when their ``content`` is read."""
    result = []
    for item in row.attachments or []:
        if "ref" in item:
            result.append(Ref(item["ref"], item["filename"], item["mimetype"], item.get("inline_id"),
                              **item.get("args", {})))
        else:
            result.append(Attachment(item["filename"], base64.b64decode(item["base64"]), item["mimetype"],
                                     item.get("inline_id")))
    return result


def mail_of(row: OutboxMessage) -> Mail:
    return Mail(to=row.recipient, subject=row.subject, text=row.body_text, html=row.body_html,
                attachments=attachments_of(row), template=row.template, locale=row.locale, event_id=row.event_id)


def build_message(mail: Mail, sender: str, *, message_id: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id or new_message_id()
    msg.set_content(mail.text)
    if mail.html:
        msg.add_alternative(mail.html, subtype="html")
        html_part = msg.get_payload()[-1]
        for att in mail.attachments:
            if att.inline_id:
                maintype, subtype = att.mimetype.split(";")[0].split("/")
                html_part.add_related(att.content, maintype, subtype, cid=f"<{att.inline_id}>",
                                      filename=att.filename)
    for att in mail.attachments:
        if att.inline_id and mail.html:
            continue
        main, _, params = att.mimetype.partition(";")
        maintype, subtype = main.strip().split("/")
        extra = {}
        if "method=" in params:
            extra["params"] = {"method": params.split("method=")[1].strip()}
        msg.add_attachment(att.content, maintype=maintype, subtype=subtype, filename=att.filename, **extra)
    return msg


def transport(msg: EmailMessage, on_sent: Callable[[], None] = lambda: None) -> None:
    """Hand one built message to the configured backend; raises when it could not be handed over.

    ``on_sent`` runs the moment the backend has taken the message, before the SMTP session is closed, so the
    caller marks it sent with as little time as possible in between."""
    config = current_app.config
    backend = config["MAIL_BACKEND"]
    if backend == "file":
        _write_file(msg, Path(config["OUTBOX_DIR"]))
        on_sent()
    elif backend == "smtp":
        _send_smtp(msg, config, on_sent)
    else:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")


def _write_file(msg: EmailMessage, folder: Path) -> None:
    # Named after the Message-ID and written by rename: the same message written twice stays one file.
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(str(msg["Message-ID"]).encode()).hexdigest()[:32]
    path = folder / f"{name}.eml"
    if path.exists():
        return
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    tmp.write_bytes(bytes(msg))
    os.replace(tmp, path)


def _send_smtp(msg: EmailMessage, config, on_sent: Callable[[], None]) -> None:
    cls = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with cls(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=SMTP_TIMEOUT) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(msg)
        on_sent()


# After the commit the worker is told which rows are new, so it delivers at once rather than at its next sweep.
# The worker's side registers itself here (pitchday/tasks); without one, the sweep or `outbox flush` finds them.
@event.listens_for(Session, "after_flush")
def _note_written(session, _context):
    rows = session.info.get("pitchday_outbox")
    if rows:
        ids = session.info.setdefault("pitchday_outbox_ids", [])
        ids.extend((r.id, r.state == MessageState.PENDING) for r in rows if r.id is not None)
        session.info["pitchday_outbox"] = [r for r in rows if r.id is None]


@event.listens_for(Session, "after_commit")
def _announce(session):
    if session.in_nested_transaction():  # a savepoint was released: the real commit is still to come
        return
    session.info.pop("pitchday_outbox", None)
    ids = [row_id for row_id, pending in session.info.pop("pitchday_outbox_ids", []) if pending]
    if not ids:
        return
    announce = current_app.extensions.get("pitchday.outbox_announce")
    if announce is None:
        return
    # Inside a write block the commit still holds SQLite's queue of writers: the hint (a write to the task
    # queue's own storage) waits until the block has let the next writer in.
    if not after_write_block(session, lambda: _tell(announce, ids)):
        _tell(announce, ids)


def _tell(announce: Callable[[list[int]], None], ids: list[int]) -> None:
    try:
        announce(ids)
    except Exception:  # the row is committed; the worker's sweep sends it even when this hint is lost
        log.warning("could not tell the worker about %d new message(s); the sweep will send them", len(ids),
                    exc_info=True)


@event.listens_for(Session, "after_rollback")
def _drop_queued(session):
    if session.in_nested_transaction():  # only a savepoint was rolled back: the transaction goes on
        return
    session.info.pop("pitchday_outbox", None)
    session.info.pop("pitchday_outbox_ids", None)
