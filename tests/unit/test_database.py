"""SQLite plumbing: door scanners queue for the write lock in the kernel, one after the other, and checkpoint
the write-ahead log outside that queue."""

import threading

import sqlalchemy as sa

from pitchday import database
from pitchday.database import queue_for_sqlite_writes


def test_writers_queue_lets_the_next_writer_in_only_when_the_first_has_left(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'queue.sqlite3'}")
    order, first_inside, second_waiting = [], threading.Event(), threading.Event()

    def first():
        with engine.connect() as conn, queue_for_sqlite_writes(conn):
            order.append("first in")
            first_inside.set()
            second_waiting.wait(timeout=5)
            order.append("first out")

    def second():
        first_inside.wait(timeout=5)
        with engine.connect() as conn:
            second_waiting.set()
            with queue_for_sqlite_writes(conn):
                order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert order == ["first in", "first out", "second in"]
    assert (tmp_path / "queue.sqlite3-writers.lock").exists()


def test_an_in_memory_database_needs_no_queue(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a lock file, if one were made for ":memory:", would land here
    engine = sa.create_engine("sqlite:///:memory:")
    done = threading.Event()

    def nested():
        # Two queues at once on one thread would wait for each other for ever if they took a lock.
        with engine.connect() as conn, queue_for_sqlite_writes(conn), queue_for_sqlite_writes(conn):
            done.set()

    thread = threading.Thread(target=nested, daemon=True)
    thread.start()
    thread.join(timeout=5)
    assert done.is_set()
    assert not list(tmp_path.iterdir())


def test_inside_the_queue_sqlite_does_not_checkpoint_and_the_connection_is_restored_after(tmp_path, monkeypatch):
    monkeypatch.setitem(database._queued_writes, "since_checkpoint", 0)
    monkeypatch.setattr(database, "QUEUED_WRITES_PER_CHECKPOINT", 2)
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'wal.sqlite3'}")

    def autocheckpoint(conn):
        return conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()

    with engine.connect() as conn:
        with queue_for_sqlite_writes(conn):
            assert autocheckpoint(conn) == 0
        assert autocheckpoint(conn) == database.WAL_AUTOCHECKPOINT
        assert not database.sqlite_checkpoint_due()
        with queue_for_sqlite_writes(conn):
            pass
    assert database.sqlite_checkpoint_due()
    assert not database.sqlite_checkpoint_due()  # once per batch of queued writes
