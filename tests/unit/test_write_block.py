"""A write block: the request reads without SQLite's write lock and takes it for the block alone; the block
commits, or rolls back what it wrote on an error, and what must wait for the lock to be free (telling the worker
about new mail) runs after it."""

import threading

import pytest
import sqlalchemy as sa

from pitchday.database import after_write_block, write_block, writers_queue
from pitchday.errors import Invalid
from pitchday.models import Camp


def _camp(name):
    return Camp(name=name, city=name, slug=name.lower())


def test_the_block_commits_what_it_wrote(db):
    with write_block(db.session):
        db.session.add(_camp("Hattingen"))
    db.session.rollback()  # a fresh read: the row is committed, not only pending in this session
    assert db.session.scalar(sa.select(Camp.name).filter_by(slug="hattingen")) == "Hattingen"


def test_an_error_in_the_block_loses_what_it_wrote_and_nothing_saved_before(db):
    with write_block(db.session):
        db.session.add(_camp("Witten"))
    with pytest.raises(Invalid), write_block(db.session):
        db.session.add(_camp("Herne"))
        db.session.flush()
        raise Invalid("no")
    names = set(db.session.scalars(sa.select(Camp.slug)))
    assert "witten" in names and "herne" not in names


def test_actions_wait_until_the_block_is_done_and_are_dropped_when_it_fails(db):
    seen = []
    assert after_write_block(db.session, lambda: seen.append("no block")) is False and seen == []
    with write_block(db.session):
        assert after_write_block(db.session, lambda: seen.append("after"))
        db.session.add(_camp("Hagen"))
        seen.append("inside")
    assert seen == ["inside", "after"]
    with pytest.raises(RuntimeError), write_block(db.session):
        after_write_block(db.session, lambda: seen.append("lost"))
        raise RuntimeError
    assert seen == ["inside", "after"]


def test_on_sqlite_the_block_waits_in_the_writers_queue(app, db):
    engine = db.engine
    if engine.dialect.name != "sqlite":
        pytest.skip("the queue of writers is SQLite's; PostgreSQL locks rows")
    inside, release, entered = threading.Event(), threading.Event(), threading.Event()

    def other_writer():
        with writers_queue(engine):
            inside.set()
            release.wait(timeout=5)

    thread = threading.Thread(target=other_writer)
    thread.start()
    inside.wait(timeout=5)

    def block():
        with app.app_context(), write_block(db.session):
            entered.set()

    blocked = threading.Thread(target=block)
    blocked.start()
    assert not entered.wait(timeout=0.3)  # the other writer is still in
    release.set()
    assert entered.wait(timeout=5)
    thread.join(timeout=5)
    blocked.join(timeout=5)


def test_a_mail_rendered_outside_a_request_leaves_the_callers_write_intent_alone(app, db, client):
    """A command or the worker renders mail in a request context of its own; ending it switched the intent off
    for the rest of the caller's block, whose next read then began without the write lock."""
    from pitchday import mail
    from pitchday.database import write_intent, writes_intended

    with write_intent():
        with app.test_request_context("/"):
            mail.render("reset_password", to="a@example.org", locale="de", user=None, link="https://x")
        assert writes_intended()
    assert not writes_intended()
    client.post("/language", data={"lang": "en"})  # a real request still ends without it
    assert not writes_intended()
