"""Two (and eight) organisers tap "next" at the same moment: the show moves on by exactly one startup.

Real parallel clients, each logged in with its own session, released together by a barrier against the app
served by gunicorn with four worker processes on the test's database (SQLite file or PostgreSQL). The
conditional UPDATE on the state's version decides; the others get 409 with the state as it is now.
"""

import http.client
import json
import re
import threading
from urllib.parse import urlencode

import pytest

from pitchday.models.live import Phase
from pitchday.services.live import state as live_state
from pitchday.services.live import transitions
from tests.checkin.servers import gunicorn
from tests.conftest import PASSWORD, two_step_code
from tests.jury.conftest import make_event

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


class Browser:
    """A phone of its own: a keep-alive connection and a session cookie."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""

    def send(self, method, path, body=None, headers=None):
        self.conn.request(method, path, body=body, headers={"Cookie": self.cookie, **(headers or {})})
        response = self.conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0]
        return response.status, data

    def log_in(self, user):
        _status, html = self.send("GET", "/auth/login")
        token = CSRF.search(html.decode()).group(1)
        status, _ = self.send("POST", "/auth/login", urlencode(
            {"csrf_token": token, "email": user.email, "password": PASSWORD}),
            {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 302
        if user.two_step_enabled:  # hub admins type a two-step code (issue 14)
            status, _ = self.send("POST", "/auth/two-step", urlencode(
                {"csrf_token": token, "code": two_step_code(user)}),
                {"Content-Type": "application/x-www-form-urlencoded"})
            assert status == 302

    def token(self, event_id):
        _status, html = self.send("GET", f"/events/{event_id}/live")
        return CSRF.search(html.decode()).group(1)


@pytest.mark.parametrize("clients", [2, 8])
def test_simultaneous_next_taps_never_skip_a_startup(app, db, camps, organiser, hub_admin, clients):
    event = make_event(camps["essen"], n_pitches=6)
    event_id = event.id
    live_state.ensure_state(event)
    db.session.commit()
    rounds = 4
    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4) as port:
        browsers = [Browser(port) for _ in range(clients)]
        for i, browser in enumerate(browsers):
            browser.log_in(organiser if i % 2 == 0 else hub_admin)
        db.session.commit()  # end the test's read snapshot: log-ins write their session rows (SQLite)
        tokens = [b.token(event_id) for b in browsers]
        for round_ in range(rounds):
            # The startup of this round has pitched and had its Q&A: "next" is the one tap everybody makes.
            for action in ("start_pitch", "start_qa"):
                transitions.act(event, action, by=organiser, seen_version=live_state.state_of(event).version)
                db.session.commit()
            db.session.expire_all()
            seen = live_state.state_of(event).version
            db.session.commit()  # end the test's snapshot (SQLite) before the taps
            barrier = threading.Barrier(clients)
            results = [None] * clients

            def tap(i, seen=seen, barrier=barrier, results=results):
                body = json.dumps({"action": "next", "version": seen})
                barrier.wait()
                results[i] = browsers[i].send("POST", f"/events/{event_id}/live/act", body, {
                    "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": tokens[i]})

            threads = [threading.Thread(target=tap, args=(i,)) for i in range(clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=120)
            statuses = sorted(status for status, _ in results)
            assert statuses == [200] + [409] * (clients - 1), (round_, results)
            db.session.expire_all()
            state = live_state.state_of(event)
            assert (state.current, state.phase) == (round_ + 1, Phase.WAITING)
            db.session.commit()
