"""Organisers schedule events through the pages; visitors find them; nothing typed is lost on an error."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.berlin import to_local_naive
from pitchday.models import Event, EventStatus
from tests.events.conftest import future_day
from tests.events.ical_helpers import vevents


def _local(value):
    return to_local_naive(value).strftime("%Y-%m-%dT%H:%M")


def _form(**overrides):
    start = future_day(30)
    data = {"title": "Pitch Day Essen Winter", "type": "pitch_day", "description": "Zehn Startups.",
            "starts_at": _local(start), "ends_at": _local(start + timedelta(hours=3)),
            "venue_name": "Deutschland-Haus", "venue_address": "Lindenallee 10, 45127 Essen", "online_url": "",
            "capacity": "100", "sectors": ["energy", "industry"], "registration_opens_at": "",
            "registration_closes_at": "", "cfp_opens_at": "", "cfp_closes_at": "", "pitch_minutes": "5",
            "qa_minutes": "5"}
    data.update(overrides)
    return data


def test_organiser_creates_a_draft_adds_agenda_and_publishes(client, login, organiser, db):
    login(organiser)
    response = client.post_form("/camps/essen/events/new", _form(), page="/camps/essen/events/new")
    assert response.status_code == 302
    event = db.session.scalar(sa.select(Event))
    assert event.status == EventStatus.DRAFT and event.sectors == ["energy", "industry"]
    assert to_local_naive(event.starts_at).hour == to_local_naive(future_day(30)).hour
    # Not public yet.
    assert b"Pitch Day Essen Winter" not in client.get("/events/").data
    block = {"kind": "pitch_block", "title": "Pitches", "starts_at": _local(event.starts_at + timedelta(minutes=30)),
             "ends_at": _local(event.starts_at + timedelta(minutes=90))}
    agenda = f"/events/{event.id}/agenda"
    assert client.post_form(agenda, block, page=agenda).status_code == 302
    response = client.post_form(f"/events/{event.id}/publish", {}, page=f"/events/{event.id}")
    assert response.status_code == 302
    listing = client.get("/events/").get_data(as_text=True)
    assert "Pitch Day Essen Winter" in listing
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Pitches" in page and "Lindenallee 10" in page and "openstreetmap.org" in page
    assert "calendar.google.com" in page and "outlook.live.com" in page


def test_bad_input_gives_form_errors_and_keeps_what_was_typed(client, login, organiser, db):
    login(organiser)
    start = future_day(30)
    data = _form(ends_at=_local(start - timedelta(hours=1)), capacity="-3", title="Mein Pitch Day")
    response = client.post_form("/camps/essen/events/new", data, page="/camps/essen/events/new")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'value="Mein Pitch Day"' in html and "Zehn Startups." in html
    assert 'aria-invalid="true"' in html
    response = client.post_form("/camps/essen/events/new", _form(ends_at=_local(start - timedelta(hours=1))),
                                page="/camps/essen/events/new")
    assert response.status_code == 400
    assert "must end after it starts" in response.get_data(as_text=True) or "nach" in response.get_data(as_text=True)
    garbage = _form(starts_at="tomorrow-ish", capacity="many", type="party", sectors=["astrology"])
    response = client.post_form("/camps/essen/events/new", garbage, page="/camps/essen/events/new")
    assert response.status_code == 400
    assert 'value="tomorrow-ish"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 0


def test_overlapping_block_is_refused_with_a_message(client, login, organiser, make_event):
    event = make_event()
    login(organiser)
    block = {"kind": "talk", "title": "Keynote", "starts_at": _local(event.starts_at + timedelta(minutes=10)),
             "ends_at": _local(event.starts_at + timedelta(minutes=40))}
    response = client.post_form(f"/events/{event.id}/agenda", block, page=f"/events/{event.id}/agenda")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Einlass" in html and 'value="Keynote"' in html


def test_changing_the_time_mails_everyone_in_their_language_with_the_updated_ics(
        client, login, organiser, make_event, audience, outbox, db):
    event = make_event()
    uid = event.uid
    login(organiser)
    later = event.starts_at + timedelta(days=1)
    data = _form(title=event.title, starts_at=_local(later), ends_at=_local(later + timedelta(hours=3)),
                 venue_name=event.venue_name, venue_address=event.venue_address)
    response = client.post_form(f"/events/{event.id}/edit", data, page=f"/events/{event.id}/edit")
    assert response.status_code == 302
    mails = outbox()
    assert sorted(m["To"] for m in mails) == ["gast@example.org", "guest@example.org"]
    english = next(m for m in mails if m["To"] == "guest@example.org")
    assert english["Subject"].startswith("Changed")
    body = english.get_body(("plain",)).get_content()
    assert "Starts" in body and "before" in body
    attachment = next(p for p in english.iter_attachments() if p.get_content_type() == "text/calendar")
    (item,) = vevents(attachment.get_content().encode() if isinstance(attachment.get_content(), str)
                      else attachment.get_content())
    assert str(item["UID"]) == uid and int(item["SEQUENCE"]) == 1


def test_cancelling_sends_a_cancel_message(client, login, organiser, make_event, audience, outbox):
    event = make_event()
    login(organiser)
    response = client.post_form(f"/events/{event.id}/cancel", {"note": "Der Saal ist gesperrt."},
                                page=f"/events/{event.id}/cancel")
    assert response.status_code == 302
    mails = outbox()
    assert len(mails) == 2
    german = next(m for m in mails if m["To"] == "gast@example.org")
    assert "Der Saal ist gesperrt." in german.get_body(("plain",)).get_content()
    attachment = next(p for p in german.iter_attachments() if p.get_content_type() == "text/calendar")
    assert attachment.get_param("method") == "CANCEL"
    content = attachment.get_content()
    data = content.encode() if isinstance(content, str) else content
    assert b"METHOD:CANCEL" in data and b"STATUS:CANCELLED" in data
    # The page says so, and the event stays in the camp's feed as cancelled.
    assert "abgesagt" in client.get(f"/events/{event.id}").get_data(as_text=True).lower() or \
        "cancelled" in client.get(f"/events/{event.id}").get_data(as_text=True).lower()
    (item,) = vevents(client.get("/camps/essen/calendar.ics").data)
    assert str(item["STATUS"]) == "CANCELLED"


def test_a_draft_change_mails_nobody(client, login, organiser, make_event, audience, outbox):
    event = make_event(status=EventStatus.DRAFT)
    login(organiser)
    data = _form(title=event.title, venue_name="Woanders")
    client.post_form(f"/events/{event.id}/edit", data, page=f"/events/{event.id}/edit")
    assert outbox() == []


def test_copy_makes_a_draft_with_the_same_agenda(client, login, organiser, make_event, db):
    event = make_event()
    login(organiser)
    new_start = to_local_naive(event.starts_at) + timedelta(weeks=13)
    response = client.post_form(f"/events/{event.id}/copy", {"title": "Pitch Day Essen Q2",
                                                             "starts_at": new_start.strftime("%Y-%m-%dT%H:%M")},
                                page=f"/events/{event.id}/copy")
    assert response.status_code == 302
    copy = db.session.scalar(sa.select(Event).filter_by(title="Pitch Day Essen Q2"))
    assert copy.status == EventStatus.DRAFT
    assert [b.title for b in copy.blocks] == ["Einlass", "Pitches"]
    assert to_local_naive(copy.blocks[0].starts_at) == new_start


def test_listing_filters_by_camp_sector_type_and_month(client, make_event):
    make_event("essen", "Energie in Essen", sector_slugs="energy")
    make_event("dortmund", "Logistik in Dortmund", sector_slugs="logistics", type="workshop")
    make_event("essen", "Später", starts_at=future_day(100), sector_slugs="energy")
    make_event("essen", "Entwurf", status=EventStatus.DRAFT)

    def titles(query=""):
        html = client.get("/events/" + query).get_data(as_text=True)
        return {t for t in ["Energie in Essen", "Logistik in Dortmund", "Später", "Entwurf"] if t in html}

    assert titles() == {"Energie in Essen", "Logistik in Dortmund", "Später"}
    assert titles("?camp=dortmund") == {"Logistik in Dortmund"}
    assert titles("?sector=logistics") == {"Logistik in Dortmund"}
    assert titles("?type=workshop") == {"Logistik in Dortmund"}
    month = to_local_naive(future_day(100)).strftime("%Y-%m")
    assert "Später" in titles(f"?month={month}")
    assert "Energie in Essen" not in titles(f"?month={month}")
    assert titles("?sector=nonsense&month=13-2026&page=abc") == titles()


def test_past_events_are_in_the_archive_not_the_listing(client, make_event):
    make_event(title="Vorbei", starts_at=future_day(-20))
    assert "Vorbei" not in client.get("/events/").get_data(as_text=True)
    assert "Vorbei" in client.get("/events/archive").get_data(as_text=True)


def test_home_and_camp_pages_show_upcoming_events(client, make_event):
    make_event(title="Pitch Day Essen")
    make_event("dortmund", "Nur Dortmund")
    assert "Pitch Day Essen" in client.get("/").get_data(as_text=True)
    essen = client.get("/camps/essen").get_data(as_text=True)
    assert "Pitch Day Essen" in essen and "Nur Dortmund" not in essen
    assert "webcal://localhost/camps/essen/calendar.ics" in essen


def test_event_page_renders_the_panels_of_other_areas(app, client, make_event):
    from jinja2 import ChoiceLoader, DictLoader

    from pitchday.blueprints.events import panels

    event = make_event()
    app.jinja_loader = ChoiceLoader([app.jinja_loader, DictLoader(
        {"test/_panel.html": "<section class='test-panel'>{{ greeting }} {{ event.title }}</section>"})])
    app.jinja_env.loader = app.jinja_loader
    panels.register_event_panel("test/_panel.html", lambda e: {"greeting": "Hallo"}, order=10)
    try:
        html = client.get(f"/events/{event.id}").get_data(as_text=True)
    finally:
        panels.EVENT_PANELS.pop()
    assert "<section class='test-panel'>Hallo Pitch Day Essen</section>" in html


def test_organiser_dashboard_shows_own_camps_events_with_every_counter(client, login, organiser, make_event):
    from flask_babel import lazy_gettext as _l

    from pitchday.services.events import counts as event_counts

    mine = make_event(title="Mein Event")
    make_event("dortmund", "Fremdes Event")
    event_counts.register("test_count", _l("Test figures"), lambda ids: dict.fromkeys(ids, 7))
    try:
        login(organiser)
        html = client.get("/organise/").get_data(as_text=True)
    finally:
        event_counts.COUNTERS.pop()
    assert "Mein Event" in html and "Fremdes Event" not in html
    assert "Test figures" in html and ">7<" in html
    assert f"/events/{mine.id}" in html


def test_unknown_ids_are_404_not_500(client, login, organiser, make_event):
    event = make_event()
    other = make_event("essen", "Anderes")
    assert client.get("/events/999").status_code == 404
    assert client.get("/events/999/calendar.ics").status_code == 404
    assert client.get("/camps/nowhere/calendar.ics").status_code == 404
    assert client.get("/sectors/astrology/calendar.ics").status_code == 404
    assert client.get("/me/calendar/not-a-token.ics").status_code == 404
    login(organiser)
    block_of_other = other.blocks[0].id
    assert client.get(f"/events/{event.id}/agenda/{block_of_other}").status_code == 404
