"""The subscription feeds as calendar apps fetch them: right events, named, cached with ETag and 304."""

from contextlib import contextmanager

import sqlalchemy as sa

from pitchday.extensions import db as _db
from pitchday.models import EventStatus
from pitchday.services.calendar.personal import PROVIDERS, PersonalEntry
from tests.events.conftest import future_day
from tests.events.ical_helpers import parse_both, vevents


@contextmanager
def count_queries():
    statements = []

    def record(conn, cursor, statement, *args):
        if statement.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):  # transaction control, not queries
            statements.append(statement)

    sa.event.listen(_db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(_db.engine, "before_cursor_execute", record)


def test_hub_camp_and_sector_feeds_list_the_right_events(client, make_event):
    make_event("essen", "Energie Essen", sector_slugs="energy")
    make_event("dortmund", "Logistik Dortmund", sector_slugs="logistics,iot")
    make_event("duisburg", "Hafen Duisburg", sector_slugs="logistics")
    make_event("essen", "Geheimer Entwurf", status=EventStatus.DRAFT)

    def summaries(url):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
        return {str(e["SUMMARY"]) for e in vevents(response.data)}

    assert summaries("/calendar.ics") == {"Energie Essen", "Logistik Dortmund", "Hafen Duisburg"}
    assert summaries("/camps/essen/calendar.ics") == {"Energie Essen"}
    assert summaries("/sectors/logistics/calendar.ics") == {"Logistik Dortmund", "Hafen Duisburg"}
    assert summaries("/sectors/iot/calendar.ics") == {"Logistik Dortmund"}
    cal, _v = parse_both(client.get("/sectors/logistics/calendar.ics").data)
    assert "pitchday" in str(cal["X-WR-CALNAME"])
    cal, _v = parse_both(client.get("/camps/essen/calendar.ics").data)
    assert str(cal["X-WR-CALNAME"]) == "pitchday: Camp Essen"


def test_a_draft_calendar_file_is_for_its_organisers_only(client, login, organiser, make_event):
    draft = make_event(status=EventStatus.DRAFT)
    assert client.get(f"/events/{draft.id}/calendar.ics").status_code == 302  # to the log-in page
    login(organiser)
    assert client.get(f"/events/{draft.id}/calendar.ics").status_code == 200


def test_feeds_answer_304_to_a_client_with_the_current_version(client, db, make_event, organiser):
    from pitchday.services.events import schedule as events

    event = make_event()
    first = client.get("/calendar.ics")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag and modified
    with count_queries() as statements:
        again = client.get("/calendar.ics", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert len(statements) == 1  # only the stamp query: the feed was not built
    assert client.get("/calendar.ics", headers={"If-Modified-Since": modified}).status_code == 304
    # A change makes a new version.
    events.update(event, by=organiser, venue_name="Zeche Zollverein")
    db.session.commit()
    changed = client.get("/calendar.ics", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert b"Zeche Zollverein" in changed.data
    # A new event changes it too, and so does the language.
    single = client.get(f"/events/{event.id}/calendar.ics")
    assert client.get(f"/events/{event.id}/calendar.ics",
                      headers={"If-None-Match": single.headers["ETag"]}).status_code == 304
    english = client.get("/calendar.ics?lang=en", headers={"If-None-Match": changed.headers["ETag"]})
    assert english.status_code == 200


def test_feed_costs_the_same_queries_for_3_or_30_events(client, make_event):
    def queries():
        with count_queries() as statements:
            assert client.get("/calendar.ics").status_code == 200
        with count_queries() as listing:
            assert client.get("/events/").status_code == 200
        return len(statements), len(listing)

    for i in range(3):
        make_event("essen", f"Event {i}", starts_at=future_day(10 + i))
    few = queries()
    for i in range(27):
        make_event(["bochum", "dortmund", "duisburg"][i % 3], f"Mehr {i}", starts_at=future_day(20 + i))
    assert queries() == few


def test_personal_feed_by_secret_token(client, member, make_event):
    event = make_event()

    def provider(user):
        return [PersonalEntry(event, "attendee")] if user.id == member.id else []

    PROVIDERS.append(provider)
    try:
        response = client.get(f"/me/calendar/{member.feed_token}.ics")
        assert response.status_code == 200
        assert "private" in response.headers["Cache-Control"]
        (item,) = vevents(response.data)
        assert str(item["UID"]) == event.uid
        again = client.get(f"/me/calendar/{member.feed_token}.ics",
                           headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304
    finally:
        PROVIDERS.remove(provider)


def test_resetting_the_token_retires_the_old_address(client, login, member):
    old = member.feed_token
    login(member)
    assert f"/me/calendar/{old}.ics" in client.get("/account/").get_data(as_text=True)
    client.post_form("/account/feed-token", {}, page="/account/")
    assert client.get(f"/me/calendar/{old}.ics").status_code == 404
    _db.session.refresh(member)
    assert client.get(f"/me/calendar/{member.feed_token}.ics").status_code == 200


def test_events_pages_offer_webcal_links(client, make_event):
    event = make_event()
    assert "webcal://localhost/calendar.ics" in client.get("/events/").get_data(as_text=True)
    assert "webcal://localhost/sectors/logistics/calendar.ics" in client.get("/events/").get_data(as_text=True)
    assert "webcal://localhost/camps/essen/calendar.ics" in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_cancelled_event_stays_in_feeds_until_it_would_have_dropped_out(client, make_event):
    make_event(title="Abgesagt", status=EventStatus.CANCELLED)
    make_event(title="Lange her", starts_at=future_day(-400), status=EventStatus.CANCELLED)
    items = {str(e["SUMMARY"]): e for e in vevents(client.get("/calendar.ics").data)}
    assert len(items) == 1
    (item,) = items.values()
    assert str(item["STATUS"]) == "CANCELLED"
