"""Scheduling rules: what organisers may enter, how changes move the agenda and raise the SEQUENCE."""

from datetime import timedelta

import pytest

from pitchday.errors import Conflict, Invalid
from pitchday.models import BlockKind, EventStatus
from pitchday.services.events import agenda as events_agenda
from pitchday.services.events import schedule as events
from tests.events.conftest import future_day


def _values(**overrides):
    start = future_day(40)
    values = {"title": "Workshop", "type": "workshop", "description": "", "starts_at": start,
              "ends_at": start + timedelta(hours=2), "venue_name": "Halle", "venue_address": "Weg 1",
              "online_url": "", "capacity": 10, "sector_slugs": "energy", "registration_opens_at": None,
              "registration_closes_at": None, "cfp_opens_at": None, "cfp_closes_at": None, "pitch_minutes": 5,
              "qa_minutes": 5}
    values.update(overrides)
    return values


def test_a_new_event_is_a_draft_with_a_stable_uid(db, camps, organiser):
    event = events.create(camps["essen"], by=organiser, **_values())
    assert event.status == EventStatus.DRAFT
    assert event.uid.endswith("@pitchday") and event.sequence == 0


@pytest.mark.parametrize("overrides, field", [
    ({"ends_at": future_day(40) - timedelta(hours=1)}, "ends_at"),
    ({"capacity": -1}, "capacity"),
    ({"title": "  "}, "title"),
    ({"registration_opens_at": future_day(10), "registration_closes_at": future_day(5)}, "registration_closes_at"),
    ({"registration_closes_at": future_day(41)}, "registration_closes_at"),
    ({"cfp_opens_at": future_day(10), "cfp_closes_at": future_day(45)}, "cfp_closes_at"),
    ({"cfp_opens_at": future_day(42)}, "cfp_opens_at"),
    ({"sector_slugs": "energy,astrology"}, "sectors"),
])
def test_inconsistent_events_are_refused_naming_the_field(db, camps, organiser, overrides, field):
    with pytest.raises(Invalid) as caught:
        events.create(camps["essen"], by=organiser, **_values(**overrides))
    assert caught.value.details["field"] == field


def test_moving_an_event_moves_its_agenda_and_raises_the_sequence(db, make_event, organiser):
    event = make_event()
    first_block = event.blocks[0].starts_at
    changes = events.update(event, by=organiser, starts_at=event.starts_at + timedelta(days=7),
                            ends_at=event.ends_at + timedelta(days=7))
    db.session.commit()
    assert {c.field for c in changes} == {"starts_at", "ends_at"}
    assert event.blocks[0].starts_at == first_block + timedelta(days=7)
    assert event.sequence == 1


def test_a_title_change_does_not_raise_the_sequence(db, make_event, organiser):
    event = make_event()
    assert events.update(event, by=organiser, title="Neuer Titel") == []
    assert event.sequence == 0


def test_a_draft_changes_without_raising_the_sequence(db, make_event, organiser):
    event = make_event(status=EventStatus.DRAFT)
    events.update(event, by=organiser, venue_name="Anderswo")
    assert event.sequence == 0


def test_shortening_an_event_below_its_agenda_is_refused(db, make_event, organiser):
    event = make_event()
    with pytest.raises(Invalid) as caught:
        events.update(event, by=organiser, ends_at=event.starts_at + timedelta(hours=1))
    assert caught.value.details["field"] == "ends_at"


def test_status_moves_follow_the_table(db, make_event, organiser):
    event = make_event(status=EventStatus.DRAFT)
    with pytest.raises(Conflict):
        events.postpone(event, by=organiser)
    events.publish(event, by=organiser)
    assert event.sequence == 0  # nobody had it before it was published
    events.postpone(event, by=organiser)
    assert (event.status, event.sequence) == (EventStatus.POSTPONED, 1)
    events.publish(event, by=organiser)
    events.cancel(event, by=organiser)
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 3)
    with pytest.raises(Conflict):
        events.publish(event, by=organiser)
    with pytest.raises(Conflict):
        events.update(event, by=organiser, title="Doch nicht")


def test_agenda_blocks_must_fit_and_not_overlap(db, make_event, organiser):
    event = make_event()
    start = event.starts_at
    with pytest.raises(Invalid) as caught:
        events_agenda.add_block(event, by=organiser, kind="talk", title="Talk", starts_at=start + timedelta(minutes=15),
                                ends_at=start + timedelta(minutes=45))
    assert "Einlass" in str(caught.value.message)
    with pytest.raises(Invalid) as caught:
        events_agenda.add_block(event, by=organiser, kind="networking", title="Networking",
                                starts_at=event.ends_at - timedelta(minutes=30),
                                ends_at=event.ends_at + timedelta(hours=1))
    assert caught.value.details["field"] == "starts_at"
    with pytest.raises(Invalid) as caught:
        events_agenda.add_block(event, by=organiser, kind="pitch_block", title="Zweiter Pitch-Block",
                                starts_at=start + timedelta(minutes=130), ends_at=start + timedelta(minutes=150))
    assert caught.value.details["field"] == "kind"
    block = events_agenda.add_block(event, by=organiser, kind="networking", title="Networking",
                                    starts_at=start + timedelta(minutes=120), ends_at=event.ends_at)
    assert [b.kind for b in event.blocks] == [BlockKind.DOORS, BlockKind.PITCH_BLOCK, BlockKind.NETWORKING]
    assert event.pitch_block().title == "Pitches"
    events_agenda.update_block(block, by=organiser, kind="networking", title="Get-together",
                               starts_at=block.starts_at + timedelta(minutes=10), ends_at=block.ends_at)
    events_agenda.remove_block(block, by=organiser)
    db.session.commit()
    assert len(event.blocks) == 2


def test_copy_shifts_agenda_and_windows_to_the_new_date(db, make_event, organiser):
    start = future_day(20)
    event = make_event(starts_at=start, registration_opens_at=start - timedelta(days=10),
                       registration_closes_at=start - timedelta(days=1), cfp_opens_at=start - timedelta(days=15),
                       cfp_closes_at=start - timedelta(days=5))
    new_start = start + timedelta(weeks=13)
    copy = events.copy(event, by=organiser, starts_at=new_start, title="Pitch Day Essen Q2")
    db.session.commit()
    assert copy.status == EventStatus.DRAFT and copy.uid != event.uid and copy.copied_from_id == event.id
    assert copy.ends_at - copy.starts_at == event.ends_at - event.starts_at
    assert [(b.title, b.starts_at - copy.starts_at) for b in copy.blocks] == [
        (b.title, b.starts_at - event.starts_at) for b in event.blocks]
    assert copy.registration_closes_at == new_start - timedelta(days=1)
    assert copy.cfp_opens_at == new_start - timedelta(days=15)
