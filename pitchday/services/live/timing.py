"""The pitch timer and a late show's expected times, computed from the state and the server's clock.

Nothing here is stored: the timer is the phase's start instant plus the clock, so every screen (which receives
the start instant and the server's time) counts the same. The stage scripts (``static/js/live.js``) repeat
``expected_starts`` for the founders' "on in about N minutes"; keep the two in step.
"""

from datetime import datetime, timedelta

from ...models.live import Phase


def elapsed(state, now: datetime) -> float:
    """Seconds the current phase has run (frozen while paused); 0 before it started."""
    if state.paused_elapsed is not None:
        return float(state.paused_elapsed)
    if state.phase_started_at is None:
        return 0.0
    return max((now - state.phase_started_at).total_seconds(), 0.0)


def phase_seconds(phase: Phase, pitch_minutes: int, qa_minutes: int) -> int | None:
    """How long the phase is meant to take; None for phases without a timer."""
    return {Phase.PITCH: pitch_minutes * 60, Phase.QA: qa_minutes * 60}.get(Phase(phase))


def remaining(state, now: datetime, pitch_minutes: int, qa_minutes: int) -> float | None:
    """Seconds left in the phase (negative in overtime); None without a timer."""
    length = phase_seconds(state.phase, pitch_minutes, qa_minutes)
    return None if length is None else length - elapsed(state, now)


def expected_starts(state, planned: list[datetime], now: datetime, pitch_minutes: int,
                    qa_minutes: int) -> list[datetime | None]:
    """For each slot of the show's order, when its pitch is expected to start; None for slots already begun.

    The startup called but not started is expected now (or at its planned time, if that is later); the one on
    stage ends when its remaining pitch and Q&A have run (now, in overtime or once ended); every later startup
    follows after one slot's length each. A show ahead of its plan moves later startups earlier too.
    """
    slot = timedelta(minutes=pitch_minutes + qa_minutes)
    current, phase = state.current, Phase(state.phase)
    result: list[datetime | None] = [None] * len(planned)
    if current >= len(planned):
        return result
    if phase == Phase.WAITING:
        first = max(now, planned[current])
        result[current] = first
        free_at = first + slot
    else:
        left = 0.0
        if phase == Phase.PITCH:
            left = max(pitch_minutes * 60 - elapsed(state, now), 0) + qa_minutes * 60
        elif phase == Phase.QA:
            left = max(qa_minutes * 60 - elapsed(state, now), 0)
        free_at = now + timedelta(seconds=left)
    for index in range(current + 1, len(planned)):
        result[index] = free_at
        free_at += slot
    return result


def minutes_until(when: datetime | None, now: datetime) -> int | None:
    """Whole minutes from now until ``when`` (rounded; never below 0); None without a time."""
    if when is None:
        return None
    return max(round((when - now).total_seconds() / 60), 0)
