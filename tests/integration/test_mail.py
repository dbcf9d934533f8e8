"""Outbound mail: files in development, SMTP in production (tested against a real SMTP server)."""

import socket
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from pitchday import mail
from pitchday.extensions import db
from tests.conftest import FormClient, deliver_outbox, empty_tables, make_app, prepare_schema


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_sign_up_confirmation_travels_through_a_real_smtp_server(tmp_path, database_url, smtp_server):
    controller, inbox = smtp_server
    app = make_app(tmp_path, database_url, MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    with app.app_context():
        prepare_schema(database_url)
        client = FormClient(app.test_client())
        client.post_form("/auth/signup", {"name": "Sam Smtp", "email": "sam@example.org",
                                          "password": "a long password", "password_again": "a long password"})
        assert inbox.messages == []  # the request only wrote the outbox row
        deliver_outbox(app)
        empty_tables(database_url)
    [message] = inbox.messages
    assert message["To"] == "sam@example.org"
    assert str(make_header(decode_header(message["Subject"]))) == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    body = message.get_payload(decode=True).decode()
    assert "http://localhost/auth/confirm/" in body


def test_nothing_is_sent_when_the_change_is_rolled_back(app, outbox):
    mail.queue(mail.Mail(to="x@example.org", subject="never", text="never"))
    db.session.rollback()
    db.session.commit()
    assert outbox() == []


def test_a_savepoint_neither_sends_nor_drops_the_transactions_mail(app, outbox):
    """A savepoint (``begin_nested``, e.g. to catch a unique-constraint race) is not the commit."""
    mail.queue(mail.Mail(to="x@example.org", subject="after the commit", text="hello"))
    with db.session.begin_nested():
        pass
    assert outbox() == []
    try:
        with db.session.begin_nested():
            raise ValueError
    except ValueError:
        pass
    db.session.commit()
    assert [m["Subject"] for m in outbox()] == ["after the commit"]
    mail.queue(mail.Mail(to="x@example.org", subject="never", text="never"))
    with db.session.begin_nested():
        pass
    db.session.rollback()
    db.session.commit()
    assert len(outbox()) == 1


def test_attachments_and_inline_images_are_built_into_the_message(app):
    message = mail.build_message(mail.Mail(
        to="x@example.org", subject="Ticket", text="plain", html="<img src='cid:qr'>",
        attachments=[mail.Attachment("qr.png", b"\x89PNG", "image/png", inline_id="qr"),
                     mail.Attachment("event.ics", b"BEGIN:VCALENDAR", "text/calendar; method=REQUEST")]),
        "pitchday <noreply@example.org>")
    parts = {part.get_content_type(): part for part in message.walk()}
    assert "image/png" in parts and parts["image/png"]["Content-ID"] == "<qr>"
    assert parts["text/calendar"].get_param("method") == "REQUEST"
