"""The worker process (``flask worker``, a Huey consumer) delivers the outbox, on SQLite or Redis storage, and a
worker killed in the middle of a batch leaves every recipient with one message after its restart."""

import pytest
import sqlalchemy as sa

from pitchday import mail
from pitchday.models import OutboxMessage
from pitchday.tasks import huey_of
from tests.outbox.conftest import wait_until
from tests.outbox.test_delivery import register


def states(db) -> dict[str, int]:
    db.session.commit()
    return dict(db.session.execute(sa.select(OutboxMessage.state, sa.func.count()).group_by(OutboxMessage.state))
                .all())


@pytest.fixture(params=["sqlite", "redis"])
def storage(request, app):
    """The worker's queue in SQLite (the default) or in Redis; the app and the worker share it."""
    if request.param == "redis":
        app.config["TASK_STORAGE_URL"] = request.getfixturevalue("redis_url")
    app.extensions.pop("pitchday.huey", None)
    huey = huey_of(app)
    huey.flush()
    yield request.param
    huey.flush()


def test_the_worker_delivers_each_registration_s_ticket_once(app, db, client, event, smtp, storage, worker_for):
    smtp.start()
    worker = worker_for(app)
    worker.start()
    for n in range(4):
        register(client, event, n)
    assert wait_until(lambda: states(db).get("delivered") == 4, timeout=60), (states(db), worker.log.read_text())
    assert smtp.copies() == {f"p{n}@example.org": 1 for n in range(4)}


def test_the_sqlite_queue_of_hints_does_not_flush_the_disk_at_every_hint(app):
    """A registration writes a hint after its commit; a disk flush per hint held up a whole rush (issue 15)."""
    app.extensions.pop("pitchday.huey", None)
    storage = huey_of(app).storage
    assert storage.conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert storage.conn.execute("pragma synchronous").fetchone()[0] == 1  # NORMAL: safe in WAL mode, no flush


def test_a_message_whose_queue_entry_was_lost_is_sent_by_the_sweep(app, db, smtp, storage, worker_for):
    """The row is the truth; the queue only a hint: the worker's start-up sweep finds what nobody queued."""
    smtp.start()
    app.extensions["pitchday.outbox_announce"] = lambda ids: None  # the hint is lost (Redis was down)
    mail.queue(mail.Mail(to="lost@example.org", subject="Hallo", text="Hallo"))
    db.session.commit()
    from datetime import timedelta

    from pitchday.database import utcnow

    db.session.execute(sa.update(OutboxMessage).values(due_at=utcnow() - timedelta(minutes=2)))
    db.session.commit()
    worker = worker_for(app)
    worker.start()
    assert wait_until(lambda: states(db).get("delivered") == 1, timeout=60), worker.log.read_text()
    assert smtp.copies() == {"lost@example.org": 1}


def test_sigkill_in_the_middle_of_200_mails_every_recipient_has_one_message(app, db, smtp, worker_for):
    smtp.handler.delay = 0.02
    smtp.start()
    for n in range(200):
        mail.queue(mail.Mail(to=f"r{n}@example.org", subject=f"Ticket {n}", text="Ihr Ticket"))
    db.session.commit()
    worker = worker_for(app, OUTBOX_CLAIM_TIMEOUT=1)
    worker.start(threads=4)
    assert wait_until(lambda: len(smtp.handler.received) >= 60, timeout=60), worker.log.read_text()
    worker.kill()  # SIGKILL: no chance to finish or mark anything
    at_kill = states(db)
    assert at_kill.get("delivered", 0) < 200, "the batch was over before the kill; the test proves nothing"
    import time

    time.sleep(1.5)  # the dead worker's claims are older than OUTBOX_CLAIM_TIMEOUT now
    worker.start(threads=4)
    assert wait_until(lambda: states(db).get("delivered") == 200, timeout=120), (states(db),
                                                                                worker.log.read_text())
    ids = smtp.message_ids()
    assert sorted(ids) == sorted(f"r{n}@example.org" for n in range(200))
    assert all(len(mids) == 1 for mids in ids.values())  # one message each: a resend carries the same id
    # A message taken by the server in the instant between its "250 OK" and the worker's mark is sent again
    # (same Message-ID, shown once by mail clients): at most the messages in flight at the kill.
    resent = len(smtp.handler.received) - 200
    assert resent <= at_kill.get("sending", 0), (resent, at_kill)
