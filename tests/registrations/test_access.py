"""Who reaches the registration routes: everyone registers for a published event, organisers of its camp see
the registrations, and a ticket opens for whoever holds its secret."""

import pytest

from tests.access import LOGIN, ROLES, assert_access


@pytest.fixture
def tables(event, make_event, register):
    from pitchday.models import EventStatus

    draft = make_event(status=EventStatus.DRAFT)
    secret = register(event, 1).ticket_secret
    e = f"/events/{event.id}"
    get = [
        (f"{e}/register", [200, 200, 200, 200, 200]),
        (f"/events/{draft.id}/register", [LOGIN, 403, 200, 403, 200]),
        ("/events/9999/register", [404, 404, 404, 404, 404]),
        (f"{e}/registrations/", [LOGIN, 403, 200, 403, 200]),
        (f"{e}/registrations/export.csv", [LOGIN, 403, 200, 403, 200]),
        (f"{e}/registrations/questions", [LOGIN, 403, 200, 403, 200]),
        (f"/tickets/{secret}", [200, 200, 200, 200, 200]),
        (f"/tickets/{secret}/qr.svg", [200, 200, 200, 200, 200]),
        (f"/tickets/{secret}/qr.png", [200, 200, 200, 200, 200]),
        (f"/tickets/{secret}/event.ics", [200, 200, 200, 200, 200]),
        ("/tickets/not-a-ticket", [404, 404, 404, 404, 404]),
    ]
    post = [
        (f"{e}/registrations/1/confirm", [LOGIN, 403, 302, 403, 302]),
        (f"{e}/registrations/999/cancel", [LOGIN, 403, 404, 403, 404]),
        (f"{e}/registrations/capacity", [LOGIN, 403, 302, 403, 302]),
        (f"{e}/registrations/questions/999/remove", [LOGIN, 403, 404, 403, 404]),
        ("/tickets/not-a-ticket/cancel", [404, 404, 404, 404, 404]),
        ("/tickets/not-a-ticket/delete", [404, 404, 404, 404, 404]),
    ]
    return get, post


@pytest.mark.parametrize("role", ROLES)
def test_pages_answer_each_role_as_declared(app, people, role, tables):
    assert_access(app, people, role, tables[0])


@pytest.mark.parametrize("role", ROLES)
def test_changes_refuse_the_wrong_roles(app, people, role, tables):
    assert_access(app, people, role, tables[1], method="POST")
