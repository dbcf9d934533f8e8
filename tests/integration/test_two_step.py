"""Two-step sign-in (TOTP): required for hub admins, offered to everyone with a password; recovery codes shown
once and stored hashed; codes work once and their attempts are limited (issue 14)."""

import re

import pyotp
import pytest

from pitchday.enums import Role
from pitchday.models import RecoveryCode, User
from pitchday.services.accounts import roles, two_step
from tests.conftest import PASSWORD, TOTP_SECRET, FormClient, log_in, two_step_code

CODES = re.compile(r"<li><code>([0-9a-f]{5}-[0-9a-f]{5})</code></li>")


def _password_step(client, user, password=PASSWORD, **extra):
    return client.post_form("/auth/login", {"email": user.email, "password": password, **extra}, page="/auth/login")


def _code_step(client, code):
    return client.post_form("/auth/two-step", {"code": code}, page="/auth/two-step")


@pytest.fixture
def organiser_with_two_step(db, organiser):
    two_step.enrol_known_secret(organiser, TOTP_SECRET)
    db.session.commit()
    return organiser


def test_an_organiser_with_two_step_cannot_sign_in_without_the_code(client, organiser_with_two_step):
    response = _password_step(client, organiser_with_two_step)
    assert response.headers["Location"].endswith("/auth/two-step")
    assert client.get("/account/").status_code == 302  # the password alone logs nobody in
    wrong = _code_step(client, "000000")
    assert wrong.status_code == 400
    assert "Dieser Code stimmt nicht" in wrong.get_data(as_text=True)
    assert client.get("/account/").status_code == 302
    right = _code_step(client, two_step_code(organiser_with_two_step))
    assert right.status_code == 302
    assert client.get("/account/").status_code == 200


def test_the_code_step_needs_the_password_step_first(client, organiser_with_two_step):
    response = client.post_form("/auth/two-step", {"code": pyotp.TOTP(TOTP_SECRET).now()}, page="/auth/login")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    assert client.get("/account/").status_code == 302


def test_a_code_works_once(app, client, organiser_with_two_step):
    code = two_step_code(organiser_with_two_step)
    _password_step(client, organiser_with_two_step)
    assert _code_step(client, code).status_code == 302
    other = FormClient(app.test_client())
    _password_step(other, organiser_with_two_step)
    assert _code_step(other, code).status_code == 400  # a replayed code (e.g. read over a shoulder)


def test_wrong_codes_are_limited(client, organiser_with_two_step):
    _password_step(client, organiser_with_two_step)
    statuses = [_code_step(client, "123456").status_code for _ in range(6)]
    assert statuses == [400] * 5 + [429]
    # The right code waits too, once the limit is reached.
    assert _code_step(client, two_step_code(organiser_with_two_step)).status_code == 429


def test_a_hub_admin_without_two_step_can_do_nothing_but_enrol(client, db, camps, outbox):
    from tests.conftest import create_user

    admin = create_user("new-admin@example.org", "Nora New")
    roles.grant(actor=None, user=admin, role=Role.HUB_ADMIN)
    db.session.commit()
    response = _password_step(client, admin)
    assert response.status_code == 302
    for page in ("/admin/", "/account/", "/events/"):
        blocked = client.get(page)
        assert blocked.status_code == 302 and blocked.headers["Location"].endswith("/account/two-step"), page
    enrol = client.get("/account/two-step")
    html = enrol.get_data(as_text=True)
    assert enrol.status_code == 200 and "<svg" in html and "QR-Code für Ihre Authenticator-App" in html
    db.session.expire_all()
    stored = db.session.get(User, admin.id)
    secret = two_step.secret_of(stored)
    assert secret and secret not in stored.totp_secret  # encrypted at rest
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in html

    assert client.post_form("/account/two-step", {"code": "000000"}, page="/account/two-step").status_code == 400
    done = client.post_form("/account/two-step", {"code": pyotp.TOTP(secret).now()}, page="/account/two-step")
    codes = CODES.findall(done.get_data(as_text=True))
    assert done.status_code == 200 and len(codes) == 10
    stored_hashes = {r.code_hash for r in db.session.scalars(db.select(RecoveryCode).filter_by(user_id=admin.id))}
    assert len(stored_hashes) == 10 and not any(c.replace("-", "") in h for c in codes for h in stored_hashes)
    assert client.get("/admin/").status_code == 200
    # Shown once: the settings page tells how many are left, not the codes.
    settings = client.get("/account/two-step").get_data(as_text=True)
    assert "10 unbenutzte Wiederherstellungscodes übrig" in settings and codes[0] not in settings


