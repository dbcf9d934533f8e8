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


def test_held_polls_always_leave_threads_for_the_door(app, db, event, live_server, monkeypatch):
    """A gunicorn worker with 8 threads holds at most 6 polls (a quarter, at least two, stay free), however high
    LIVE_HELD_POLLS is set: the seventh screen is answered at once and asked to come back in a second."""
    from pitchday.services.live import waiting

    assert waiting.hold_limit(150) == 150  # no server told its threads: the setting alone
    monkeypatch.setitem(waiting._server, "threads", 8)
    assert waiting.hold_limit(150) == 6 and waiting.hold_limit(3) == 3
    monkeypatch.setitem(waiting._server, "threads", 200)
    assert waiting.hold_limit(150) == 150
    monkeypatch.setitem(waiting._server, "threads", 8)
    live_state.ensure_state(event)
    db.session.commit()
    path = f"/events/{event.id}/live/state?wait=1"
    tag = get(live_server, path)[1]["ETag"]
    monkeypatch.setitem(waiting._waiting, 999_999, 6)  # six polls already held in this process
    t0 = time.monotonic()
    status, headers, _ = get(live_server, path, tag)
    assert status == 304 and headers["X-Live-Next-Poll"] == "1000" and time.monotonic() - t0 < 1.0


def test_gunicorn_tells_each_worker_its_threads(monkeypatch):
    import importlib.util
    from pathlib import Path
    from types import SimpleNamespace

    from pitchday.services.live import waiting

    spec = importlib.util.spec_from_file_location("gunicorn_conf", Path(__file__).parents[2] / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    monkeypatch.setitem(waiting._server, "threads", None)
    conf.post_worker_init(SimpleNamespace(cfg=SimpleNamespace(threads=12)))
    assert waiting.hold_limit(150) == 9
