"""SQLite plumbing: door scanners queue for the write lock in the kernel, one after the other."""

import threading

import sqlalchemy as sa

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
