"""Placing agreed meetings in the networking block: the rules hold, confirmed meetings stay, people are told."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from pitchday.errors import Conflict
from pitchday.models.matchmaking import Meeting, MeetingStatus, RequestSide
from pitchday.services.calendar.personal import entries_for
from pitchday.services.matchmaking import meetings
from pitchday.services.matchmaking import requests as mm
from pitchday.services.matchmaking.allocation import Pair, check
from pitchday.services.matchmaking.setup import networking_block, networking_slots
from tests.conftest import create_user
from tests.matchmaking.conftest import register


def agree(reg, startup):
    request = mm.request_by_attendee(reg, startup, reason="Let's talk")
    return mm.respond(request, accept=True, side=RequestSide.STARTUP)


@pytest.fixture
def agreed(db, pitch_day):
    """Four attendees who all agreed with both startups: 8 pairs, networking 60 min in 15-min slots."""
    regs = [register(db, pitch_day["event"], name) for name in ("Ina A", "Ole B", "Pia C", "Udo D")]
    requests = [agree(reg, s) for reg in regs for s in (pitch_day["alpha"], pitch_day["beta"])]
    meetings.set_tables(pitch_day["event"], ["Tisch 1", "Tisch 2"])
    db.session.commit()
    return {**pitch_day, "regs": regs, "requests": requests}


def _placed(db, event):
    return meetings.placed_meetings(event)


def _assert_rules(event, requests, placed):
    pairs = [Pair(r.id, ("s", r.startup_id), r.party_key) for r in requests]
    tables = [t.id for t in meetings.tables_of(event)]
    placements = {m.request_id: (m.slot_index, m.table_id) for m in placed}
    assert check(pairs, len(networking_slots(event)), tables, placements) == []


def test_the_allocation_places_every_agreed_meeting_the_grid_allows(db, agreed, outbox):
    event = agreed["event"]
    result = meetings.run_allocation(event)
    db.session.commit()
    placed = _placed(db, event)
    # 4 slots x 2 tables = 8 places; each startup meets 4 people in 4 slots: all 8 fit.
    assert result.placed == len(placed) == 8 and result.optimal
    _assert_rules(event, agreed["requests"], placed)
    block = networking_block(event)
    assert {m.starts_at for m in placed} == {block.starts_at + timedelta(minutes=15 * i) for i in range(4)}
    # Both sides hear of it: the attendee and the startup's member, each with the meeting as .ics.
    mails = [m for m in outbox() if any(p.get_content_type() == "text/calendar" for p in m.iter_attachments())]
    assert len(mails) == 16
    first = next(m for m in mails if m["To"] == agreed["regs"][0].email)
    ics = next(p for p in first.iter_attachments() if p.get_content_type() == "text/calendar")
    vevent = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
    assert "Tisch" in str(vevent["LOCATION"])


def test_a_re_run_keeps_confirmed_meetings_and_fills_new_agreements(db, agreed):
    event = agreed["event"]
    meetings.run_allocation(event)
    db.session.commit()
    first = {m.request_id: (m.slot_index, m.table_id) for m in _placed(db, event)}
    confirmed = _placed(db, event)[:3]
    for m in confirmed:
        meetings.confirm(m, side=RequestSide.ATTENDEE)
        meetings.confirm(m, side=RequestSide.STARTUP)
    meetings.set_tables(event, ["Tisch 1", "Tisch 2", "Tisch 3"])
    late = register(db, event, "Lena Late")
    late_request = agree(late, agreed["alpha"])
    db.session.commit()
    result = meetings.run_allocation(event)
    db.session.commit()
    placed = _placed(db, event)
    for m in confirmed:
        assert (m.slot_index, m.table_id) == first[m.request_id]
    # Alpha already meets someone in all 4 slots: Lena cannot be placed, and nothing was moved for her.
    assert late_request.id in result.unplaced
    _assert_rules(event, [*agreed["requests"], late_request], placed)


def test_moving_a_meeting_onto_a_busy_person_or_table_is_refused(db, agreed):
    event = agreed["event"]
    meetings.run_allocation(event)
    db.session.commit()
    placed = _placed(db, event)
    a, b = placed[0], next(m for m in placed if m.slot_index != placed[0].slot_index)
    with pytest.raises(Conflict):
        meetings.move(b, slot_index=a.slot_index, table_id=a.table_id)
    db.session.rollback()
    free_table = meetings.set_tables(event, ["Tisch 1", "Tisch 2", "Tisch 3"])[-1]
    db.session.commit()
    same_startup = next(m for m in _placed(db, event)
                        if m.startup_id == a.startup_id and m.slot_index != a.slot_index)
    with pytest.raises(Conflict):  # the startup already sits at a's table in that slot
        meetings.move(same_startup, slot_index=a.slot_index, table_id=free_table.id)


def test_a_moved_meeting_stays_on_re_run_and_a_cancelled_one_is_not_placed_again(db, agreed):
    event = agreed["event"]
    meetings.run_allocation(event)
    tables = meetings.set_tables(event, ["Tisch 1", "Tisch 2", "Tisch 3"])
    db.session.commit()
    m = _placed(db, event)[0]
    meetings.move(m, slot_index=m.slot_index, table_id=tables[2].id)
    victim = _placed(db, event)[-1]
    meetings.cancel(victim)
    db.session.commit()
    meetings.run_allocation(event)
    db.session.commit()
    assert m.table_id == tables[2].id and m.pinned
    assert db.session.get(Meeting, victim.id).status == MeetingStatus.CANCELLED
    assert victim.request_id not in {p.request_id for p in _placed(db, event)}


def test_meetings_show_in_the_personal_feeds_of_both_sides(db, pitch_day):
    event = pitch_day["event"]
    user = create_user("ina@example.org", "Ina Account")
    reg = register(db, event, "Ina Account", user=user)
    agree(reg, pitch_day["alpha"])
    meetings.set_tables(event, ["Tisch 1"])
    meetings.run_allocation(event)
    db.session.commit()
    for person in (user, pitch_day["founder"]):
        entries = [e for e in entries_for(person) if e.role == "meeting"]
        assert len(entries) == 1 and "Tisch 1" in entries[0].title
    assert [e for e in entries_for(pitch_day["other_founder"]) if e.role == "meeting"] == []


def test_no_networking_block_or_no_tables_is_said_plainly(db, pitch_day):
    with pytest.raises(Conflict) as error:
        meetings.run_allocation(pitch_day["event"])
    assert error.value.code == "no_tables"


def test_a_table_with_meetings_cannot_be_removed(db, agreed):
    meetings.run_allocation(agreed["event"])
    db.session.commit()
    with pytest.raises(Conflict):
        meetings.set_tables(agreed["event"], ["Tisch 1"])


def test_the_database_refuses_a_second_meeting_for_a_person_in_one_slot(db, agreed):
    event = agreed["event"]
    meetings.run_allocation(event)
    db.session.commit()
    a = _placed(db, event)[0]
    other = next(m for m in _placed(db, event) if m.party_key == a.party_key and m.id != a.id)
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.update(Meeting).where(Meeting.id == other.id)
                           .values(slot_index=a.slot_index, table_id=meetings.tables_of(event)[1].id
                                   if a.table_id == meetings.tables_of(event)[0].id
                                   else meetings.tables_of(event)[0].id))
        db.session.flush()
    db.session.rollback()
