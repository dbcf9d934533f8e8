"""Defect 10 of issue 14: while the database is unreachable every page answers 503 with Retry-After in the
reader's language, and the device API a JSON 503; nothing answers 500."""

import pytest

from tests.conftest import make_app

PAGES = ["/", "/events/", "/events/1", "/camps/essen", "/startups/", "/tickets/abc"]


@pytest.fixture(params=["postgresql", "sqlite"])
def down_app(request, tmp_path):
    """The app pointed at a database nobody answers: PostgreSQL on a closed port, SQLite in a missing folder."""
    url = ("postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2" if request.param == "postgresql"
           else f"sqlite:///{tmp_path / 'missing' / 'folder' / 'db.sqlite3'}")
    return make_app(tmp_path, url)


@pytest.mark.parametrize("page", PAGES)
def test_pages_answer_503_in_german(down_app, page):
    response = down_app.test_client().get(page)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    html = response.get_data(as_text=True)
    assert "Die Datenbank ist im Moment nicht erreichbar" in html and 'lang="de"' in html


def test_the_page_follows_the_browsers_language(down_app):
    response = down_app.test_client().get("/events/", headers={"Accept-Language": "en"})
    assert response.status_code == 503
    assert "The database cannot be reached at the moment" in response.get_data(as_text=True)


def test_a_logged_in_visitor_gets_the_503_page_too(down_app):
    client = down_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = "some-session-token"
        session["_fresh"] = True
    response = client.get("/account/")
    assert response.status_code == 503 and "Datenbank" in response.get_data(as_text=True)


def test_a_form_post_answers_503(down_app):
    down_app.config["WTF_CSRF_ENABLED"] = False  # the token is not what this test is about
    response = down_app.test_client().post("/events/1/register", data={"name": "Eve"})
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"


def test_the_device_api_answers_json_503(down_app):
    response = down_app.test_client().post("/api/v1/events/1/checkins", json={"secret": "abc"},
                                           headers={"Authorization": "Bearer token", "Accept-Language": "en"})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.json["status"] == "unavailable"
    assert "database cannot be reached" in response.json["message"]


def test_healthz_still_says_unavailable(down_app):
    response = down_app.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["database"] == "unreachable"
