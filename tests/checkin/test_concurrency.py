"""The same ticket scanned at many doors at the same moment is checked in exactly once.

Real parallel clients (threads released together by a barrier) against the app served by gunicorn with four
worker processes, on the test's database (SQLite file or PostgreSQL): the database's conditional insert
decides, not Python.
"""

import threading

from pitchday.models.checkin import CheckIn, ScanLog
from pitchday.services.checkin import staff as checkin_staff
from tests.checkin.conftest import make_registration
from tests.checkin.servers import gunicorn, request

CLIENTS = 24
TICKETS = 4


def _fire_together(port, calls):
    """Run every (path, body, headers) call at once from its own thread; return [(status, json)]."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, path, body, headers):
        barrier.wait()
        results[i] = request(port, "POST", path, body, headers)

    threads = [threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def test_many_doors_one_ticket_exactly_one_201(app, db, event):
    # Everything the clients need is read before the servers start: the test's own session stays out of the way.
    secrets = [make_registration(db, event, name=f"Guest {i}").ticket_secret for i in range(TICKETS)]
    retry_secret = make_registration(db, event, name="Retry Rita").ticket_secret
    tokens = []
    for i in range(CLIENTS):
        _device, token = checkin_staff.issue_device(event, name=f"Door {i}", by=None)
        tokens.append(token)
    path = f"/api/v1/events/{event.id}/checkins"
    db.session.commit()  # ends the test's transaction: on SQLite an open one would pin an old snapshot

    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], workers=4) as port:
        for n, secret in enumerate(secrets):
            calls = [(path, {"secret": secret, "nonce": f"t{n}-d{i}"},
                      {"Authorization": f"Bearer {tokens[i]}"}) for i in range(CLIENTS)]
            results = _fire_together(port, calls)
            statuses = sorted(status for status, _body in results)
            assert statuses == [201] + [409] * (CLIENTS - 1), results[:3]
            losers = [body for status, body in results if status == 409]
            assert all(b["status"] == "already_checked_in" and b["device"].startswith("Door ") for b in losers)

        # A retry racing its own first attempt (same device, same nonce) never gets a 409 for its own scan.
        calls = [(path, {"secret": retry_secret, "nonce": "same-nonce"},
                  {"Authorization": f"Bearer {tokens[0]}"}) for _ in range(8)]
        results = _fire_together(port, calls)
        assert [status for status, _ in results] == [201] * 8, results

    db.session.rollback()
    assert db.session.query(CheckIn).count() == TICKETS + 1
    assert db.session.query(ScanLog).count() == TICKETS * CLIENTS + 1
