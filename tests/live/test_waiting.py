"""Held polls wait without waking each other: a new poll on the version the others hold wakes nobody (only the
first wakes the watcher), a newer one wakes them all, and each returns the moment the show moves."""

import threading
import time

import pytest

from pitchday.services.live import waiting


class CountingCondition(threading.Condition):
    def __init__(self):
        super().__init__()
        self.notified = 0

    def notify_all(self):
        self.notified += 1
        super().notify_all()


@pytest.fixture
def cond(monkeypatch):
    counting = CountingCondition()
    monkeypatch.setattr(waiting, "_cond", counting)
    monkeypatch.setattr(waiting, "_waiting", {})
    monkeypatch.setattr(waiting, "_seen", {})
    monkeypatch.setattr(waiting, "_watcher", {"thread": "not started in this test"})
    return counting


def hold(n, event_id, version, results):
    threads = [threading.Thread(target=lambda: results.append(
        waiting.wait_for_change(event_id, version, lambda _e: version, timeout=5) or time.monotonic()))
        for _ in range(n)]
    for thread in threads:
        thread.start()
    return threads


def test_polls_on_the_held_version_wake_nobody_and_a_change_wakes_all(cond):
    results = []
    threads = hold(5, 7, 3, results)
    deadline = time.monotonic() + 5
    while waiting.held() < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert waiting.held() == 5
    assert cond.notified == 1  # the first poll woke the (absent) watcher; the four after it woke no one
    moved = time.monotonic()
    waiting.wake(7, 4)
    for thread in threads:
        thread.join(timeout=5)
    assert len(results) == 5 and max(results) - moved < 0.5
    assert waiting.held() == 0


def test_a_change_wakes_the_held_polls_in_slices_not_all_in_the_same_instant(cond):
    """300 answers and 300 next polls in one instant queued the door's scans behind them (issue 18)."""
    results = []
    threads = hold(60, 7, 3, results)
    deadline = time.monotonic() + 5
    while waiting.held() < 60 and time.monotonic() < deadline:
        time.sleep(0.01)
    moved = time.monotonic()
    waiting.wake(7, 4)
    for thread in threads:
        thread.join(timeout=5)
    assert len(results) == 60 and waiting.held() == 0
    first, last = min(results) - moved, max(results) - moved
    assert first < 0.05  # the first slice at once
    assert last - first >= waiting.SPREAD_SECONDS * 0.6  # the rest over the spread, not in one burst
    assert last < 1.0  # and everyone well within the screens' latency target
