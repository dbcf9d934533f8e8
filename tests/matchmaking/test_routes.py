"""Matchmaking through the browser's eyes (test client, CSRF on): ask, accept, place, see time and table."""

import csv
import io

import pytest

from pitchday.berlin import to_local
from pitchday.models.matchmaking import MeetingRequest, RequestSide, RequestStatus
from pitchday.services.matchmaking import meetings
from pitchday.services.matchmaking import requests as mm
from tests.conftest import create_user, log_in
from tests.matchmaking.conftest import add_pitch, register


def test_ask_accept_place_and_both_see_time_and_table(app, new_client, db, pitch_day, organiser):
    event, alpha = pitch_day["event"], pitch_day["alpha"]
    reg = register(db, event, "Ina Industrie")
    attendee = new_client()
    page = f"/meet/{reg.ticket_secret}"
    html = attendee.get(page).get_data(as_text=True)
    assert "Alpha Energy" in html and "Beta Logistics" in html
    response = attendee.post_form(f"{page}/ask", {"target": alpha.id, "reason": "Pilot in unserem Werk"}, page=page)
    assert response.status_code == 302
    request = db.session.scalars(db.select(MeetingRequest)).one()
    assert request.reason == "Pilot in unserem Werk" and request.requested_by == RequestSide.ATTENDEE

    startup = new_client()
    log_in(startup, pitch_day["founder"])
    startup_page = f"/startups/{alpha.id}/events/{event.id}/meet"
    assert "Pilot in unserem Werk" in startup.get(startup_page).get_data(as_text=True)
    startup.post_form(f"{startup_page}/requests/{request.id}/accept", page=startup_page)
    db.session.refresh(request)
    assert request.status == RequestStatus.ACCEPTED

    orga = new_client()
    log_in(orga, organiser)
    grid = f"/events/{event.id}/matchmaking/"
    assert orga.post_form(grid, {"slot_minutes": "15", "tables": "Tisch 1\nTisch 2"}, page=grid).status_code == 302
    assert orga.post_form(f"{grid}run", page=grid).status_code == 302
    grid_html = orga.get(grid).get_data(as_text=True)
    assert "Alpha Energy</strong> × Ina Industrie" in grid_html

    meeting = meetings.placed_meetings(event)[0]
    berlin_time = to_local(meeting.starts_at).strftime("%H:%M")
    for client, url in ((attendee, page), (startup, startup_page)):
        html = client.get(url).get_data(as_text=True)
        assert "Tisch 1" in html and berlin_time in html
    ics = attendee.get(f"{page}/meetings/{meeting.id}.ics")
    assert ics.mimetype == "text/calendar" and b"Tisch 1" in ics.data
    assert startup.get(f"{startup_page}/meetings/{meeting.id}.ics").status_code == 200


def test_bad_input_is_answered_without_an_error_page(app, new_client, db, pitch_day):
    reg = register(db, pitch_day["event"], "Ina Industrie")
    client = new_client()
    page = f"/meet/{reg.ticket_secret}"
    for data in ({"target": pitch_day["alpha"].id, "reason": "x" * 300}, {"target": "999"}, {"target": "abc"}):
        response = client.post_form(f"{page}/ask", data, page=page)
        assert response.status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(MeetingRequest)) == 0
    assert client.post_form(f"{page}/requests/1/explode", page=page).status_code == 404
    assert client.post_form(f"{page}/requests/999/accept", page=page).status_code == 302
    assert client.get("/meet/not-a-ticket").status_code == 404
    assert client.post(f"{page}/ask", data={"target": pitch_day["alpha"].id}).status_code == 400  # no CSRF


def test_another_attendee_cannot_answer_or_see_my_meeting(app, new_client, db, pitch_day):
    event = pitch_day["event"]
    mine, theirs = register(db, event, "Ina Eins"), register(db, event, "Ole Zwei")
    mm.set_profile(mine, visible=True, share_contact=False)
    request = mm.request_by_startup(pitch_day["alpha"], mine, reason="", by=pitch_day["founder"])
    db.session.commit()
    client = new_client()
    page = f"/meet/{theirs.ticket_secret}"
    client.post_form(f"{page}/requests/{request.id}/accept", page=page)
    db.session.refresh(request)
    assert request.status == RequestStatus.PENDING


def test_the_account_link_leads_a_registered_user_to_their_meeting_page(app, new_client, db, pitch_day):
    user = create_user("ina@example.org", "Ina Account")
    reg = register(db, pitch_day["event"], "Ina Account", user=user)
    client = new_client()
    log_in(client, user)
    response = client.get(f"/events/{pitch_day['event'].id}/meet")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/meet/{reg.ticket_secret}")


def test_the_startup_contact_list_after_the_event_holds_only_those_who_share(app, new_client, db, past_day):
    founder = create_user("f@example.org", "Fiona")
    alpha = add_pitch(db, past_day, "Alpha", members=[founder])
    sharing = register(db, past_day, "=Sarah Teilt", organisation="+Evil Corp")
    private = register(db, past_day, "Paul Privat")
    mm.set_profile(sharing, visible=False, share_contact=True)
    for reg in (sharing, private):
        mm.request_by_attendee(reg, alpha, reason="Talk")
    db.session.commit()
    client = new_client()
    log_in(client, founder)
    base = f"/startups/{alpha.id}/events/{past_day.id}/contacts"
    html = client.get(base).get_data(as_text=True)
    assert sharing.email in html and private.email not in html
    rows = list(csv.reader(io.StringIO(client.get(base + ".csv?format=intl").get_data(as_text=True))))
    assert [r[0] for r in rows[1:]] == ["'=Sarah Teilt"] and rows[1][1] == "'+Evil Corp"
    assert rows[1][5] == "yes"
    response = client.post_form(f"/startups/{alpha.id}/events/{past_day.id}/follow-ups",
                                {"startup": alpha.id, "kind": "pilot", "partner": "Muster GmbH"}, page=base)
    assert response.status_code == 302
    assert "Muster GmbH" in client.get(base).get_data(as_text=True)


def test_organiser_settings_errors_keep_the_input(app, new_client, db, pitch_day, organiser):
    client = new_client()
    log_in(client, organiser)
    grid = f"/events/{pitch_day['event'].id}/matchmaking/"
    response = client.post_form(grid, {"slot_minutes": "2", "tables": "Tisch A"}, page=grid)
    assert response.status_code == 400 and "Tisch A" in response.get_data(as_text=True)


@pytest.fixture(autouse=True)
def request_context():
    """Route tests go through the client, which makes its own request contexts."""
    yield


def test_the_event_page_panel_and_dashboard_count(app, db, new_client, pitch_day, organiser):
    from pitchday.blueprints.events.panels import event_panels
    from pitchday.services.events.counts import counts_for

    event = pitch_day["event"]
    with app.test_request_context():
        shown = [template for template, _context in event_panels(event)]
        assert "matchmaking/_panel.html" not in shown  # anonymous: nothing to arrange
    client = new_client()
    log_in(client, organiser)
    with app.test_request_context():
        from flask_login import login_user

        login_user(organiser)
        [(template, context)] = [p for p in event_panels(event) if p[0] == "matchmaking/_panel.html"]
        assert context["organise"] and not context["attend"]
    assert counts_for([event.id])["meetings"] == {}
