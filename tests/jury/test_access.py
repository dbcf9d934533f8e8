"""Who reaches which jury page: organisers of the event's camp and hub admins manage; jurors score."""

import pytest

from tests.access import LOGIN, ROLES, assert_access
from tests.jury.conftest import pitches


@pytest.fixture
def table(event):
    e, a = event.id, pitches(event)[0].id
    manage = [LOGIN, 403, 200, 403, 200]
    return [
        (f"/events/{e}/jury/", manage),
        (f"/events/{e}/jury/criteria/new", manage),
        (f"/events/{e}/jury/results", manage),
        (f"/events/{e}/jury/results/scores.csv", manage),
        (f"/events/{e}/jury/results/rankings.csv", manage),
        (f"/events/{e}/jury/feedback/{a}", [LOGIN, 403, 200, 403, 200]),
        (f"/jury/{e}/", [LOGIN, 403, 403, 403, 403]),  # only jurors score, not even organisers
        (f"/jury/{e}/pitch/{a}", [LOGIN, 403, 403, 403, 403]),
        (f"/events/{e}/jury/feedback/99999", [404, 404, 404, 404, 404]),  # loaders answer first
    ]


@pytest.fixture
def post_table(event, juror):
    e, a = event.id, pitches(event)[0].id
    manage = [LOGIN, 403, 302, 403, 302]
    return [
        (f"/events/{e}/jury/rubric/default", manage),
        (f"/events/{e}/jury/reset", manage),
        (f"/events/{e}/jury/jurors/{juror.id}/resend", manage),
        (f"/events/{e}/jury/publish", manage),
        (f"/events/{e}/jury/jurors/99999/revoke", [404, 404, 404, 404, 404]),
        (f"/jury/{e}/pitch/{a}", [LOGIN, 403, 403, 403, 403]),
        (f"/jury/{e}/pitch/{a}/conflict", [LOGIN, 403, 403, 403, 403]),
        (f"/jury/{e}/pitch/{a}/follow-up", [LOGIN, 403, 403, 403, 403]),
        (f"/jury/{e}/pitch/99999/follow-up", [404, 404, 404, 404, 404]),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_jury_pages_answer_each_role_as_declared(app, people, role, table):
    assert_access(app, people, role, table)


@pytest.mark.parametrize("role", ROLES)
def test_jury_changes_refuse_the_wrong_roles(app, people, role, post_table):
    assert_access(app, people, role, post_table, method="POST")


def test_the_json_api_answers_json_for_strangers(client, event):
    response = client.post(f"/api/jury/{event.id}/pitch/{pitches(event)[0].id}/score", json={})
    assert response.status_code in (400, 401) and response.is_json


def test_a_juror_session_opens_no_organiser_page_even_for_an_organiser(app, event, organiser, juror_client):
    """A link session is limited to the jury of its event."""
    assert juror_client.get(f"/events/{event.id}/jury/").status_code in (302, 403)
    assert juror_client.get("/account/").status_code in (302, 403)


def test_a_startup_member_sees_feedback_only_after_publishing(app, event, founder, organiser, login, client):
    from pitchday.extensions import db
    from pitchday.services.jury import publish as jury_publish

    login(founder)
    url = f"/events/{event.id}/jury/feedback/{pitches(event)[0].id}"
    assert client.get(url).status_code == 403
    assert client.get(f"/events/{event.id}/jury/feedback/{pitches(event)[1].id}").status_code == 403
    with app.test_request_context():
        jury_publish.publish(event, by=organiser)
        db.session.commit()
    assert client.get(url).status_code == 200
    assert client.get(f"/events/{event.id}/jury/feedback/{pitches(event)[1].id}").status_code == 403
