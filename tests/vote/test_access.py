"""Who reaches which audience-vote page: organisers of the event's camp and hub admins manage; the ticket secret
opens the ballot for whoever holds it; the code form is public."""

import pytest

from tests.access import LOGIN, ROLES, assert_access


@pytest.fixture
def table(event, ticket, open_vote):
    e, s = event.id, ticket.ticket_secret
    manage = [LOGIN, 403, 200, 403, 200]
    everyone = [200] * 5
    return [
        (f"/events/{e}/vote", manage),
        (f"/events/{e}/vote/screen", manage),
        (f"/vote/{s}", everyone),
        ("/vote", everyone),
        ("/vote/not-a-ticket-secret", [404] * 5),
        ("/events/99999/vote", [404] * 5),  # loaders answer first
    ]


@pytest.fixture
def post_table(event, ticket, apps):
    e = event.id
    manage = [LOGIN, 403, 302, 403, 302]
    return [
        (f"/events/{e}/vote/open", manage),
        (f"/events/{e}/vote/close", manage),
        (f"/events/{e}/vote/publish", manage),
        (f"/events/{e}/vote/withdraw", manage),
        (f"/vote/{ticket.ticket_secret}", [422] * 5),  # no pitch chosen: the form says so, for whoever holds it
        ("/vote/not-a-ticket-secret", [404] * 5),
        ("/events/99999/vote/open", [404] * 5),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_vote_pages_answer_each_role_as_declared(app, people, role, table):
    assert_access(app, people, role, table)


@pytest.mark.parametrize("role", ROLES)
def test_vote_changes_refuse_the_wrong_roles(app, people, role, post_table):
    assert_access(app, people, role, post_table, method="POST")


def test_the_ballot_is_kept_out_of_search_engines_and_shared_caches(client, ticket):
    response = client.get(f"/vote/{ticket.ticket_secret}")
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "private" in response.headers["Cache-Control"]
    assert '<meta name="referrer" content="no-referrer">' in response.get_data(as_text=True)
