"""The control room, the show's state and the stage link through HTTP: who may act, what screens receive."""

import re

import pytest

from pitchday.services.live import staff as live_staff
from pitchday.services.live import state as live_state
from tests.conftest import FormClient, create_user, log_in
from tests.live.conftest import juror_link, pitches


def tap(client, event, action, version=None, page=None):
    version = version if version is not None else live_state.state_of(event).version
    token = client.csrf_token(page or f"/events/{event.id}/live")
    return client.post(f"/events/{event.id}/live/{'undo' if action == 'undo' else 'act'}",
                       json={"action": action, "version": version}, headers={"X-CSRFToken": token})


def test_an_organiser_runs_a_pitch_from_the_control_room(client, login, organiser, event):
    login(organiser)
    page = client.get(f"/events/{event.id}/live")
    assert page.status_code == 200
    first = pitches(event)[0].startup.name
    assert first in page.get_data(as_text=True) and "Pitch starten" in page.get_data(as_text=True)
    response = tap(client, event, "start_pitch")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["room"]["phase"] == "pitch"
    state = client.get(f"/events/{event.id}/live/state").get_json()
    assert state["on_stage"]["name"] == first and state["phase"] == "pitch"


def test_a_tap_from_an_old_version_gets_409_with_the_current_state(client, login, organiser, event):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    assert tap(client, event, "start_pitch", version=1).status_code == 200
    stale = tap(client, event, "start_qa", version=1)
    assert stale.status_code == 409
    assert stale.get_json()["status"] == "changed_meanwhile" and stale.get_json()["room"]["phase"] == "pitch"


def test_the_plain_form_works_without_javascript(client, login, organiser, event):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    response = client.post_form(f"/events/{event.id}/live/act", {"action": "start_pitch", "version": "1"},
                                page=f"/events/{event.id}/live")
    assert response.status_code == 302
    assert live_state.state_of(event).phase == "pitch"


@pytest.mark.parametrize("body", [{"action": "next", "version": "x"}, {"action": 5, "version": 1},
                                  {"action": "next\x00", "version": 1}, {"action": "next", "version": 10**30},
                                  ["next"], {"action": "explode", "version": 1}])
def test_bad_taps_are_400_or_422_never_500(client, login, organiser, event, body):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    token = client.csrf_token(f"/events/{event.id}/live")
    response = client.post(f"/events/{event.id}/live/act", json=body, headers={"X-CSRFToken": token})
    assert response.status_code in (400, 409, 422)


def test_jurors_founders_and_visitors_cannot_act(app, client, event, juror, organiser, db):
    founder = create_user("founder@example.org", "Frida Founder")
    from pitchday.models import StartupMember

    db.session.add(StartupMember(startup_id=pitches(event)[0].startup.id, user_id=founder.id))
    db.session.commit()
    live_state.ensure_state(event)
    db.session.commit()
    anonymous = FormClient(app.test_client())
    assert anonymous.get(f"/events/{event.id}/live").status_code == 302
    assert anonymous.post(f"/events/{event.id}/live/act", json={"action": "start_pitch", "version": 1}).status_code \
        in (302, 400, 401)
    founder_client = FormClient(app.test_client())
    log_in(founder_client, founder)
    assert founder_client.get(f"/events/{event.id}/live").status_code == 403
    assert tap(founder_client, event, "start_pitch", page="/").status_code == 403
    juror_client = FormClient(app.test_client())
    assert juror_client.get(juror_link(app, juror)).status_code == 302
    assert juror_client.get(f"/events/{event.id}/live").status_code in (302, 403)
    assert tap(juror_client, event, "start_pitch", page=f"/jury/{event.id}/").status_code in (302, 401, 403)
    assert live_state.state_of(event).version == 1


def test_control_room_staff_act_by_link_at_their_event_only(app, client, login, organiser, event, camps, db):
    from tests.jury.conftest import make_event

    other = make_event(camps["essen"], title="Another Pitch Day")
    entry = live_staff.add(event, email="stage-manager@example.org", name="Stella Stage", by=organiser)
    db.session.commit()
    with app.test_request_context():
        link = live_staff.invitation_link(entry).replace("http://localhost", "")
    staff = FormClient(app.test_client())
    response = staff.get(link)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/events/{event.id}/live")
    assert staff.get(f"/events/{event.id}/live").status_code == 200
    assert tap(staff, event, "start_pitch").status_code == 200
    assert staff.get(f"/events/{other.id}/live").status_code in (302, 403)
    assert staff.get(f"/events/{event.id}/live/setup").status_code in (302, 403)
    live_staff.revoke(event, entry.id, by=organiser)
    db.session.commit()
    assert staff.get(f"/events/{event.id}/live").status_code in (302, 403)


def test_the_stage_link_shows_the_stage_and_nothing_else(app, client, login, organiser, event, db):
    login(organiser)
    setup = client.get(f"/events/{event.id}/live/setup").get_data(as_text=True)
    link = re.search(r"http://localhost(/live/stage/[\w-]+)", setup).group(1)
    projector = FormClient(app.test_client())
    page = projector.get(link)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and pitches(event)[0].startup.name in html
    assert "<a " not in html and "<form" not in html and "<nav" not in html  # nothing to click, nothing to do
    assert projector.get(f"/events/{event.id}/live").status_code == 302  # the link logs nobody in
    assert projector.get("/live/stage/not-the-secret").status_code == 404
    client.post_form(f"/events/{event.id}/live/setup/stage-link", page=f"/events/{event.id}/live/setup")
    assert projector.get(link).status_code == 404  # replaced: the old projector link is dead


def test_the_state_answers_304_while_the_show_has_not_moved(client, login, organiser, event):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    first = client.get(f"/events/{event.id}/live/state")
    tag = first.headers["ETag"]
    assert first.headers["X-Server-Now"].isdigit()
    again = client.get(f"/events/{event.id}/live/state", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.headers["X-Server-Now"].isdigit()
    tap(client, event, "start_pitch")
    moved = client.get(f"/events/{event.id}/live/state", headers={"If-None-Match": tag})
    assert moved.status_code == 200 and moved.get_json()["phase"] == "pitch"


def test_a_draft_events_state_is_not_public(app, client, event, db):
    event.status = "draft"
    db.session.commit()
    assert FormClient(app.test_client()).get(f"/events/{event.id}/live/state").status_code in (302, 401)


def test_the_vote_opened_in_the_control_room_shows_its_qr_code(client, login, organiser, event):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    assert tap(client, event, "open_vote").status_code == 200
    state = client.get(f"/events/{event.id}/live/state").get_json()
    assert state["vote"]["code"] and "screen_code=" + state["vote"]["code"] in state["vote"]["url"]
    qr = client.get(f"/events/{event.id}/live/vote-qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"
    form = client.get("/vote?screen_code=" + state["vote"]["code"]).get_data(as_text=True)
    assert state["vote"]["code"] in form


def test_the_control_rooms_live_part_is_304_until_the_show_moves(client, login, organiser, event):
    login(organiser)
    client.get(f"/events/{event.id}/live")
    first = client.get(f"/events/{event.id}/live?fragment=1")
    assert first.status_code == 200 and "Pitch starten" in first.get_data(as_text=True)
    again = client.get(f"/events/{event.id}/live?fragment=1", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    tap(client, event, "start_pitch")
    moved = client.get(f"/events/{event.id}/live?fragment=1", headers={"If-None-Match": first.headers["ETag"]})
    assert moved.status_code == 200 and "Fragerunde starten" in moved.get_data(as_text=True)
