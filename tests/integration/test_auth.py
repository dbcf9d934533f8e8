"""Signing up, confirming, logging in and out, resetting passwords, rate limits and CSRF, through the browser's
eyes (the test client, with CSRF protection on)."""

import re

import pytest

from pitchday.models import User
from tests.conftest import PASSWORD, FormClient, empty_tables, make_app, prepare_schema

LINK = re.compile(r"http://localhost(/auth/\S+)")


def _link_in(message) -> str:
    return LINK.search(message.get_body(("plain",)).get_content()).group(1)


def test_sign_up_sends_a_confirmation_link_that_confirms_the_address(client, db, outbox):
    response = client.post_form("/auth/signup", {"name": "Fiona Founder", "email": "Fiona@Example.org",
                                                 "password": "a long password", "password_again": "a long password"})
    assert response.status_code == 200
    assert "Wir haben eine E-Mail an fiona@example.org geschickt" in response.get_data(as_text=True)
    user = db.session.scalar(db.select(User).filter_by(email="fiona@example.org"))
    assert user.email_confirmed_at is None
    [message] = outbox()
    assert message["To"] == "fiona@example.org"
    assert message["Subject"] == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    client.get(_link_in(message))
    db.session.refresh(user)
    assert user.email_confirmed_at is not None


def test_sign_up_errors_keep_what_was_typed(client, member):
    response = client.post_form("/auth/signup", {"name": "Mia Again", "email": "member@example.org",
                                                 "password": "a long password", "password_again": "different!!!"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Die Passwörter stimmen nicht überein." in html
    assert 'value="Mia Again"' in html


def test_wrong_password_gets_a_clear_message_and_no_session(client, member):
    response = client.post_form("/auth/login", {"email": member.email, "password": "not the password"},
                                page="/auth/login")
    assert "E-Mail-Adresse oder Passwort ist nicht richtig." in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 302


def test_log_in_and_out(client, member, login):
    login(member)
    assert client.get("/account/").status_code == 200
    client.post_form("/auth/logout")
    assert client.get("/account/").status_code == 302


def test_remember_me_sets_a_long_lived_http_only_cookie(client, member):
    response = client.post_form("/auth/login", {"email": member.email, "password": PASSWORD, "remember": "y"},
                                page="/auth/login")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token="))
    assert "HttpOnly" in cookie and "Expires=" in cookie


def test_changing_the_password_logs_out_other_devices(app, client, member, login):
    login(member)
    other_device = FormClient(app.test_client())
    from tests.conftest import log_in

    log_in(other_device, member)
    response = client.post_form("/account/password", {"password-current_password": PASSWORD,
                                                      "password-password": "a fresh password",
                                                      "password-password_again": "a fresh password"},
                                page="/account/")
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200
    assert other_device.get("/account/").status_code == 302


def test_forgotten_password_reset_by_e_mail_link(client, member, outbox, db):
    client.post_form("/auth/forgot", {"email": member.email})
    [message] = outbox()
    link = _link_in(message)
    response = client.post_form(link, {"password": "my new password", "password_again": "my new password"},
                                page=link)
    assert response.status_code == 302
    client.post_form("/auth/logout")
    ok = client.post_form("/auth/login", {"email": member.email, "password": "my new password"}, page="/auth/login")
    assert ok.status_code == 302
    again = client.post_form(link, {"password": "third password!", "password_again": "third password!"}, page=link)
    assert "schon benutzt" in again.get_data(as_text=True)


def test_forgot_password_does_not_reveal_whether_an_account_exists(client, outbox):
    response = client.post_form("/auth/forgot", {"email": "nobody@example.org"}, follow_redirects=True)
    assert "Falls es zu dieser Adresse ein Konto gibt" in response.get_data(as_text=True)
    assert outbox() == []


def test_a_post_without_csrf_token_is_refused_and_changes_nothing(client, member, login, db):
    login(member)
    response = client.post("/account/profile", data={"profile-name": "Hacked", "profile-locale": "de"})
    assert response.status_code == 400
    assert "Formular ist abgelaufen" in response.get_data(as_text=True)
    db.session.refresh(member)
    assert member.name == "Mia Member"


def _login_attempts(app, email, n, address="10.0.0.1"):
    client = FormClient(app.test_client())
    token = client.csrf_token("/auth/login")
    codes = []
    for _ in range(n):
        response = client.post("/auth/login", data={"email": email, "password": "wrong password",
                                                     "csrf_token": token},
                               environ_base={"REMOTE_ADDR": address})
        codes.append(response.status_code)
    return codes, response


@pytest.fixture
def limited_app(tmp_path, database_url):

    app = make_app(tmp_path, database_url, LOGIN_LIMIT_PER_ACCOUNT="3 per 10 minutes",
                   LOGIN_LIMIT_PER_ADDRESS="5 per 10 minutes")
    with app.app_context():
        prepare_schema(database_url)
        yield app
        empty_tables(database_url)


def test_log_in_attempts_are_limited_per_account_with_a_clear_message(limited_app):
    codes, response = _login_attempts(limited_app, "victim@example.org", 4)
    assert codes == [200, 200, 200, 429]
    assert "Zu viele Versuche" in response.get_data(as_text=True)
    # Another account from another address is not affected.
    codes, _ = _login_attempts(limited_app, "someone@example.org", 1, address="10.0.0.2")
    assert codes == [200]


def test_log_in_attempts_are_limited_per_address(limited_app):
    codes = []
    for i in range(6):
        c, _ = _login_attempts(limited_app, f"user{i}@example.org", 1, address="10.0.0.9")
        codes += c
    assert codes[-1] == 429 and codes[:5] == [200] * 5


def test_limits_are_shared_between_processes_through_redis(tmp_path, database_url, redis_url):
    """Two app instances (as two gunicorn workers would be) count against the same Redis."""
    import uuid


    url = redis_url
    email = f"{uuid.uuid4().hex}@example.org"
    for i in range(2):
        (tmp_path / str(i)).mkdir()
    apps = [make_app(tmp_path / str(i), database_url, RATELIMIT_STORAGE_URI=url,
                     LOGIN_LIMIT_PER_ACCOUNT="3 per 10 minutes") for i in range(2)]
    codes = []
    for app in apps * 2:
        with app.app_context():
            prepare_schema(database_url)
            c, _ = _login_attempts(app, email, 1, address="10.1.1.1")
            codes += c
    assert codes == [200, 200, 200, 429]
