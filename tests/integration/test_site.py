"""What every response has: security headers, error pages in both languages, health, logs, language, time."""

from datetime import UTC, datetime

import pytest

from tests.conftest import empty_tables, make_app, prepare_schema


def test_security_headers_on_every_response(client, camps):
    for url in ("/", "/camps/essen", "/nope", "/healthz"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=(self)" in headers["Permissions-Policy"]  # the door scanner's own pages get the camera
        assert "Strict-Transport-Security" not in headers  # served over http here


def test_the_device_apis_json_is_never_cached_framed_or_run(client):
    for response in (client.get("/api/v1/openapi.json"), client.post("/api/v1/events/1/checkins", json={}),
                     client.get("/api/v1/nothing-here")):
        headers = response.headers
        assert response.is_json and headers["Cache-Control"] == "no-store"
        assert headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
        assert "Permissions-Policy" not in headers and "Set-Cookie" not in headers


def test_cookies_are_secure_and_hsts_is_sent_when_served_over_https(tmp_path, database_url):
    app = make_app(tmp_path, database_url, BASE_URL="https://pitch.example.org")
    with app.app_context():

        prepare_schema(database_url)
        response = app.test_client().get("/auth/login", base_url="https://pitch.example.org")
        cookie = response.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert "max-age" in response.headers["Strict-Transport-Security"]
        empty_tables(database_url)


def test_404_page_in_german_and_english(client):
    german = client.get("/nope")
    assert german.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)." in german.get_data(as_text=True)
    english = client.get("/nope", headers={"Accept-Language": "en"})
    assert "This page does not exist (any more)." in english.get_data(as_text=True)
    assert 'class="site-header"' in english.get_data(as_text=True)  # in the site's layout


def test_json_routes_get_json_errors(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.is_json and response.json["status"] == "not_found"


def test_too_large_uploads_get_413_with_a_message(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = client.post("/auth/login", data={"email": "x" * 5000})
    assert response.status_code == 413
    assert "Die Datei ist zu groß" in response.get_data(as_text=True)


def test_unexpected_errors_show_the_500_page_and_are_logged(app, client, app_logs):
    def broken():
        raise RuntimeError("boom")

    broken.permission_rule = "public"
    app.add_url_rule("/broken", "broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/broken")
    assert response.status_code == 500
    assert "Ein unerwarteter Fehler ist aufgetreten" in response.get_data(as_text=True)
    assert "boom" in app_logs.text


def test_rate_limited_and_forbidden_pages_exist_in_both_languages(app):
    from pitchday.error_pages import MESSAGES

    with app.app_context(), app.test_request_context(headers={"Accept-Language": "en"}):
        for status in (400, 403, 404, 413, 429, 500):
            assert str(MESSAGES[status][0])
    with app.app_context(), app.test_request_context():
        assert str(MESSAGES[403][0]) == "Zugriff verweigert"
        assert str(MESSAGES[429][0]) == "Zu viele Versuche"


def test_healthz_reports_the_database(client):
    assert client.get("/healthz").json == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    app = make_app(tmp_path, "postgresql+psycopg://nobody@127.0.0.1:1/none")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_one_log_line_per_request_with_request_id_and_no_secrets(client, app_logs):
    response = client.get("/auth/reset/secret-token-value", headers={"X-Request-ID": "abc123"})
    assert response.headers["X-Request-ID"] == "abc123"
    lines = [r.getMessage() for r in app_logs.records if r.name == "pitchday.request"]
    assert len(lines) == 1
    assert "rid=abc123" in lines[0] and "/auth/reset/<token>" in lines[0]
    assert "secret-token-value" not in lines[0]


def test_language_switch_is_remembered_by_cookie(client, camps):
    response = client.post_form("/language", {"lang": "en", "next": "/camps/"})
    assert response.headers["Location"] == "/camps/"
    assert "Our camps" in client.get("/").get_data(as_text=True)


def test_language_switch_is_remembered_per_user(client, member, login, db):
    login(member)
    client.post_form("/language", {"lang": "en"})
    db.session.refresh(member)
    assert member.locale == "en"


def test_language_switch_never_redirects_off_site(client):
    response = client.post_form("/language", {"lang": "en", "next": "//evil.example/"})
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(("utc", "german", "english"), [
    (datetime(2026, 3, 28, 17, 0, tzinfo=UTC), "Sa., 28. März 2026, 18:00 MEZ", "18:00 CET"),
    (datetime(2026, 3, 29, 17, 0, tzinfo=UTC), "So., 29. März 2026, 19:00 MESZ", "19:00 CEST"),
])
def test_times_are_shown_in_berlin_with_their_zone_across_summer_time(app, utc, german, english):
    from pitchday.i18n import when

    with app.app_context(), app.test_request_context():
        assert when(utc) == german
    with app.app_context(), app.test_request_context(headers={"Accept-Language": "en"}):
        assert when(utc).endswith(english)
