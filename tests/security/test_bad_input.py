"""Defect 3 of issue 14: NUL bytes, over-large ids and wrong JSON types answer 400/404/422 with a message in the
reader's language, never a 500 (PostgreSQL refuses NUL in text; ids beyond its integer cannot be compared)."""

import io
import re

import pytest

from pitchday.services.checkin import staff as checkin_staff
from pitchday.services.jury import rubric as jury_rubric
from tests.applications.conftest import make_event as make_cfp_event
from tests.applications.conftest import make_pdf, make_startup
from tests.checkin.conftest import make_registration
from tests.jury.conftest import make_event as make_jury_event
from tests.jury.conftest import make_juror, pitches

GERMAN = "Steuerzeichen"
ENGLISH = "control character"

# The addresses of the review, each with a NUL byte where a route reads text.
NUL_URLS = ["/tickets/%00", "/vote/%00", "/meet/%00", "/camps/%00", "/startups/%00", "/me/calendar/%00.ics",
            "/events/?camp=%00", "/events/?q=a%00b", "/tracks/%00", "/tickets/abc%00/qr.svg"]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_byte_in_an_address_is_a_clear_400(client, camps, url):
    response = client.get(url)
    assert response.status_code == 400
    assert GERMAN in response.get_data(as_text=True)


def test_the_message_follows_the_readers_language(client, camps):
    response = client.get("/tickets/%00", headers={"Accept-Language": "en"})
    assert response.status_code == 400 and ENGLISH in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/events/2147483648", "/events/99999999999999999999", "/events/2147483648/register",
                                 "/applications/99999999999999999999", "/jury/2147483648/"])
def test_ids_beyond_any_id_column_are_404(client, camps, url):
    assert client.get(url).status_code == 404


def test_the_device_api_answers_an_over_large_id_with_json_404(client, camps):
    response = client.post("/api/v1/events/99999999999999999999/checkins", json={"secret": "x"},
                           headers={"Authorization": "Bearer x"})
    assert response.status_code == 404 and response.json["status"] == "not_found"


def test_the_largest_id_is_still_looked_up(client, camps):
    assert client.get("/events/2147483647").status_code == 404


def test_a_nul_byte_in_the_registration_form_is_refused(client, db, camps):
    from tests.registrations.conftest import create_event

    event = create_event(db, camps["essen"])
    url = f"/events/{event.id}/register"
    response = client.post_form(url, {"name": "Eve\x00", "email": "eve@example.org", "attendee_type": "investor",
                                      "consent": "y"}, page=url)
    assert response.status_code == 400 and GERMAN in response.get_data(as_text=True)


def test_a_nul_byte_in_an_event_title_is_refused(client, login, organiser):
    login(organiser)
    url = "/camps/essen/events/new"
    response = client.post_form(url, {"title": "Pitch\x00Day", "type": "pitch_day"}, page=url)
    assert response.status_code == 400 and GERMAN in response.get_data(as_text=True)


def test_the_year_0001_is_a_form_error(client, login, organiser):
    login(organiser)
    url = "/camps/essen/events/new"
    response = client.post_form(url, {"title": "Pitch Day", "type": "pitch_day", "starts_at": "0001-01-01T18:00",
                                      "ends_at": "0001-01-01T20:00", "capacity": "10", "pitch_minutes": "5",
                                      "qa_minutes": "5"}, page=url)
    assert response.status_code == 400
    assert "zwischen den Jahren 1900 und 2999" in response.get_data(as_text=True)


def test_an_absurd_number_in_a_form_is_a_form_error(client, login, organiser):
    login(organiser)
    url = "/camps/essen/events/new"
    response = client.post_form(url, {"title": "Pitch Day", "type": "pitch_day", "starts_at": "2030-01-01T18:00",
                                      "ends_at": "2030-01-01T20:00", "capacity": "9" * 30, "pitch_minutes": "5",
                                      "qa_minutes": "5"}, page=url)
    assert response.status_code == 400


