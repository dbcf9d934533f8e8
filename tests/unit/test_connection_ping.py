"""Pooled connections to a database server: one idle for a while is tested before use and replaced when the server
dropped it; one used a moment ago is handed out without a round trip (door scans in a rush queue behind each)."""

import pytest
import sqlalchemy as sa

from pitchday import database


@pytest.fixture
def engine(db):
    if db.engine.dialect.name == "sqlite":
        pytest.skip("a SQLite file has no server to drop a connection")
    return db.engine


def backend_pid(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()


def drop(engine, pid: int) -> None:
    with engine.connect() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        conn.commit()


def test_an_idle_connection_the_server_dropped_is_replaced_unnoticed(engine, monkeypatch):
    engine.dispose()
    first = backend_pid(engine)
    drop_engine = sa.create_engine(engine.url)
    drop(drop_engine, first)
    drop_engine.dispose()
    monkeypatch.setattr(database, "PING_WHEN_IDLE_FOR", -1.0)  # every connection counts as idle
    assert backend_pid(engine) != first  # the dead one was pinged, found dead and replaced: no error


def test_a_connection_used_a_moment_ago_is_not_pinged(engine, monkeypatch):
    engine.dispose()
    backend_pid(engine)
    pings = []
    original = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda conn: pings.append(1) or original(conn))
    backend_pid(engine)
    assert pings == []
    monkeypatch.setattr(database, "PING_WHEN_IDLE_FOR", -1.0)
    backend_pid(engine)
    assert pings == [1]
