"""The control room's state machine: the table of moves, the timer, undo, the rehearsal reset, late shows."""

from datetime import timedelta

import pytest

from pitchday.errors import Conflict
from pitchday.models.live import Phase
from pitchday.services import vote as votes
from pitchday.services.live import state as live_state
from pitchday.services.live import timing, transitions
from pitchday.services.live import view as live_view
from tests.live.conftest import pitches


def act(db, event, action, by=None):
    state = live_state.ensure_state(event)
    entry = transitions.act(event, action, by=by, seen_version=state.version)
    db.session.commit()
    return entry


def current(event):
    state = live_state.state_of(event)
    order = live_state.show_order(event, state)
    return state, order


def test_a_slot_runs_waiting_pitch_qa_ended_then_the_next_startup_is_called(db, event, organiser):
    names = [a.startup.name for a in pitches(event)]
    act(db, event, "start_pitch", organiser)
    state, order = current(event)
    assert (state.phase, order[state.current].startup.name) == (Phase.PITCH, names[0])
    assert state.phase_started_at is not None and state.started_at is not None
    act(db, event, "start_qa", organiser)
    act(db, event, "end", organiser)
    act(db, event, "next", organiser)
    state, order = current(event)
    assert (state.phase, order[state.current].startup.name) == (Phase.WAITING, names[1])
    assert state.version == 5


@pytest.mark.parametrize("action", ["start_qa", "end", "next", "pause", "resume", "reveal", "close_vote"])
def test_moves_the_table_does_not_allow_are_refused(db, event, organiser, action):
    with pytest.raises(Conflict) as error:
        act(db, event, action, organiser)
    assert error.value.code == "not_allowed"
    assert live_state.state_of(event).version == 1


def test_an_action_from_an_old_version_is_refused_and_changes_nothing(db, event, organiser):
    state = live_state.ensure_state(event)
    transitions.act(event, "start_pitch", by=organiser, seen_version=state.version)
    db.session.commit()
    with pytest.raises(Conflict) as error:
        transitions.act(event, "start_qa", by=organiser, seen_version=1)
    assert error.value.code == "changed_meanwhile"
    db.session.rollback()
    assert live_state.state_of(event).phase == Phase.PITCH


def test_next_after_the_last_startup_ends_the_show(db, event, organiser):
    for _ in range(3):
        for action in ("start_pitch", "start_qa", "next"):
            act(db, event, action, organiser)
    state, order = current(event)
    assert state.current == len(order) == 3 and state.phase == Phase.ENDED
    assert live_view.public_state(event)["finished"] is True
    with pytest.raises(Conflict):
        act(db, event, "start_pitch", organiser)


def test_undo_goes_back_one_step_at_a_time_and_keeps_the_timer(db, event, organiser):
    act(db, event, "start_pitch", organiser)
    started = live_state.state_of(event).phase_started_at
    act(db, event, "start_qa", organiser)
    state = live_state.state_of(event)
    transitions.undo(event, by=organiser, seen_version=state.version)
    db.session.commit()
    state = live_state.state_of(event)
    assert state.phase == Phase.PITCH and state.phase_started_at == started  # the pitch's clock runs on
    transitions.undo(event, by=organiser, seen_version=state.version)
    db.session.commit()
    state = live_state.state_of(event)
    assert state.phase == Phase.WAITING and state.phase_started_at is None
    with pytest.raises(Conflict) as error:
        transitions.undo(event, by=organiser, seen_version=state.version)
    assert error.value.code == "nothing_to_undo"


def test_pause_freezes_the_timer_and_resume_continues_it(db, event, organiser):
    act(db, event, "start_pitch", organiser)
    state = live_state.state_of(event)
    state.phase_started_at -= timedelta(seconds=100)  # the pitch has run 100 s
    db.session.commit()
    act(db, event, "pause", organiser)
    state = live_state.state_of(event)
    assert state.paused and 99 <= state.paused_elapsed <= 102
    later = state.phase_started_at + timedelta(hours=1)
    assert timing.remaining(state, later, 5, 5) == pytest.approx(300 - state.paused_elapsed)
    act(db, event, "resume", organiser)
    state = live_state.state_of(event)
    assert not state.paused
    assert 99 <= timing.elapsed(state, transitions.utcnow()) <= 103


