"""Who reaches the network's pages (issue 19) beside the challenges, which have their own table: the showcase, a
startup's feedback and its shared links, follow-up tracks by mail link, the track figures and the juror pool."""

import pytest

from pitchday.models import Company, CompanyMember, FeedbackShare, Track, TrackSource, TrackStage
from tests.applications.conftest import make_startup
from tests.conftest import FormClient, create_user, log_in

ROLES = ["anonymous", "member", "founder", "company", "organiser", "other_organiser", "hub_admin"]
L = "login"


@pytest.fixture
def everyone(db, member, organiser, other_organiser, hub_admin):
    founder = create_user("gruenderin@example.org", "Greta Gründerin")
    contact = create_user("kontakt@stahlwerk.example", "Karla Kontakt")
    company = Company(slug="stahlwerk", name="Stahlwerk Ruhr GmbH", sector_slugs="energy", city="Duisburg")
    company.members.append(CompanyMember(user_id=contact.id))
    db.session.add(company)
    db.session.commit()
    return {"member": member, "founder": founder, "company": contact, "organiser": organiser,
            "other_organiser": other_organiser, "hub_admin": hub_admin}


@pytest.fixture
def network(db, camps, everyone):
    public = make_startup(db, everyone["founder"], name="Gridwise")
    public.is_public = True
    hidden = make_startup(db, everyone["founder"], name="Stealthco")
    hidden.is_public = False
    track = Track(source=TrackSource.MEETING, source_id=1, startup_id=public.id, camp_id=camps["essen"].id,
                  partner_name="Werk AG", partner_email="werk@example.org", stage=TrackStage.FIRST_TALK)
    share = FeedbackShare(startup_id=public.id, created_by_id=everyone["founder"].id)
    db.session.add_all([track, share])
    db.session.commit()
    return {"public": public, "hidden": hidden, "track": track, "share": share}


def check(app, everyone, role, table, method="GET"):
    client = FormClient(app.test_client())
    if role != "anonymous":
        log_in(client, everyone[role])
    for url, expected in table:
        want = expected[ROLES.index(role)]
        response = client.get(url) if method == "GET" else client.post_form(url, {}, page="/")
        if want == L:
            assert response.status_code == 302 and "/auth/login" in response.headers["Location"], (role, url)
        else:
            assert response.status_code == want, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_pages(app, everyone, network, role):
    public, hidden = network["public"].slug, network["hidden"].slug
    check(app, everyone, role, [
        ("/startups/", [200, 200, 200, 200, 200, 200, 200]),
        (f"/startups/{public}", [200, 200, 200, 200, 200, 200, 200]),
        (f"/startups/{hidden}", [L, 403, 200, 403, 403, 403, 200]),
        (f"/startups/{public}/feedback", [L, 403, 200, 403, 403, 403, 200]),
        (f"/tracks/{network['track'].partner_secret}", [200, 200, 200, 200, 200, 200, 200]),
        ("/tracks/not-a-real-link", [404, 404, 404, 404, 404, 404, 404]),
        (f"/feedback/{network['share'].secret}", [200, 200, 200, 200, 200, 200, 200]),
        ("/impact/tracks/", [L, 403, 403, 403, 200, 200, 200]),
        ("/impact/tracks/tracks.csv", [L, 403, 403, 403, 200, 200, 200]),
        ("/me/jury/", [L, 200, 200, 200, 200, 200, 200]),
    ])


@pytest.mark.parametrize("role", ROLES)
def test_changes(app, everyone, network, role):
    public = network["public"].slug
    check(app, everyone, role, [
        (f"/startups/{public}/feedback/share/{network['share'].id}/revoke", [L, 403, 302, 403, 403, 403, 302]),
        (f"/startups/{public}/feedback/share", [L, 403, 302, 403, 403, 403, 302]),
    ], method="POST")