def test_a_nul_byte_in_a_deck_file_name_is_refused(client, login, db, camps, make_user):
    founder = make_user("founder@example.org", "Frida Founder")
    event, startup = make_cfp_event(db, camps["essen"]), make_startup(db, founder)
    login(founder)
    url = f"/events/{event.id}/apply/{startup.slug}"
    response = client.post_form(url, {"deck": (io.BytesIO(make_pdf()), "deck\x00.pdf")}, page=url,
                                content_type="multipart/form-data")
    assert response.status_code == 400 and GERMAN in response.get_data(as_text=True)


@pytest.fixture
def jury(app, db, camps):
    """A pitch day with a rubric, and a client logged in through its juror's invitation link."""
    from pitchday.services.accounts import role_links
    from tests.conftest import FormClient

    event = make_jury_event(camps["essen"])
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    juror = make_juror(event, "jana@example.org", "Jana Juror")
    client = FormClient(app.test_client())
    with app.test_request_context():
        token = role_links.make_token(juror.user, "juror", juror.event_id)
    assert client.get(f"/auth/link/{token}").status_code == 302
    page = f"/jury/{event.id}/pitch/{pitches(event)[0].id}"
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get(page).get_data(as_text=True)).group(1)

    def post(kind, body):
        return client.post(f"/api{page.replace('/jury/', '/jury/', 1)}/{kind}", json=body,
                           headers={"X-CSRFToken": csrf})

    return event, post


@pytest.mark.parametrize("body", [[1, 2], "text", 7, None])
def test_the_jury_api_refuses_a_body_that_is_not_an_object(jury, body):
    _event, post = jury
    for kind in ("score", "comment"):
        response = post(kind, body)
        assert response.status_code == 400 and response.json["status"] == "bad_request"


@pytest.mark.parametrize("field", ["criterion_id", "value"])
def test_the_jury_api_refuses_numbers_no_column_holds(jury, field):
    event, post = jury
    body = {"criterion_id": jury_rubric.criteria_of(event)[0].id, "value": 5, field: 10**30}
    response = post("score", body)
    assert response.status_code == 422 and response.json["status"] == "invalid"


def test_a_nul_byte_in_a_jury_comment_is_refused(jury):
    _event, post = jury
    response = post("comment", {"comment": "gut\x00"})
    assert response.status_code == 400 and response.json["status"] == "control_character"


def test_a_nul_byte_in_a_scanned_code_is_a_json_400(client, db, camps):
    from tests.checkin.conftest import make_event as make_door_event

    event = make_door_event(db, camps["essen"])
    make_registration(db, event)
    _device, token = checkin_staff.issue_device(event, name="Door 1", by=None)
    db.session.commit()
    response = client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": "a\u0000b"},
                           headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json["status"] == "control_character" and ENGLISH in response.json["message"]


@pytest.mark.parametrize("target", ["2147483648", "99999999999999999999", "²", "-1"])
def test_an_attendee_asking_for_an_absurd_startup_is_told_to_choose(client, db, camps, target):
    from datetime import timedelta

    from pitchday.database import utcnow
    from tests.matchmaking.conftest import make_event as make_meet_event
    from tests.matchmaking.conftest import register

    event = make_meet_event(db, camps["essen"], start=utcnow() + timedelta(days=3))
    registration = register(db, event, "Ina Eins")
    page = f"/meet/{registration.ticket_secret}"
    response = client.post_form(f"{page}/ask", {"target": target, "reason": "Talk"}, page=page)
    assert response.status_code in (302, 400, 404)


@pytest.mark.parametrize("url", ["/startups/?page=²", "/startups/?page=99999999999999999999",
                                 "/impact/tracks/?year=²", "/impact/tracks/?year=99999999999999999999"])
def test_unicode_digits_and_huge_numbers_in_the_query_are_ignored(client, login, hub_admin, url):
    login(hub_admin)
    assert client.get(url).status_code == 200
