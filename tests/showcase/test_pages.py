"""A startup's public profile, the camp page's startups and the home page's winners."""

import pytest

from pitchday.models import MemberRole, Startup, StartupMember
from tests.access import LOGIN, ROLES, assert_access
from tests.conftest import log_in


def test_profile_shows_awards_history_and_link_preview_metadata(client, network):
    html = client.get("/startups/gridwise").get_data(as_text=True)
    assert "1. Platz der Jury" in html and "Pitch Day Essen Herbst" in html and "Pitch Day Dortmund Sommer" in html
    assert "7 Personen" in html
    assert '<meta property="og:title" content="Gridwise">' in html
    assert '<meta property="og:description" content="Gridwise macht etwas Gutes">' in html
    assert '<meta name="description" content="Gridwise macht etwas Gutes">' in html
    assert 'rel="canonical" href="http' in html and 'hreflang="en"' in html


def test_a_hidden_startup_is_shown_to_its_team_only_and_never_indexed(client, db, network, member):
    assert client.get("/startups/stealthco").status_code in (302, 403)
    db.session.add(StartupMember(startup_id=network["hidden"].id, user_id=member.id, role=MemberRole.FOUNDER))
    db.session.commit()
    log_in(client, member)
    html = client.get("/startups/stealthco").get_data(as_text=True)
    assert '<meta name="robots" content="noindex">' in html and "og:title" not in html


def test_camp_page_shows_the_public_startups_that_pitched_there(client, network):
    html = client.get("/camps/dortmund").get_data(as_text=True)
    assert ">Gridwise</a>" in html and ">PortPilot</a>" in html
    assert ">Stealthco</a>" not in html and ">CareSense</a>" not in html
    assert "/startups/?camp=dortmund" in html


def test_home_page_shows_published_winners_only_and_links_public_ones(client, network):
    html = client.get("/").get_data(as_text=True)
    assert "Gewinner der letzten Pitch Days" in html
    assert "1. Platz der Jury" in html and 'href="/startups/gridwise"' in html
    assert "Stealthco" in html and 'href="/startups/stealthco"' not in html  # named, not linked
    assert "Publikumspreis" not in html  # not published


def test_new_startups_start_hidden_and_opt_in_on_the_form(client, db, member):
    log_in(client, member)
    form = client.get("/startups/new").get_data(as_text=True)
    assert 'id="is_public"' in form and 'id="is_public" name="is_public" type="checkbox" value="y" checked' not in form
    response = client.post_form("/startups/new", {"name": "Ruhrbit", "one_liner": "Bits aus dem Revier",
                                                  "stage": "idea", "contact_name": "Mia", "team_size": "4",
                                                  "contact_email": "mia@example.org"}, page="/startups/new")
    assert response.status_code == 302
    startup = db.session.scalar(db.select(Startup).filter_by(name="Ruhrbit"))
    assert startup.is_public is False and startup.team_size == 4


@pytest.mark.parametrize("team_size", ["0", "-3", "99999999999999999999", "zehn"])
def test_team_size_must_be_a_sensible_number(client, db, member, team_size):
    log_in(client, member)
    response = client.post_form("/startups/new", {"name": "Ruhrbit", "one_liner": "x", "stage": "idea",
                                                  "contact_name": "Mia", "contact_email": "mia@example.org",
                                                  "team_size": team_size}, page="/startups/new")
    assert response.status_code in (200, 400, 422)
    assert db.session.scalar(db.select(Startup).filter_by(name="Ruhrbit")) is None


@pytest.mark.parametrize("role", ROLES)
def test_showcase_pages_answer_each_role(app, people, network, role):
    assert_access(app, people, role, [
        ("/startups/", [200, 200, 200, 200, 200]),
        ("/startups/?camp=essen&sector=energy&stage=seed&q=grid&page=1", [200, 200, 200, 200, 200]),
        ("/startups/gridwise", [200, 200, 200, 200, 200]),
        ("/startups/stealthco", [LOGIN, 403, 403, 403, 200]),
        ("/camps/essen", [200, 200, 200, 200, 200]),
    ])
