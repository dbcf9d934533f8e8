"""The JSON API for scanning apps: every answer JSON with a status, the right HTTP codes, nonce retries."""

import pytest

from pitchday.models import RegistrationStatus
from pitchday.models.checkin import ScannerDevice
from tests.checkin.conftest import make_registration


def post(client, event, token, body, headers=None, **kw):
    headers = {**({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
    return client.post(f"/api/v1/events/{event.id}/checkins", json=body, headers=headers, **kw)


def test_first_scan_201_second_409_with_when_and_where(client, event, ticket, device_token):
    first = post(client, event, device_token, {"secret": ticket.ticket_secret, "nonce": "n1"})
    second = post(client, event, device_token, {"secret": ticket.ticket_secret, "nonce": "n2"})
    assert first.status_code == 201 and first.json["status"] == "checked_in"
    assert first.json["registration"]["attendee_type"] == "investor"
    assert second.status_code == 409 and second.json["status"] == "already_checked_in"
    assert second.json["device"] == "Door 1" and second.json["checked_in_at"]


def test_a_retried_nonce_gets_the_first_answer_not_a_conflict(client, event, ticket, device_token):
    first = post(client, event, device_token, {"secret": ticket.ticket_secret, "nonce": "lost-answer"})
    retry = post(client, event, device_token, {"secret": ticket.ticket_secret, "nonce": "lost-answer"})
    assert retry.status_code == 201 and retry.json == first.json
    assert retry.headers["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize(("status", "http", "code"), [
    (RegistrationStatus.CANCELLED, 410, "cancelled"),
    (RegistrationStatus.WAITING, 409, "waiting_list"),
])
def test_refused_states(client, db, event, device_token, status, http, code):
    reg = make_registration(db, event, status=status)
    response = post(client, event, device_token, {"secret": reg.ticket_secret, "nonce": "x"})
    assert (response.status_code, response.json["status"]) == (http, code)


def test_unknown_ticket_404_and_other_events_ticket_422(client, db, event, other_event, device_token):
    foreign = make_registration(db, other_event)
    assert post(client, event, device_token, {"secret": "nope"}).json["status"] == "unknown_ticket"
    assert post(client, event, device_token, {"secret": "nope"}).status_code == 404
    response = post(client, event, device_token, {"secret": foreign.ticket_secret})
    assert (response.status_code, response.json["status"]) == (422, "other_event")


@pytest.mark.parametrize("body", [None, [], {"nonce": "x"}, {"secret": ""}, {"secret": 5},
                                  {"secret": "abc", "nonce": 7}, {"secret": "abc", "nonce": "x" * 65}])
def test_malformed_bodies_are_400_json(client, event, device_token, body):
    headers = {"Authorization": f"Bearer {device_token}"}
    if body is None:
        response = client.post(f"/api/v1/events/{event.id}/checkins", data="not json", headers=headers,
                               content_type="application/json")
    else:
        response = post(client, event, device_token, body)
    assert response.status_code == 400 and response.json["status"] == "bad_request"


def test_missing_or_wrong_token_is_401_revoked_or_foreign_is_403(client, db, event, other_event, ticket,
                                                                 device_token, organiser):
    from pitchday.services.checkin import staff as checkin_staff

    assert post(client, event, None, {"secret": ticket.ticket_secret}).status_code == 401
    bad = post(client, event, "pdc_wrong", {"secret": ticket.ticket_secret})
    assert bad.status_code == 401 and bad.json["status"] == "unauthorized"
    _device, foreign_token = checkin_staff.issue_device(other_event, name="Dortmund door", by=None)
    db.session.commit()
    foreign = post(client, event, foreign_token, {"secret": ticket.ticket_secret})
    assert (foreign.status_code, foreign.json["status"]) == (403, "wrong_event")
    device = db.session.scalar(db.select(ScannerDevice).filter_by(token_hash=checkin_staff.hash_token(device_token)))
    checkin_staff.revoke(event, device.id, by=organiser)
    db.session.commit()
    revoked = post(client, event, device_token, {"secret": ticket.ticket_secret})
    assert (revoked.status_code, revoked.json["status"]) == (403, "revoked")


def test_unknown_event_is_a_json_error(client, device_token):
    response = client.post("/api/v1/events/999/checkins", json={"secret": "x"},
                           headers={"Authorization": f"Bearer {device_token}"})
    assert response.status_code in (403, 404) and "status" in response.json


def test_the_api_needs_no_csrf_token_but_forms_still_do(client, event, ticket, device_token):
    assert post(client, event, device_token, {"secret": ticket.ticket_secret}).status_code == 201
    assert client.post(f"/events/{event.id}/checkin/devices", data={"name": "x"}).status_code in (302, 400, 401)


def test_openapi_document_lists_every_answer(client):
    doc = client.get("/api/v1/openapi.json").json
    operation = doc["paths"]["/events/{event_id}/checkins"]["post"]
    assert doc["openapi"].startswith("3.")
    assert set(operation["responses"]) == {"201", "400", "401", "403", "404", "409", "410", "422", "503"}
    assert doc["components"]["securitySchemes"]["device"]["scheme"] == "bearer"


def test_the_api_keeps_no_session_even_for_a_logged_in_browser(app, people, event, ticket, device_token):
    """The device API is sessionless: a site session cookie sent along is not read, and no cookie is set."""
    from tests.conftest import FormClient, log_in

    browser = log_in(FormClient(app.test_client()), people["hub_admin"])
    response = post(browser.client, event, device_token, {"secret": ticket.ticket_secret, "nonce": "n"})
    assert response.status_code == 201 and "Set-Cookie" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff" and response.headers["X-Request-ID"]


def test_the_api_answers_in_the_language_the_scanning_app_asks_for(client, event, ticket, device_token):
    german = post(client, event, device_token, {"secret": "nope"})
    english = post(client, event, device_token, {"secret": "nope"}, headers={"Accept-Language": "en"})
    assert german.json["message"] == "Unbekanntes Ticket."
    assert english.json["message"] == "Unknown ticket."


def test_behind_a_proxy_the_api_sees_the_public_address(tmp_path, database_url):
    from tests.conftest import make_app

    proxied = make_app(tmp_path, database_url, PROXY_COUNT=1)
    doc = proxied.test_client().get("/api/v1/openapi.json", headers={
        "X-Forwarded-Proto": "https", "X-Forwarded-Host": "pitchday.lan:8443", "X-Forwarded-For": "192.168.1.31"}).json
    assert doc["servers"][0]["url"] == "https://pitchday.lan:8443/api/v1"


def test_scans_checkpoint_sqlites_log_after_answering(app, client, db, event, device_token, monkeypatch):
    """Door scans keep SQLite from checkpointing inside their queue and run the checkpoint once answered: the
    database file itself (read without the write-ahead log) then holds the check-ins."""
    import sqlite3

    from pitchday import database
    from pitchday.models.checkin import CheckIn

    path = db.engine.url.database
    if db.engine.dialect.name != "sqlite":
        pytest.skip("a checkpoint is SQLite's")
    monkeypatch.setitem(database._queued_writes, "since_checkpoint", 0)
    monkeypatch.setattr(database, "QUEUED_WRITES_PER_CHECKPOINT", 3)
    tickets = [make_registration(db, event, name=f"Guest {i}") for i in range(3)]
    db.session.commit()
    database.checkpoint_sqlite(db.engine)

    def in_database_file():
        with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as file_only:
            return file_only.execute("SELECT count(*) FROM checkins").fetchone()[0]

    for number, ticket in enumerate(tickets, start=1):
        response = post(client, event, device_token, {"secret": ticket.ticket_secret})
        response.close()  # as a WSGI server does once the answer is sent
        assert response.status_code == 201
        assert in_database_file() == (0 if number < 3 else 3)
    assert db.session.query(CheckIn).count() == 3