def test_no_show_goes_to_the_end_and_swap_changes_places(db, event, organiser):
    a, b, c = [p.startup.name for p in pitches(event)]
    act(db, event, "no_show", organiser)
    assert [s.startup.name for s in current(event)[1]] == [b, c, a]
    act(db, event, "swap", organiser)
    assert [s.startup.name for s in current(event)[1]] == [c, b, a]
    state = live_state.state_of(event)
    transitions.undo(event, by=organiser, seen_version=state.version)
    db.session.commit()
    assert [s.startup.name for s in current(event)[1]] == [b, c, a]


def test_the_vote_opens_and_closes_from_the_control_room_and_undo_closes_it(db, event, organiser):
    act(db, event, "open_vote", organiser)
    assert votes.is_open(event.id)
    assert live_view.public_state(event)["vote"]["code"] == votes.settings_of(event).screen_code
    state = live_state.state_of(event)
    transitions.undo(event, by=organiser, seen_version=state.version)
    db.session.commit()
    assert not votes.is_open(event.id)
    assert live_view.public_state(event)["vote"] is None


def test_rehearsal_reset_starts_over_and_forgets_the_log(db, event, organiser):
    act(db, event, "no_show", organiser)
    act(db, event, "start_pitch", organiser)
    transitions.reset(event, by=organiser)
    db.session.commit()
    state, order = current(event)
    assert (state.current, state.phase, state.started_at) == (0, Phase.WAITING, None)
    assert [s.startup.name for s in order] == [p.startup.name for p in pitches(event)]
    assert transitions.last_undoable(event) is None


def test_a_late_show_shifts_the_expected_times_of_the_startups_still_waiting(db, event, organiser):
    act(db, event, "start_pitch", organiser)
    state, order = current(event)
    planned = [s.starts_at for s in order]
    # The first pitch started 12 minutes late and has run 2 of its 5 minutes.
    now = planned[0] + timedelta(minutes=14)
    state.phase_started_at = now - timedelta(minutes=2)
    expected = timing.expected_starts(state, planned, now, 5, 5)
    assert expected[0] is None
    assert expected[1] == planned[1] + timedelta(minutes=12)
    assert expected[2] == planned[2] + timedelta(minutes=12)
    assert timing.minutes_until(expected[2], now) == 18


def test_overtime_counts_up_and_pushes_the_next_startups(db, event):
    state = live_state.ensure_state(event)
    state.phase, state.phase_started_at = Phase.QA, transitions.utcnow() - timedelta(minutes=7)
    now = transitions.utcnow()
    assert timing.remaining(state, now, 5, 5) == pytest.approx(-120, abs=2)
    planned = [s.starts_at for s in live_state.show_order(event, state)]
    expected = timing.expected_starts(state, planned, now, 5, 5)
    assert abs((expected[1] - now).total_seconds()) < 2  # due now: the Q&A is over its time


def test_before_the_show_the_first_startup_is_expected_at_its_planned_time(db, event):
    state = live_state.ensure_state(event)
    planned = [s.starts_at for s in live_state.show_order(event, state)]
    expected = timing.expected_starts(state, planned, planned[0] - timedelta(hours=1), 5, 5)
    assert expected == planned


def test_every_control_room_action_is_in_the_audit_trail(db, event, organiser):
    from pitchday.models.audit import AuditEntry

    act(db, event, "start_pitch", organiser)
    state = live_state.state_of(event)
    transitions.undo(event, by=organiser, seen_version=state.version)
    db.session.commit()
    entries = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action.like("live.%"))
                                 .order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["live.start_pitch", "live.undo"]
    first = pitches(event)[0].startup.name
    assert entries[0].actor_id == organiser.id and entries[0].event_id == event.id
    assert entries[0].before == {"phase": "waiting", "on_stage": first}
    assert entries[0].after == {"phase": "pitch", "on_stage": first}
    assert entries[1].after == {"phase": "waiting", "on_stage": first}


def test_a_refused_action_leaves_no_audit_entry(db, event, organiser):
    from pitchday.models.audit import AuditEntry

    with pytest.raises(Conflict):
        act(db, event, "next", organiser)
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action.like("live.%"))) == 0
