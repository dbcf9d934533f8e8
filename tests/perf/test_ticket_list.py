"""The scanners' offline ticket list: an ETag and a 304 while nothing changed, and ``since=`` deltas."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.models import Registration, RegistrationStatus
from tests.checkin.conftest import make_event, make_registration
from tests.perf.test_event_page import count_queries


def _scan(client, event, secret, nonce):
    token = client.csrf_token(f"/events/{event.id}/checkin/")
    return client.post(f"/events/{event.id}/checkin/scan", json={"secret": secret, "nonce": nonce},
                       headers={"X-CSRFToken": token, "Accept": "application/json"})


def test_the_list_has_a_version_and_answers_304_until_a_ticket_changes(client, login, db, camps, organiser):
    event = make_event(db, camps["essen"])
    tickets = [make_registration(db, event, name=f"Gast {i}", email=f"g{i}@example.org") for i in range(30)]
    login(organiser)
    url = f"/events/{event.id}/checkin/tickets"
    first = client.get(url)
    assert first.status_code == 200 and first.json["full"] and len(first.json["tickets"]) == 30
    assert tickets[0].ticket_secret not in first.get_data(as_text=True)
    etag = first.headers["ETag"]
    again, queries = count_queries(db, lambda: client.get(url, headers={"If-None-Match": etag}))
    assert again.status_code == 304 and again.data == b""
    few = len(queries)
    for i in range(30, 60):
        make_registration(db, event, name=f"Gast {i}", email=f"g{i}@example.org")
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and len(changed.json["tickets"]) == 60
    _again, queries = count_queries(db, lambda: client.get(url, headers={"If-None-Match": changed.headers["ETag"]}))
    assert len(queries) == few  # the version costs the same at any size
    assert _scan(client, event, tickets[3].ticket_secret, "n1").status_code == 201
    assert client.get(url, headers={"If-None-Match": changed.headers["ETag"]}).status_code == 200


def test_a_phone_that_synced_gets_only_what_changed_since(client, login, db, camps, organiser):
    event = make_event(db, camps["essen"])
    tickets = [make_registration(db, event, name=f"Gast {i}", email=f"g{i}@example.org") for i in range(20)]
    earlier = utcnow() - timedelta(minutes=10)  # registered well before the phone's sync
    db.session.execute(sa.update(Registration).values(created_at=earlier, confirmed_at=earlier))
    db.session.commit()
    login(organiser)
    url = f"/events/{event.id}/checkin/tickets"
    synced = client.get(url).json["synced_at"]
    delta = client.get(url, query_string={"since": synced}).json
    assert delta["full"] is False and delta["tickets"] == [] and delta["removed"] == []
    make_registration(db, event, name="Neu Ankömmling", email="neu@example.org",
                      status=RegistrationStatus.WAITING)
    assert _scan(client, event, tickets[5].ticket_secret, "n2").status_code == 201
    delta = client.get(url, query_string={"since": synced}).json
    assert {t["name"]: t["checked_in"] for t in delta["tickets"]} == {"Gast 5": True, "Neu Ankömmling": False}
    assert client.get(url, query_string={"since": "kaputt"}).json["full"] is True  # a bad stamp: everything