def test_a_recovery_code_signs_in_once(app, db, member):
    client = FormClient(app.test_client())
    log_in(client, member)
    client.get("/account/two-step")
    db.session.expire_all()
    secret = two_step.secret_of(db.session.get(User, member.id))
    page = client.post_form("/account/two-step", {"code": pyotp.TOTP(secret).now()}, page="/account/two-step")
    first = CODES.findall(page.get_data(as_text=True))[0]
    client.post_form("/auth/logout")

    _password_step(client, member)
    assert _code_step(client, first.upper()).status_code == 302  # case and dash do not matter
    client.post_form("/auth/logout")
    _password_step(client, member)
    assert _code_step(client, first).status_code == 400


def test_everyone_else_may_turn_it_on_and_off_but_hub_admins_keep_it(app, db, client, member, hub_admin, login):
    login(member)
    assert "Anmeldung in zwei Schritten einrichten" in client.get("/account/").get_data(as_text=True)
    client.get("/account/two-step")
    db.session.expire_all()
    secret = two_step.secret_of(db.session.get(User, member.id))
    client.post_form("/account/two-step", {"code": pyotp.TOTP(secret).now()}, page="/account/two-step")
    db.session.expire_all()
    assert db.session.get(User, member.id).two_step_enabled
    client.post_form("/account/two-step/off", {"code": two_step_code(member)}, page="/account/two-step")
    db.session.expire_all()
    assert not db.session.get(User, member.id).two_step_enabled

    admin_client = log_in(FormClient(app.test_client()), hub_admin)
    response = admin_client.post_form("/account/two-step/off", {"code": two_step_code(hub_admin)},
                                      page="/account/two-step")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, hub_admin.id).two_step_enabled


def test_a_password_reset_still_asks_for_the_code(client, organiser_with_two_step, outbox):
    client.post_form("/auth/forgot", {"email": organiser_with_two_step.email})
    link = re.search(r"http://localhost(/auth/\S+)", outbox()[0].get_body(("plain",)).get_content()).group(1)
    response = client.post_form(link, {"password": "kettle drum orchard", "password_again": "kettle drum orchard"},
                                page=link)
    assert response.headers["Location"].endswith("/auth/two-step")
    assert client.get("/account/").status_code == 302
    assert _code_step(client, two_step_code(organiser_with_two_step)).status_code == 302
    assert client.get("/account/").status_code == 200


def test_the_secret_is_unreadable_with_another_secret_key(app, db, organiser_with_two_step):
    stored = organiser_with_two_step.totp_secret
    assert TOTP_SECRET not in stored
    app.config["SECRET_KEY"] = "another key"
    try:
        assert two_step.secret_of(organiser_with_two_step) is None
    finally:
        app.config["SECRET_KEY"] = "test-secret-key-not-for-production"


def test_one_code_typed_on_two_devices_at_once_signs_in_one(live_server, organiser_with_two_step):
    """Real parallel clients: the conditional UPDATE of the last used time step lets exactly one through."""
    import http.cookiejar
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request

    class Device:
        def __init__(self):
            self.opener = urllib.request.build_opener(
                urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

        def post(self, path, data):
            page = self.opener.open(live_server + path).read().decode()
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
            body = urllib.parse.urlencode({**data, "csrf_token": token}).encode()
            try:
                with self.opener.open(urllib.request.Request(live_server + path, data=body)) as response:  # noqa: S310
                    return response.geturl()
            except urllib.error.HTTPError as error:
                return error.code

    devices = [Device() for _ in range(4)]
    for device in devices:
        assert device.post("/auth/login", {"email": organiser_with_two_step.email,
                                           "password": PASSWORD}).endswith("/auth/two-step")
    code = two_step_code(organiser_with_two_step)
    barrier, results = threading.Barrier(4), []

    def type_code(device):
        barrier.wait()
        results.append(device.post("/auth/two-step", {"code": code}))

    threads = [threading.Thread(target=type_code, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(str(r) for r in results).count("400") == 3
    assert sum(1 for r in results if r != 400) == 1
