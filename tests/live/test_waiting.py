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


def hold(n, event_id, version):
    """``n`` polls held on ``version``; returns a function that moves the show and gives, for each poll, the
    seconds between the move and its return."""
    results = []
    threads = [threading.Thread(target=lambda: results.append(
        waiting.wait_for_change(event_id, version, lambda _e: version, timeout=5) or time.monotonic()))
        for _ in range(n)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 5
    while waiting.held() < n and time.monotonic() < deadline:
        time.sleep(0.01)
    assert waiting.held() == n

    def move() -> list[float]:
        moved = time.monotonic()
        waiting.wake(event_id, version + 1)
        for thread in threads:
            thread.join(timeout=5)
        assert len(results) == n and waiting.held() == 0
        return sorted(returned - moved for returned in results)

    return move


def test_polls_on_the_held_version_wake_nobody_and_a_change_wakes_all(cond):
    move = hold(5, 7, 3)
    assert cond.notified == 1  # the first poll woke the (absent) watcher; the four after it woke no one
    assert move()[-1] < 0.5


def test_a_change_wakes_the_held_polls_in_slices_not_all_in_the_same_instant(cond):
    """300 answers and 300 next polls in one instant queued the door's scans behind them (issue 18)."""
    returned = hold(60, 7, 3)()
    first, last = returned[0], returned[-1]
    assert first < 0.05  # the first slice at once
    assert last - first >= waiting.SPREAD_SECONDS * 0.6  # the rest over the spread, not in one burst
    assert last < 1.0  # and everyone well within the screens' latency target
