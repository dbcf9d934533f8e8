"""Who reaches which check-in page: organisers of the event's camp and hub admins manage; staff only scan."""

import pytest

from tests.access import LOGIN, ROLES, assert_access

# Event 1 belongs to Essen (organiser), not Dortmund (other_organiser).
TABLE = [
    ("/events/1/checkin/", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/tickets", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/counts", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/search?q=er", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/staff", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/log", [LOGIN, 403, 200, 403, 200]),
    ("/events/1/checkin/badges", [LOGIN, 403, 200, 403, 200]),
    ("/events/999/checkin/", [404, 404, 404, 404, 404]),
    ("/api/v1/openapi.json", [200, 200, 200, 200, 200]),
]

POST_TABLE = [
    ("/events/1/checkin/devices", [LOGIN, 403, 400, 403, 400]),
    ("/events/1/checkin/staff", [LOGIN, 403, 400, 403, 400]),
    ("/events/1/checkin/devices/999/revoke", [LOGIN, 403, 302, 403, 302]),
    ("/events/1/checkin/scan", [LOGIN, 403, 400, 403, 400]),
]


@pytest.mark.parametrize("role", ROLES)
def test_pages_answer_each_role_as_declared(app, people, event, ticket, role):
    assert_access(app, people, role, TABLE)


@pytest.mark.parametrize("role", ROLES)
def test_changing_routes_refuse_the_wrong_roles(app, people, event, role):
    assert_access(app, people, role, POST_TABLE, method="POST")


def test_door_staff_scan_but_do_not_manage(app, staff_member, event, ticket):
    from tests.conftest import FormClient, log_in

    client = log_in(FormClient(app.test_client()), staff_member)
    assert client.get("/events/1/checkin/").status_code == 200
    assert client.get("/events/1/checkin/tickets").status_code == 200
    for url in ("/events/1/checkin/staff", "/events/1/checkin/log", "/events/1/checkin/badges"):
        assert client.get(url).status_code == 403


def test_the_api_wants_a_token_not_a_session(app, people, event, ticket):
    from tests.conftest import FormClient, log_in

    client = log_in(FormClient(app.test_client()), people["hub_admin"])
    response = client.post("/api/v1/events/1/checkins", json={"secret": ticket.ticket_secret})
    assert response.status_code == 401 and response.json["status"] == "unauthorized"
