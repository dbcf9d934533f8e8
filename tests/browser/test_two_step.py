"""Two-step sign-in in the browser: a hub admin's code step, and enrolment with its QR code on a phone and a
desktop (issue 14)."""

import pyotp
import pytest

from pitchday.enums import Role
from pitchday.models import User
from pitchday.services.accounts import roles, two_step
from tests.browser.conftest import DESKTOP, log_in_page
from tests.conftest import PASSWORD, create_user

pytestmark = pytest.mark.browser


def test_a_hub_admin_types_the_code_after_the_password(page, live_server, hub_admin, screenshot, axe):
    page.goto(live_server + "/auth/login")
    page.fill("#email", hub_admin.email)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/auth/two-step" in page.url
    assert page.locator("h1").inner_text() == "Anmeldung in zwei Schritten"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "two-step-code-phone")
    assert axe(page) == []
    log_in_page(page, live_server, hub_admin)  # the shared helper types the code
    page.goto(live_server + "/admin/")
    assert "/admin/" in page.url


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_enrolment_shows_a_qr_code_and_then_the_recovery_codes(browser, live_server, db, camps, screenshot, axe,
                                                                size):
    admin = create_user("nora@example.org", "Nora New")
    roles.grant(actor=None, user=admin, role=Role.HUB_ADMIN)
    db.session.commit()
    context = browser.new_context(**DESKTOP, locale="de-DE") if size == "desktop" else None
    page = context.new_page() if context else browser.new_page(
        viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True, has_touch=True,
        locale="de-DE")
    log_in_page(page, live_server, admin)
    assert page.url.endswith("/account/two-step")  # nothing else opens before enrolment
    assert page.locator(".totp-qr svg").is_visible()
    screenshot(page, f"two-step-enrol-{size}")
    assert axe(page) == []
    db.session.rollback()  # end the test's read snapshot: the server stored the secret since
    secret = two_step.secret_of(db.session.get(User, admin.id))
    page.fill("#code", pyotp.TOTP(secret).now())
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".recovery-codes li").count() == 10
    screenshot(page, f"two-step-recovery-codes-{size}")
    assert axe(page) == []
    page.close()
    if context:
        context.close()


def test_the_account_page_lists_devices_and_offers_two_step(page, live_server, member, screenshot, axe):
    log_in_page(page, live_server, member)
    page.goto(live_server + "/account/")
    assert page.locator(".sessions li").count() == 1
    assert page.get_by_text("dieses Gerät").is_visible()
    assert page.get_by_role("link", name="Anmeldung in zwei Schritten einrichten").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "account-sessions-phone")
    assert axe(page) == []
