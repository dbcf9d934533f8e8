"""Log-out ends the session on the server, and the account page lists and ends signed-in devices (issue 14,
defect 4)."""

from pitchday.models import UserSession
from tests.conftest import FormClient, log_in

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
PHONE = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/126.0 Mobile Safari/537.36")


def _copy_cookies(source, target) -> None:
    for cookie in source.client._cookies.values():
        target.client.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)


def test_a_cookie_copied_before_log_out_no_longer_opens_the_account(app, client, member, login):
    login(member)
    thief = FormClient(app.test_client())
    _copy_cookies(client, thief)
    assert thief.get("/account/").status_code == 200  # the copy works while the session lives
    client.post_form("/auth/logout")
    assert client.get("/account/").status_code == 302
    assert thief.get("/account/").status_code == 302


def test_a_remember_me_cookie_copied_before_log_out_is_dead_too(app, client, member):
    client.post_form("/auth/login", {"email": member.email, "password": "correct horse battery", "remember": "y"},
                     page="/auth/login")
    remember = next(c for c in client.client._cookies.values() if c.key == "remember_token")
    thief = FormClient(app.test_client())
    thief.client.set_cookie("remember_token", remember.value, domain=remember.domain)
    assert thief.get("/account/").status_code == 200
    client.post_form("/auth/logout")
    fresh = FormClient(app.test_client())
    fresh.client.set_cookie("remember_token", remember.value, domain=remember.domain)
    assert fresh.get("/account/").status_code == 302


def test_the_account_page_lists_devices_and_signs_out_one(app, client, member, db):
    phone = FormClient(app.test_client())
    phone.client.environ_base["HTTP_USER_AGENT"] = PHONE
    log_in(phone, member)
    client.client.environ_base["HTTP_USER_AGENT"] = FIREFOX
    log_in(client, member)
    html = client.get("/account/").get_data(as_text=True)
    assert "Firefox · Windows" in html and "Chrome · Android" in html
    assert "dieses Gerät" in html
    phone_session = db.session.scalar(db.select(UserSession).filter(UserSession.user_agent == PHONE))
    response = client.post_form(f"/account/sessions/{phone_session.id}/end", page="/account/")
    assert response.status_code == 302
    assert phone.get("/account/").status_code == 302
    assert client.get("/account/").status_code == 200
    assert "Chrome · Android" not in client.get("/account/").get_data(as_text=True)


def test_nobody_signs_out_someone_elses_device(app, client, member, organiser, login, db):
    other = log_in(FormClient(app.test_client()), organiser)
    login(member)
    theirs = db.session.scalar(db.select(UserSession).filter_by(user_id=organiser.id))
    client.post_form(f"/account/sessions/{theirs.id}/end", page="/account/")
    assert other.get("/account/").status_code == 200


def test_sign_out_everywhere_else_keeps_this_device(app, client, member, login):
    others = [log_in(FormClient(app.test_client()), member) for _ in range(2)]
    login(member)
    client.post_form("/account/sessions/end-others", page="/account/")
    assert [o.get("/account/").status_code for o in others] == [302, 302]
    assert client.get("/account/").status_code == 200


def test_sign_out_everywhere_includes_this_device(app, client, member, login):
    other = log_in(FormClient(app.test_client()), member)
    login(member)
    response = client.post_form("/account/sessions/end-all", page="/account/")
    assert response.status_code == 302
    assert other.get("/account/").status_code == 302
    assert client.get("/account/").status_code == 302
