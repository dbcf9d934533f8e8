"""Calendar files and feeds as calendar apps read them (icalendar and vobject both parse every one)."""

from datetime import UTC, datetime, timedelta

from pitchday.models import EventStatus
from pitchday.services.calendar import ics as ical
from pitchday.services.events import schedule as events
from tests.events.conftest import berlin
from tests.events.ical_helpers import parse_both, vevents


def test_one_event_file_has_what_calendar_apps_need(app, make_event):
    event = make_event(description="**Zehn** Startups pitchen.\n\n<script>alert(1)</script>", online_url="https://meet.example/x")
    with app.test_request_context():
        data = ical.event_ics(event)
    cal, vcal = parse_both(data)
    assert str(cal["METHOD"]) == "PUBLISH" and str(cal["X-WR-CALNAME"]) == "Pitch Day Essen"
    (item,) = vevents(data)
    assert str(item["UID"]) == event.uid
    assert str(item["STATUS"]) == "CONFIRMED"
    assert "Deutschland-Haus" in str(item["LOCATION"]) and "Lindenallee 10" in str(item["LOCATION"])
    assert str(item["URL"]) == f"http://localhost/events/{event.id}"
    description = str(item["DESCRIPTION"])
    assert "Zehn Startups pitchen." in description and "**" not in description and "<script>" not in description
    assert "Einlass" in description and "Pitches" in description  # the agenda, in the description
    assert item["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "DTSTAMP" in item and "LAST-MODIFIED" in item
    categories = [str(c) for c in item["CATEGORIES"].cats]
    assert {"Camp Essen", "Pitch Day"} <= set(categories)  # German, the default language
    assert len(categories) == 4  # camp, type and the two sectors
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert vcal.vtimezone.tzid.value == "Europe/Berlin"


def test_times_are_right_on_both_sides_of_the_summer_time_change(app, make_event):
    # Sunday 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET.
    before = make_event(title="Samstag", starts_at=berlin(2026, 10, 24, 18, 0), blocks=False)
    after = make_event(title="Montag", starts_at=berlin(2026, 10, 26, 18, 0), blocks=False)
    # An all-night hackathon across the change itself: 20:00 CEST to 08:00 CET is 13 hours.
    night = make_event(title="Hackathon", starts_at=berlin(2026, 10, 24, 20, 0), hours=13, blocks=False)
    with app.test_request_context():
        data = ical.events_feed([before, after, night], name="Test")
    items = {str(i["SUMMARY"]): i for i in vevents(data)}
    assert items["Samstag"].decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 24, 16, 0, tzinfo=UTC)
    assert items["Montag"].decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 26, 17, 0, tzinfo=UTC)
    assert items["Montag"].decoded("DTSTART").hour == 18
    night_item = items["Hackathon"]
    assert night_item.decoded("DTEND").hour == 8
    duration = night_item.decoded("DTEND").astimezone(UTC) - night_item.decoded("DTSTART").astimezone(UTC)
    assert duration == timedelta(hours=13)
    # vobject resolves the same instants through the VTIMEZONE we ship.
    _cal, vcal = parse_both(data)
    v_night = next(v for v in vcal.vevent_list if v.summary.value == "Hackathon")
    assert v_night.dtend.value.astimezone(UTC) == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)


def test_uid_stays_and_sequence_grows_when_time_place_or_status_change(app, db, make_event, organiser):
    event = make_event()
    with app.test_request_context():
        first = vevents(ical.event_ics(event))[0]
        events.update(event, by=organiser, venue_name="Zeche Zollverein")
        db.session.commit()
        second = vevents(ical.event_ics(event))[0]
        events.postpone(event, by=organiser)
        db.session.commit()
        third = vevents(ical.event_ics(event))[0]
    assert str(first["UID"]) == str(second["UID"]) == str(third["UID"]) == event.uid
    assert int(first["SEQUENCE"]) < int(second["SEQUENCE"]) < int(third["SEQUENCE"])
    assert "Zeche Zollverein" in str(second["LOCATION"])
    assert str(third["STATUS"]) == "TENTATIVE"


def test_a_cancelled_event_is_a_cancel_message_and_stays_in_feeds_as_cancelled(app, db, make_event, organiser):
    event = make_event()
    with app.test_request_context():
        events.cancel(event, by=organiser)
        db.session.commit()
        cal, _v = parse_both(ical.event_ics(event))
        assert str(cal["METHOD"]) == "CANCEL"
        (item,) = vevents(ical.event_ics(event))
        assert str(item["STATUS"]) == "CANCELLED" and int(item["SEQUENCE"]) == 1
        feed = vevents(ical.events_feed([event], name="Essen"))
    assert str(feed[0]["STATUS"]) == "CANCELLED"


def test_the_same_data_gives_the_same_bytes(app, make_event):
    event = make_event()
    with app.test_request_context():
        assert ical.event_ics(event) == ical.event_ics(event)


def test_personal_feed_lists_each_entry_once_with_its_own_uid_and_time(app, make_event):
    from pitchday.services.calendar.personal import PersonalEntry

    event = make_event(status=EventStatus.PUBLISHED)
    slot_start = event.starts_at + timedelta(minutes=40)
    entries = [PersonalEntry(event, "attendee"), PersonalEntry(event, "attendee"),
               PersonalEntry(event, "pitch", starts_at=slot_start, ends_at=slot_start + timedelta(minutes=10),
                             uid=f"pitch-7-{event.uid}", title="Pitch: Solarwerk")]
    with app.test_request_context():
        items = vevents(ical.personal_feed(entries, name="Mine"))
    assert [str(i["UID"]) for i in items] == [event.uid, f"pitch-7-{event.uid}"]
    assert items[1].decoded("DTSTART").astimezone(UTC) == slot_start
    assert str(items[1]["SUMMARY"]) == "Pitch: Solarwerk"
