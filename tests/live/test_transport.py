"""How screens hear of a change: a held poll on a threaded server, an immediate 304 otherwise, bodies shared."""

import http.client
import json
import threading
import time
from urllib.parse import urlsplit

from pitchday.services.live import state as live_state
from pitchday.services.live import transitions


def get(base, path, tag=None):
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.request("GET", path, headers={"If-None-Match": tag} if tag else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body


def test_a_held_poll_answers_as_soon_as_the_show_moves(app, db, event, organiser, live_server):
    live_state.ensure_state(event)
    db.session.commit()
    path = f"/events/{event.id}/live/state?wait=1"
    status, headers, _ = get(live_server, path)
    assert status == 200 and headers["X-Live-Next-Poll"] == "0"  # a threaded server: ask again at once
    tag = headers["ETag"]
    result = {}

    def poll():
        t0 = time.monotonic()
        result["answer"] = get(live_server, path, tag)
        result["after"] = time.monotonic() - t0

    waiter = threading.Thread(target=poll)
    waiter.start()
    time.sleep(1.0)
    assert waiter.is_alive()  # held: nothing has changed yet
    moved_at = time.monotonic()
    transitions.act(event, "start_pitch", by=organiser, seen_version=live_state.state_of(event).version)
    db.session.commit()
    waiter.join(timeout=15)
    status, headers, body = result["answer"]
    assert status == 200 and json.loads(body)["phase"] == "pitch"
    assert time.monotonic() - moved_at < 1.0  # answered within a second of the change


def test_without_wait_an_unchanged_show_is_an_immediate_304(app, db, event, live_server):
    live_state.ensure_state(event)
    db.session.commit()
    path = f"/events/{event.id}/live/state"
    _status, headers, _ = get(live_server, path)
    t0 = time.monotonic()
    status, headers, body = get(live_server, path, headers["ETag"])
    assert status == 304 and body == b"" and time.monotonic() - t0 < 1.0
    assert headers["X-Live-Next-Poll"] == "1000"


def test_a_held_poll_gives_up_after_its_time_with_304(app, db, event, live_server, monkeypatch):
    from pitchday.services.live import waiting

    monkeypatch.setattr(waiting, "HOLD_SECONDS", 0.5)
    monkeypatch.setattr(waiting.wait_for_change, "__defaults__", (0.5,))
    live_state.ensure_state(event)
    db.session.commit()
    path = f"/events/{event.id}/live/state?wait=1"
    _status, headers, _ = get(live_server, path)
    t0 = time.monotonic()
    status, _headers, _ = get(live_server, path, headers["ETag"])
    assert status == 304 and 0.4 < time.monotonic() - t0 < 3


def test_opening_the_vote_on_its_own_page_moves_the_stage_too(client, login, organiser, event, db):
    live_state.ensure_state(event)
    db.session.commit()
    login(organiser)
    tag = client.get(f"/events/{event.id}/live/state").headers["ETag"]
    client.post_form(f"/events/{event.id}/vote/open", page=f"/events/{event.id}/vote")
    moved = client.get(f"/events/{event.id}/live/state", headers={"If-None-Match": tag})
    assert moved.status_code == 200 and moved.get_json()["vote"] is not None
