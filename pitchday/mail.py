"""Outbound mail, the only way the app sends e-mail.

Messages are queued on the database session and sent only after it commits, so nobody is told about a change
that was rolled back. The ``file`` backend writes ``.eml`` files to ``instance/outbox/`` (development, demos,
tests); the ``smtp`` backend sends through the configured server.
"""

import logging
import smtplib
import ssl
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2 import TemplateNotFound
from sqlalchemy import event
from sqlalchemy.orm import Session

from .extensions import db

log = logging.getLogger(__name__)


@dataclass
class Attachment:
    filename: str
    content: bytes
    mimetype: str  # "text/calendar; method=REQUEST", "image/png", ...
    inline_id: str | None = None  # Content-ID for images shown in the HTML part


@dataclass
class Mail:
    to: str
    subject: str
    text: str
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)


def render(template: str, *, to: str, locale: str, attachments=(), **context) -> Mail:
    """Render ``emails/<template>.txt`` (and ``.html`` when it exists) in the recipient's language."""
    with force_locale(locale or "de"):
        subject = render_template(f"emails/{template}.subject.txt", **context).strip()
        text = render_template(f"emails/{template}.txt", **context)
        try:
            html = render_template(f"emails/{template}.html", **context)
        except TemplateNotFound:
            html = None
    return Mail(to=to, subject=subject, text=text, html=html, attachments=list(attachments))


def queue(mail: Mail) -> None:
    """Send ``mail`` once the current transaction commits (and never if it rolls back)."""
    db.session.connection()  # make sure a transaction is open, so its end decides the mail's fate
    db.session.info.setdefault("pitchday_outbox", []).append(mail)


def build_message(mail: Mail, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="pitchday")
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


def deliver(mail: Mail) -> None:
    config = current_app.config
    msg = build_message(mail, config["MAIL_SENDER"])
    backend = config["MAIL_BACKEND"]
    if backend == "file":
        outbox = Path(config["OUTBOX_DIR"])
        outbox.mkdir(parents=True, exist_ok=True)
        path = outbox / f"{uuid.uuid4().hex}.eml"
        path.write_bytes(bytes(msg))
        log.info("mail written to %s: %s", path.name, mail.subject)
    elif backend == "smtp":
        _send_smtp(msg, config)
        log.info("mail sent: %s", mail.subject)
    else:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")


def _send_smtp(msg: EmailMessage, config) -> None:
    cls = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with cls(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(msg)


@event.listens_for(Session, "after_commit")
def _send_queued(session):
    if session.in_nested_transaction():  # a savepoint was released: the real commit is still to come
        return
    pending = session.info.pop("pitchday_outbox", [])
    for mail in pending:
        try:
            deliver(mail)
        except Exception:  # a mail server hiccup must not turn a saved change into an error page
            log.exception("could not deliver mail %r", mail.subject)


@event.listens_for(Session, "after_rollback")
def _drop_queued(session):
    if session.in_nested_transaction():  # only a savepoint was rolled back: the transaction goes on
        return
    session.info.pop("pitchday_outbox", None)
