"""Who reaches which events page: public pages for all, scheduling for the camp's organisers and hub admins."""

import pytest

from pitchday.models import EventStatus
from tests.access import LOGIN, ROLES, assert_access


@pytest.fixture
def urls(make_event):
    essen = make_event("essen", "Essen")
    draft = make_event("essen", "Entwurf", status=EventStatus.DRAFT)
    block = essen.blocks[0].id
    e, d = essen.id, draft.id
    get = [
        ("/events/", [200, 200, 200, 200, 200]),
        ("/events/archive", [200, 200, 200, 200, 200]),
        (f"/events/{e}", [200, 200, 200, 200, 200]),
        (f"/events/{e}/calendar.ics", [200, 200, 200, 200, 200]),
        (f"/events/{d}", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{d}/calendar.ics", [LOGIN, 403, 200, 403, 200]),
        ("/calendar.ics", [200, 200, 200, 200, 200]),
        ("/camps/essen/calendar.ics", [200, 200, 200, 200, 200]),
        ("/sectors/energy/calendar.ics", [200, 200, 200, 200, 200]),
        ("/camps/essen/events/new", [LOGIN, 403, 200, 403, 200]),
        ("/camps/dortmund/events/new", [LOGIN, 403, 403, 200, 200]),
        (f"/events/{e}/edit", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/agenda", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/agenda/{block}", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/copy", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/postpone", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/cancel", [LOGIN, 403, 200, 403, 200]),
        ("/organise/", [LOGIN, 403, 200, 200, 200]),
    ]
    post = [
        (f"/events/{d}/publish", [LOGIN, 403, 302, 403, 302]),
        (f"/events/{e}/agenda/{block}/delete", [LOGIN, 403, 302, 403, 302]),
    ]
    return get, post


@pytest.mark.parametrize("role", ROLES)
def test_event_pages_answer_each_role_as_declared(app, people, role, urls):
    assert_access(app, people, role, urls[0])


@pytest.mark.parametrize("role", ROLES)
def test_event_changes_refuse_the_wrong_roles(app, people, role, urls):
    assert_access(app, people, role, urls[1], method="POST")
