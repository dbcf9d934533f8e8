"""Who reaches which matchmaking and impact page: the access table, plus startup members and ticket holders."""

import pytest

from pitchday.models import EventStatus
from tests.access import LOGIN, ROLES, assert_access
from tests.conftest import create_user, log_in
from tests.matchmaking.conftest import register


@pytest.fixture
def urls(db, pitch_day):
    event, alpha = pitch_day["event"], pitch_day["alpha"]
    reg = register(db, event, "Ina Industrie")
    return {"e": event.id, "s": alpha.id, "secret": reg.ticket_secret}


def _table(u):
    e, s = u["e"], u["s"]
    return [
        (f"/events/{e}/meet", [LOGIN, 403, 403, 403, 403]),
        (f"/meet/{u['secret']}", [200, 200, 200, 200, 200]),
        ("/meet/no-such-ticket", [404, 404, 404, 404, 404]),
        (f"/startups/{s}/events/{e}/meet", [LOGIN, 403, 200, 403, 200]),
        (f"/startups/{s}/events/{e}/contacts", [LOGIN, 403, 200, 403, 200]),
        (f"/startups/{s}/events/{e}/meet/meetings/999.ics", [LOGIN, 403, 404, 403, 404]),
        (f"/events/{e}/matchmaking/", [LOGIN, 403, 200, 403, 200]),
        ("/impact/", [LOGIN, 403, 200, 200, 200]),
        ("/impact/report.csv", [LOGIN, 403, 200, 200, 200]),
        ("/impact/print", [LOGIN, 403, 200, 200, 200]),
        ("/impact/charts.css", [LOGIN, 403, 200, 200, 200]),
    ]


def _post_table(u):
    e, s = u["e"], u["s"]
    return [
        (f"/events/{e}/matchmaking/run", [LOGIN, 403, 302, 403, 302]),
        (f"/events/{e}/matchmaking/meetings/999/cancel", [LOGIN, 403, 404, 403, 404]),
        (f"/events/{e}/matchmaking/meetings/999/move", [LOGIN, 403, 404, 403, 404]),
        (f"/events/{e}/matchmaking/follow-ups", [LOGIN, 403, 302, 403, 302]),
        (f"/startups/{s}/events/{e}/meet/ask", [LOGIN, 403, 302, 403, 302]),
        (f"/startups/{s}/events/{e}/follow-ups", [LOGIN, 403, 302, 403, 302]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_pages_answer_each_role_as_declared(app, people, urls, role):
    assert_access(app, people, role, _table(urls))


@pytest.mark.parametrize("role", ROLES)
def test_changes_refuse_the_wrong_roles(app, people, urls, role):
    assert_access(app, people, role, _post_table(urls), method="POST")


def test_startup_members_reach_their_own_startup_only(app, db, new_client, pitch_day, urls):
    client = new_client()
    log_in(client, pitch_day["founder"])
    assert client.get(f"/startups/{urls['s']}/events/{urls['e']}/meet").status_code == 200
    assert client.get(f"/startups/{pitch_day['beta'].id}/events/{urls['e']}/meet").status_code == 403


def test_a_ticket_of_a_draft_event_or_a_cancelled_registration_opens_nothing(app, db, new_client, pitch_day, urls):
    from pitchday.models import Registration, RegistrationStatus

    client = new_client()
    pitch_day["event"].status = EventStatus.CANCELLED
    db.session.commit()
    assert client.get(f"/meet/{urls['secret']}").status_code == 302  # anonymous: sent to log in
    pitch_day["event"].status = EventStatus.PUBLISHED
    reg = db.session.scalar(db.select(Registration).filter_by(ticket_secret=urls["secret"]))
    reg.status = RegistrationStatus.CANCELLED
    db.session.commit()
    assert client.get(f"/meet/{urls['secret']}").status_code == 302


def test_a_registered_account_reaches_its_meeting_page(app, db, new_client, pitch_day):
    user = create_user("ina@example.org", "Ina")
    register(db, pitch_day["event"], "Ina", user=user)
    client = new_client()
    log_in(client, user)
    assert client.get(f"/events/{pitch_day['event'].id}/meet").status_code == 302
