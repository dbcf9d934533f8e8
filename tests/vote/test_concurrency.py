"""One ticket, many phones at the same moment: exactly one vote counts.

Real parallel clients (threads released together by a barrier) against the app served by gunicorn with four
worker processes, on the test's database (SQLite file or PostgreSQL): the unique (event, registration) and
INSERT ... ON CONFLICT DO NOTHING RETURNING decide, not a check in Python.
"""

import http.client
import re
import threading
from urllib.parse import urlencode

from pitchday.models.vote import AudienceVote
from tests.checkin.servers import gunicorn

CLIENTS = 16
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _session(port, path):
    """A browser of its own: GET the ballot for a session cookie and a CSRF token."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    return conn, cookie, CSRF.search(html).group(1)


def test_sixteen_phones_voting_with_one_ticket_count_once(app, db, event, apps, ticket, open_vote):
    path = f"/vote/{ticket.ticket_secret}"
    choices = [apps[i % len(apps)].id for i in range(CLIENTS)]
    db.session.commit()  # ends the test's transaction: on SQLite an open one would pin an old snapshot

    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4) as port:
        sessions = [_session(port, path) for _ in range(CLIENTS)]
        barrier = threading.Barrier(CLIENTS)
        results = [None] * CLIENTS

        def vote(i):
            conn, cookie, token = sessions[i]
            body = urlencode({"csrf_token": token, "application_id": choices[i]})
            barrier.wait()
            conn.request("POST", path, body=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
            response = conn.getresponse()
            response.read()
            results[i] = (response.status, response.getheader("Location") or "")
            conn.close()

        threads = [threading.Thread(target=vote, args=(i,)) for i in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)

    assert all(status == 302 for status, _ in results), results
    winners = [i for i, (_, location) in enumerate(results) if "counted=1" in location]
    assert len(winners) == 1, results
    db.session.rollback()
    stored = db.session.query(AudienceVote).all()
    assert len(stored) == 1 and stored[0].application_id == choices[winners[0]]
