"""Who reaches the challenge pages: anonymous, a startup's founder, the company's contact, the organiser of the
reviewing camp (Essen), an organiser of another camp, a hub admin."""

import pytest

from pitchday.models import ChallengeStatus, Visibility
from tests.challenges.conftest import make_challenge
from tests.conftest import FormClient, log_in

ROLES = ["anonymous", "founder", "contact", "organiser", "other_organiser", "hub_admin"]
L = "login"


@pytest.fixture
def everyone(founder, contact, organiser, other_organiser, hub_admin, startup):
    return {"founder": founder, "contact": contact, "organiser": organiser, "other_organiser": other_organiser,
            "hub_admin": hub_admin}


@pytest.fixture
def board(db, company, camps):
    return {"published": make_challenge(db, company, camps["essen"], title="Offen"),
            "startups": make_challenge(db, company, camps["essen"], title="Intern", visibility=Visibility.STARTUPS),
            "review": make_challenge(db, company, camps["essen"], title="Prüfung", status=ChallengeStatus.IN_REVIEW),
            "draft": make_challenge(db, company, camps["essen"], title="Entwurf", status=ChallengeStatus.DRAFT)}


def client_for(app, everyone, role):
    client = FormClient(app.test_client())
    if role != "anonymous":
        log_in(client, everyone[role])
    return client


def check(client, role, table, method="GET"):
    for url, expected in table:
        want = expected[ROLES.index(role)]
        response = client.get(url) if method == "GET" else client.post_form(url, {}, page="/")
        if want == L:
            assert response.status_code == 302 and "/auth/login" in response.headers["Location"], (role, url)
        else:
            assert response.status_code == want, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_pages(app, everyone, board, company, role):
    p, s, r, d = (board[k].id for k in ("published", "startups", "review", "draft"))
    check(client_for(app, everyone, role), role, [
        ("/challenges/", [200, 200, 200, 200, 200, 200]),
        (f"/challenges/{p}", [200, 200, 200, 200, 200, 200]),
        (f"/challenges/{s}", [L, 200, 200, 200, 403, 200]),
        (f"/challenges/{r}", [L, 403, 200, 200, 403, 200]),
        (f"/challenges/{d}", [L, 403, 200, 200, 403, 200]),
        (f"/challenges/{p}/edit", [L, 403, 200, 403, 403, 200]),
        (f"/challenges/{p}/proposals", [L, 403, 200, 403, 403, 200]),
        ("/challenges/review", [L, 403, 403, 200, 200, 200]),
        (f"/companies/{company.slug}", [L, 403, 200, 403, 403, 200]),
        (f"/companies/{company.slug}/edit", [L, 403, 200, 403, 403, 200]),
        (f"/companies/{company.slug}/challenges/new", [L, 403, 200, 403, 403, 200]),
        ("/companies/new", [L, 200, 200, 200, 200, 200]),
        ("/challenges/999999", [404, 404, 404, 404, 404, 404]),
        ("/companies/nowhere", [404, 404, 404, 404, 404, 404]),
    ])


@pytest.mark.parametrize("role", ROLES)
def test_actions(app, everyone, board, company, role):
    r, d = board["review"].id, board["draft"].id
    # Empty forms: who passes the rule gets the form's answer (422/302), who does not is refused first.
    check(client_for(app, everyone, role), role, [
        (f"/challenges/{r}/review/publish", [L, 403, 403, 302, 403, 302]),
        (f"/challenges/{d}/send-for-review", [L, 403, 302, 403, 403, 302]),
        (f"/companies/{company.slug}/contacts", [L, 403, 422, 403, 403, 422]),
    ], method="POST")
