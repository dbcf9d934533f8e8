"""Signed links log invitees in for one role at one event, and nowhere else."""

import pytest

from pitchday.permissions import guard
from pitchday.permissions.core import RULES, rule
from pitchday.services.accounts import role_links


@pytest.fixture
def scoped_area(app):
    """A stand-in for an area with a link scope: a page jurors of event 7 may open."""
    revoked = set()
    if "test.scoped" not in RULES:
        rule("test.scoped", link_scopes=("test-scope",))(lambda user, **_: True)

    @guard("test.scoped")
    def landing(event_id):
        return f"landing {event_id}"

    app.add_url_rule("/scoped/<int:event_id>", "scoped_landing", landing)
    role_links.register_scope("test-scope", lambda user, event_id: user.id not in revoked, "scoped_landing")
    yield revoked
    role_links.STILL_VALID.pop("test-scope")
    role_links.LANDING.pop("test-scope")


def test_a_link_logs_in_for_its_scope_only(app, client, db, make_user, scoped_area):
    juror = make_user("juror@industry.example", password=None)
    token = role_links.make_token(juror, "test-scope", 7)
    response = client.get(f"/auth/link/{token}")
    assert response.headers["Location"] == "/scoped/7"
    assert client.get("/scoped/7").get_data(as_text=True) == "landing 7"
    # Outside its scope the session counts as logged out.
    assert "/auth/login" in client.get("/account/").headers["Location"]


def test_a_tampered_link_is_refused(client, db, make_user, scoped_area):
    juror = make_user("juror@industry.example", password=None)
    token = role_links.make_token(juror, "test-scope", 7)
    response = client.get(f"/auth/link/{token[:-2]}xx")
    assert response.status_code == 400
    assert "ungültig" in response.get_data(as_text=True)


def test_an_expired_link_is_refused(app, client, db, make_user, scoped_area, monkeypatch):
    juror = make_user("juror@industry.example", password=None)
    token = role_links.make_token(juror, "test-scope", 7)
    app.config["LINK_MAX_AGE_DAYS"] = -1
    response = client.get(f"/auth/link/{token}")
    assert response.status_code == 410
    assert "abgelaufen" in response.get_data(as_text=True)


def test_a_revoked_role_stops_the_link_before_it_expires(client, db, make_user, scoped_area):
    juror = make_user("juror@industry.example", password=None)
    token = role_links.make_token(juror, "test-scope", 7)
    scoped_area.add(juror.id)
    response = client.get(f"/auth/link/{token}")
    assert response.status_code == 403
    assert "zurückgezogen" in response.get_data(as_text=True)
