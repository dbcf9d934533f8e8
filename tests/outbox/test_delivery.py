"""The outbox against a real SMTP server: nothing is sent inside the request, a server that is down, refusing
or hanging costs a registration nothing, and every ticket arrives exactly once when the server is back."""

import socket
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from pitchday import mail
from pitchday.database import utcnow
from pitchday.models import OutboxMessage
from pitchday.services.outbox import delivery

FORM = {"name": "Anna Schmidt", "organisation": "Kowalski GmbH", "attendee_type": "industry", "consent": "y"}


def register(client, event, n):
    url = f"/events/{event.id}/register"
    started = time.perf_counter()
    response = client.post_form(url, {**FORM, "email": f"p{n}@example.org"}, page=url)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return time.perf_counter() - started


def rows(db):
    db.session.commit()  # a fresh snapshot: the rows as the worker left them
    return list(db.session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)))


def flush(app):
    result = app.test_cli_runner().invoke(args=["outbox", "flush"])
    return result.exit_code, result.output


def test_smtp_absent_then_refusing_then_accepting_each_ticket_arrives_once(app, db, client, event, smtp):
    for n in range(5):
        register(client, event, n)
    assert [str(r.state) for r in rows(db)] == ["pending"] * 5

    code, output = flush(app)  # no server listening
    assert code == 1 and "failed: 5" in output
    for row in rows(db):
        assert str(row.state) == "failed" and row.attempts == 1
        assert "ConnectionRefusedError" in row.last_error
        assert timedelta(seconds=50) < row.due_at - utcnow() <= timedelta(minutes=1)

    smtp.handler.mode = "refuse"
    smtp.start()
    code, output = flush(app)  # outbox flush does not wait for the retry time
    assert code == 1 and "failed: 5" in output
    for row in rows(db):
        assert row.attempts == 2 and "451" in row.last_error
        assert timedelta(minutes=4) < row.due_at - utcnow() <= timedelta(minutes=5)
    assert smtp.handler.received == []

    smtp.handler.mode = "accept"
    code, output = flush(app)
    assert code == 0 and "delivered: 5" in output
    assert smtp.copies() == {f"p{n}@example.org": 1 for n in range(5)}
    assert all(str(r.state) == "delivered" and r.last_error is None for r in rows(db))
    assert flush(app) == (0, "Nothing to send.\n")
    assert len(smtp.handler.received) == 5
    # The Message-ID is the row's, fixed when the registration wrote it.
    assert {mid for _to, mid in smtp.handler.received} == {r.message_id for r in rows(db)}


def test_a_server_that_accepts_and_never_answers_does_not_slow_a_registration(app, client, event):
    register(client, event, 0)  # warm-up: the first request compiles templates
    baseline = [register(client, event, n) for n in range(1, 4)]  # nobody listening at all
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(50)  # the kernel would complete connections; nobody ever says a word
    silent.setblocking(False)
    app.config["MAIL_PORT"] = silent.getsockname()[1]
    try:
        timings = [register(client, event, n) for n in range(4, 7)]
        with pytest.raises(BlockingIOError):
            silent.accept()  # no request even tried to connect
    finally:
        silent.close()
    # In-request sending waited for the 30 s SMTP timeout here; now a registration costs what it did before.
    assert max(timings) < max(3 * max(baseline), 1.0), (timings, baseline)


def test_failures_back_off_1_5_30_120_720_minutes_then_the_message_is_given_up(app, db):
    mail.queue(mail.Mail(to="x@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    [row] = rows(db)
    waits = []
    for _ in range(6):
        outcome = delivery.deliver(row.id, force=True)
        waits.append(outcome.retry_in)
    assert waits == [timedelta(minutes=m) for m in (1, 5, 30, 120, 720)] + [None]
    [row] = rows(db)
    assert str(row.state) == "given_up" and row.attempts == 6 and "ConnectionRefusedError" in row.last_error
    assert delivery.deliver(row.id, force=True).state is None  # given up stays given up


def test_a_retry_is_not_sent_before_it_is_due_and_a_claimed_row_is_not_claimed_twice(app, db, smtp):
    smtp.start()
    mail.queue(mail.Mail(to="x@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    [row] = rows(db)
    db.session.execute(sa.update(OutboxMessage).values(state="failed", due_at=utcnow() + timedelta(minutes=5)))
    db.session.commit()
    assert delivery.deliver(row.id).state is None and smtp.handler.received == []
    assert delivery.claim(row.id, force=True) is True
    assert delivery.claim(row.id, force=True) is False  # a second worker finds it taken
    assert delivery.deliver(row.id, force=True).state is None
    assert smtp.handler.received == []


def test_a_claim_left_by_a_dead_worker_is_sent_again_with_the_same_message_id(app, db, smtp):
    smtp.start()
    mail.queue(mail.Mail(to="x@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    [row] = rows(db)
    assert delivery.claim(row.id)  # the worker died right after claiming
    assert delivery.sweep() == []  # too recent: its worker may still be sending
    app.config["OUTBOX_CLAIM_TIMEOUT"] = 0
    assert delivery.sweep() == [row.id]
    assert delivery.deliver(row.id).state == "delivered"
    assert smtp.handler.received == [("x@example.org", row.message_id)]


def test_the_status_command_counts_by_state(app, db):
    for n in range(3):
        mail.queue(mail.Mail(to=f"x{n}@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    delivery.deliver(rows(db)[0].id)
    output = app.test_cli_runner().invoke(args=["outbox", "status"]).output
    assert "pending    2" in output and "failed     1" in output and "delivered  0" in output


@pytest.mark.parametrize("backend", ["file", "smtp"])
def test_the_same_row_sent_twice_is_one_message_id(app, db, smtp, backend, outbox):
    """The file backend names the file after the Message-ID: writing it again leaves one file."""
    app.config["MAIL_BACKEND"] = backend
    smtp.start()
    mail.queue(mail.Mail(to="x@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    [row] = rows(db)
    for _ in range(2):
        msg = mail.build_message(mail.mail_of(row), "a@example.org", message_id=row.message_id)
        mail.transport(msg)
    if backend == "file":
        assert len(outbox()) == 1
    else:
        assert {mid for _to, mid in smtp.handler.received} == {row.message_id}
