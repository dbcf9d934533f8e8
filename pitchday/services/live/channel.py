"""The version every open screen polls: one small number per event, shared by all processes and hosts.

Screens ask "is the show still at version N?" about once a second. That question must cost next to nothing,
so it never reaches Flask or the database when Redis is configured: the version lives in Redis (``LIVE_REDIS_URL``,
else the rate limiter's Redis), and each process keeps what it read for ``LOCAL_TTL`` seconds. Without Redis
(the embedded SQLite default, one machine) the version is read from the ``live_states`` row with one indexed
query, also kept for ``LOCAL_TTL`` by each process; a process that made the change knows it at once.
A new version is announced only after the transaction that made it commits (``changed`` queues it on the
session), so no screen can fetch a state that is not there yet.
"""

import threading
import time

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from ...extensions import db
from ..cache import versions as cache_versions
from . import waiting

LOCAL_TTL = 0.25  # seconds a process trusts the version it read last: at most 4 reads per second per event
_KEY = "pitchday:live:v:{}"
_local: dict[int, tuple[int, float]] = {}
_lock = threading.Lock()
_clients: dict[str, object] = {}


def redis_url(config) -> str | None:
    url = config.get("LIVE_REDIS_URL") or config.get("RATELIMIT_STORAGE_URI") or ""
    return url if url.startswith(("redis://", "rediss://", "unix://")) else None


def _redis(url: str):
    client = _clients.get(url)
    if client is None:
        import redis  # installed with Flask-Limiter[redis]

        client = _clients[url] = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return client


def changed(event_id: int, version: int) -> None:
    """Announce ``version`` once the current transaction commits; the cached event page, which shows who is on
    stage, is built anew."""
    db.session.info.setdefault("live_versions", {})[event_id] = version
    cache_versions.touch(cache_versions.event_name(event_id))


@sa_event.listens_for(Session, "after_commit")
def _announce(session):
    versions = session.info.pop("live_versions", None)
    if not versions:
        return
    from flask import current_app, has_app_context

    url = redis_url(current_app.config) if has_app_context() else None
    for event_id, version in versions.items():
        _remember(event_id, version)
        if url:
            try:
                # Only ever upwards: a slow announcement of an older version must not hide a newer one.
                _redis(url).eval(_MAX_SCRIPT, 1, _KEY.format(event_id), version)
            except Exception:  # noqa: BLE001  (Redis down: screens catch up through the database read below)
                _redis_failed_at[url] = time.monotonic()


@sa_event.listens_for(Session, "after_rollback")
def _forget(session):
    session.info.pop("live_versions", None)


_MAX_SCRIPT = """local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > v then redis.call('SET', KEYS[1], ARGV[1]) end return 1"""
_redis_failed_at: dict[str, float] = {}


def _remember(event_id: int, version: int) -> None:
    with _lock:
        known = _local.get(event_id)
        if known is None or version >= known[0]:
            _local[event_id] = (version, time.monotonic())
    waiting.wake(event_id, version)


def current_version(event_id: int, config, engine) -> int | None:
    """The event's live version as the shared store knows it (None: never run live); cheap enough per poll."""
    known = _local.get(event_id)
    if known is not None and time.monotonic() - known[1] < LOCAL_TTL:
        return known[0]
    return fresh_version(event_id, config, engine)


def fresh_version(event_id: int, config, engine) -> int | None:
    """The version read from Redis (or the database) now, also kept as this process's copy."""
    now = time.monotonic()
    version = None
    url = redis_url(config)
    if url and now - _redis_failed_at.get(url, -60.0) > 30:
        try:
            raw = _redis(url).get(_KEY.format(event_id))
            version = int(raw) if raw is not None else None
        except Exception:  # noqa: BLE001  (fall back to the database for 30 s)
            _redis_failed_at[url] = now
    if version is None:
        version = _database_version(event_id, engine)
        if version is not None and url and now - _redis_failed_at.get(url, -60.0) > 30:
            try:  # Redis restarted empty: seed it from the database
                _redis(url).eval(_MAX_SCRIPT, 1, _KEY.format(event_id), version)
            except Exception:  # noqa: BLE001
                _redis_failed_at[url] = now
    if version is not None:
        with _lock:
            _local[event_id] = (version, now)
        waiting.wake(event_id, version)
    return version


def _database_version(event_id: int, engine) -> int | None:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT version FROM live_states WHERE event_id = :e"), {"e": event_id}).scalar()


def forget_all() -> None:
    """Tests: start from an empty local cache."""
    with _lock:
        _local.clear()
        _bodies.clear()


# --- the state's body, shared the same way ------------------------------------------------------------------
# When the show moves, every screen asks for the new state within about a second. Built once (by whichever
# process is asked first) and kept here and in Redis, it is handed out by the poll shortcut without Flask, so
# 300 screens cost 300 small writes rather than 300 renders. Only public events' states are kept (the route
# decides); a draft's state always goes through its permission check.
_BODY_KEY = "pitchday:live:body:{}"
_bodies: dict[int, tuple[int, bytes]] = {}


def store_body(event_id: int, version: int, body: bytes, config) -> None:
    with _lock:
        known = _bodies.get(event_id)
        if known is None or version >= known[0]:
            _bodies[event_id] = (version, body)
    url = redis_url(config)
    if url and time.monotonic() - _redis_failed_at.get(url, -60.0) > 30:
        try:
            _redis(url).set(_BODY_KEY.format(event_id), str(version).encode() + b"\n" + body, ex=6 * 3600)
        except Exception:  # noqa: BLE001
            _redis_failed_at[url] = time.monotonic()


def body_for(event_id: int, version: int, config) -> bytes | None:
    """The public state's body of exactly this version, if some process has built it; else None."""
    known = _bodies.get(event_id)
    if known is not None and known[0] == version:
        return known[1]
    url = redis_url(config)
    if not url or time.monotonic() - _redis_failed_at.get(url, -60.0) <= 30:
        return None
    try:
        raw = _redis(url).get(_BODY_KEY.format(event_id))
    except Exception:  # noqa: BLE001
        _redis_failed_at[url] = time.monotonic()
        return None
    if not raw:
        return None
    stored, _sep, body = raw.partition(b"\n")
    if int(stored) != version:
        return None
    with _lock:
        _bodies[event_id] = (version, body)
    return body
