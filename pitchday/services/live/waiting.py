"""Held polls: where the server can hold a request without holding up others, a screen's poll waits (up to
``HOLD_SECONDS``) for the show to move instead of being answered "unchanged" at once.

Threaded servers can (gunicorn's gthread workers, the development server: ``wsgi.multithread``); gunicorn's
sync workers cannot, since a held request would keep the worker from everything else, so there a poll is
answered at once and the screen asks again a second later. Holding turns 300 screens' 300 requests a second
into 30, and a change reaches them in about a tenth of a second rather than half a second on average.

One watcher thread per process looks at the shared version (``channel.fresh_version``) ten times a second while
anyone waits, and wakes the waiting requests when it moves; a change made in this process wakes them at once.
The waiting requests are woken in slices over ``SPREAD_SECONDS``, not all at once: hundreds of answers and the
screens' next polls arriving in the same instant queued the door's scans behind them.
"""

import threading
import time

HOLD_SECONDS = 10.0
WATCH_INTERVAL = 0.1
SPREAD_SECONDS, SPREAD_SLICES = 0.15, 6

_cond = threading.Condition()
_waiting: dict[int, int] = {}  # event id -> requests waiting on it
_seen: dict[int, int] = {}
_watcher: dict[str, threading.Thread] = {}
_reader: dict[str, object] = {}


_server = {"threads": None}  # a gunicorn worker's threads, told by gunicorn.conf.py; None elsewhere


def held() -> int:
    return sum(_waiting.values())


def tell_threads(threads: int) -> None:
    """The process serves requests on this many threads (gunicorn.conf.py calls it in each worker)."""
    _server["threads"] = threads


def hold_limit(configured: int) -> int:
    """How many polls this process may hold: the configured ``LIVE_HELD_POLLS``, but never so many that fewer than
    a quarter of the worker's threads (at least two) are left for everything else, door scans first."""
    threads = _server["threads"]
    if not threads:
        return configured
    return max(0, min(configured, threads - max(2, threads // 4)))


def wake(event_id: int, version: int) -> None:
    """A new version is known in this process: wake whoever waits for it, a slice at a time."""
    with _cond:
        if not _waiting.get(event_id) or _seen.get(event_id) == version:
            return
        _seen[event_id] = version
        slice_size = -(-_waiting[event_id] // SPREAD_SLICES)
        _cond.notify(slice_size)
    threading.Thread(target=_wake_the_rest, args=(_cond, slice_size), daemon=True,
                     name="pitchday-live-wake").start()


def _wake_the_rest(cond: threading.Condition, slice_size: int) -> None:
    # A notify may wake a request waiting on another event, which just waits again; the last step wakes everyone
    # left, so nobody waits longer than SPREAD_SECONDS for a change.
    for _ in range(SPREAD_SLICES - 2):
        time.sleep(SPREAD_SECONDS / (SPREAD_SLICES - 1))
        with cond:
            cond.notify(slice_size)
    time.sleep(SPREAD_SECONDS / (SPREAD_SLICES - 1))
    with cond:
        cond.notify_all()


def _watch() -> None:
    while True:
        with _cond:
            while not any(_waiting.values()):
                _cond.wait()
            events = [event_id for event_id, n in _waiting.items() if n]
        for event_id in events:
            try:
                version = _reader["read"](event_id)
            except Exception:  # noqa: BLE001
                version = None  # the database or Redis away for a moment: try again shortly
            if version is not None:
                wake(event_id, version)
        time.sleep(WATCH_INTERVAL)


def wait_for_change(event_id: int, version: int, read_version, timeout: float = HOLD_SECONDS) -> None:
    """Return when the event's version differs from ``version`` or after ``timeout`` seconds."""
    _reader["read"] = read_version  # one app per process in production; the newest in a test run
    if "thread" not in _watcher:
        with _cond:
            if "thread" not in _watcher:
                _watcher["thread"] = threading.Thread(target=_watch, daemon=True, name="pitchday-live-watcher")
                _watcher["thread"].start()
    deadline = time.monotonic() + timeout
    with _cond:
        first = not any(_waiting.values())
        _waiting[event_id] = _waiting.get(event_id, 0) + 1
        # The caller's version is the newest this process knows; anyone still waiting on an older one wakes, and so
        # does the watcher, asleep for want of waiters. Otherwise nobody is woken: with 150 polls held, waking them
        # all for every new poll cost a tenth of a core at rest.
        newer = _seen.get(event_id) != version
        _seen[event_id] = version
        if first or newer:
            _cond.notify_all()
        try:
            while _seen.get(event_id, version) == version:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                _cond.wait(remaining)
        finally:
            _waiting[event_id] -= 1
