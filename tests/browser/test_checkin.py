"""The door on a phone: a staff member's scanner page reads a ticket's QR code from the camera (Chromium's fake
capture device playing a video of the ticket) and shows green, and stays green while the ticket is held up;
offline scanning queues and reports conflicts honestly."""

from pathlib import Path

import pytest
import qrcode
from PIL import Image

from pitchday.models.checkin import CheckIn
from pitchday.services.checkin import staff as checkin_staff
from tests.browser.conftest import CHROMIUM, LAUNCH_ARGS, PHONE
from tests.browser.sizes import SIZES, fits
from tests.checkin.conftest import make_event, make_registration
from tests.conftest import create_user

pytestmark = pytest.mark.browser


def ticket_video(secret: str, path: Path) -> Path:
    """A one-frame Y4M (Chromium loops it) showing the ticket's QR code, as the ticket page would show it."""
    qr = qrcode.make(secret, box_size=8, border=4).get_image().convert("RGB")
    frame = Image.new("RGB", (640, 480), "white")
    frame.paste(qr, ((640 - qr.width) // 2, (480 - qr.height) // 2))
    y, cb, cr = frame.convert("YCbCr").split()
    half = (320, 240)
    with path.open("wb") as fh:
        fh.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        fh.write(b"FRAME\n" + y.tobytes() + cb.resize(half).tobytes() + cr.resize(half).tobytes())
    return path


@pytest.fixture
def event(db, camps):
    return make_event(db, camps["essen"])


def staff_link(app, db, event, organiser) -> str:
    staff = create_user("door@example.org", "Doris Door", password=None)
    device = checkin_staff.add_staff(event, email=staff.email, name=staff.name, by=organiser)
    db.session.commit()
    with app.test_request_context():
        return checkin_staff.invitation_link(device)


@pytest.fixture
def camera_browser(browser_type):
    """Launch a Chromium whose camera plays the given video (the file is a launch flag, so one per video)."""
    browsers = []

    def launch(video: Path, size: dict = PHONE):
        browser = browser_type.launch(executable_path=CHROMIUM, args=[
            *LAUNCH_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}"])
        browsers.append(browser)
        return browser.new_context(**size, locale="de-DE", timezone_id="Europe/Berlin").new_page()

    yield launch
    for browser in browsers:
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_ticket_held_in_front_of_the_camera_stays_green_with_its_undo(app, db, live_server, event, organiser,
                                                                         camera_browser, tmp_path, screenshot,
                                                                         axe, size):
    """Issue 16.5: a guest holding the ticket up for a few seconds is read many times; it stays one scan."""
    ticket = make_registration(db, event, name="Erika Muster", organisation="Ruhr Ventures")
    link = staff_link(app, db, event, organiser)
    page = camera_browser(ticket_video(ticket.ticket_secret, tmp_path / "ticket.y4m"), SIZES[size])

    page.goto(link)  # the invitation link logs the door staff in and lands on the scanner
    assert page.url.endswith(f"/events/{event.id}/checkin/")
    page.wait_for_function("() => window.scanResults && window.scanResults.length >= 1", timeout=15000)
    result = page.locator("#result")
    assert "result-ok" in result.get_attribute("class")
    assert "Erika Muster" in result.inner_text() and "Eingecheckt" in result.inner_text()
    assert page.locator("#count-in").inner_text() == "1"

    # The ticket stays in front of the camera for well over the old 3 s pause: still the first answer.
    page.wait_for_timeout(4500)
    assert page.evaluate("window.scanResults") == ["checked_in"]
    assert "result-ok" in result.get_attribute("class")
    assert "Bereits" not in result.inner_text()
    assert page.locator("#undo").is_visible()
    screenshot(page, f"scanner-held-{size}", full_page=False)
    db.session.rollback()
    assert db.session.query(CheckIn).count() == 1
    assert axe(page) == []

    # Undo still works after the hold: the guest is out again.
    page.locator("#undo").click()
    page.wait_for_function("() => document.getElementById('count-in').textContent === '0'", timeout=10000)


def test_offline_scans_are_queued_sent_later_and_conflicts_shown(app, db, live_server, event, organiser, page,
                                                                screenshot):
    first = make_registration(db, event, name="Otto Offline")
    second = make_registration(db, event, name="Clara Conflict")
    secrets = (first.ticket_secret, second.ticket_secret)
    link = staff_link(app, db, event, organiser)
    page.goto(link)
    page.goto(f"{live_server}/events/{event.id}/checkin/?camera=0")
    page.get_by_role("button", name="Ticketliste laden").click()
    page.wait_for_function("() => document.getElementById('list-info').textContent.includes('2')")

    page.context.set_offline(True)
    page.wait_for_function("() => document.getElementById('net').textContent === 'Offline'", timeout=10000)
    # Meanwhile another entrance checks Clara in.
    db.session.rollback()  # end the test's read snapshot before writing (SQLite)
    _device, token = checkin_staff.issue_device(event, name="Door 2", by=None)
    db.session.commit()
    client = app.test_client()
    assert client.post(f"/api/v1/events/{event.id}/checkins", json={"secret": secrets[1]},
                       headers={"Authorization": f"Bearer {token}"}).status_code == 201

    for n, secret in enumerate(secrets, start=1):
        page.fill("#code", secret)
        page.press("#code", "Enter")
        page.wait_for_function(f"() => window.scanResults.length >= {n}")
    assert page.evaluate("window.scanResults") == ["checked_in", "checked_in"]
    assert "offline" in page.locator("#result").inner_text()
    assert "2" in page.locator("#queue-info").inner_text()
    screenshot(page, "checkin-offline-queued")

    page.context.set_offline(False)
    page.wait_for_function("() => document.getElementById('queue-info').textContent === ''", timeout=15000)
    conflicts = page.locator("#conflicts").inner_text()
    assert "Clara Conflict" in conflicts and "Bereits eingecheckt" in conflicts and "Door 2" in conflicts
    assert "Otto Offline" not in conflicts
    screenshot(page, "checkin-offline-synced")
    db.session.rollback()
    assert db.session.query(CheckIn).count() == 2


def test_organiser_pages_staff_log_and_printable_badges(app, db, live_server, event, organiser, page, screenshot,
                                                        axe):
    from tests.conftest import PASSWORD

    for name, org in [("Erika Muster", "Ruhr Ventures"), ("Jonas Kowalski-Schmidtmeier", "Stahlwerk Duisburg GmbH"),
                      ("Aylin Demir", "")]:
        make_registration(db, event, name=name, organisation=org)
    page.goto(f"{live_server}/auth/login")
    page.fill("input[name=email]", organiser.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto(f"{live_server}/events/{event.id}/checkin/staff")
    page.fill("#device-name", "Eingang Nord")
    page.get_by_role("button", name="Geräte-Token ausstellen").click()
    assert page.locator("#device-token").inner_text().startswith("pdc_")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "checkin-staff-phone")
    assert axe(page) == []

    page.goto(f"{live_server}/events/{event.id}/checkin/badges")
    assert page.locator(".name-badge").count() == 3
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    screenshot(page, "checkin-badges-print")
    box = page.locator(".name-badge").first.bounding_box()
    assert 390 < box["width"] < 400 and 275 < box["height"] < 285  # 105 x 74 mm: eight per A4 sheet
    assert axe(page) == []


def test_without_https_the_page_says_why_there_is_no_camera_and_the_code_field_works(
        app, db, live_server, event, organiser, browser_type, screenshot):
    """A phone on the venue network reaching the app over plain http (not localhost) gets no camera."""
    ticket = make_registration(db, event, name="Erika Muster")
    link = staff_link(app, db, event, organiser)
    port = live_server.rsplit(":", 1)[1]
    browser = browser_type.launch(executable_path=CHROMIUM,
                                  args=[*LAUNCH_ARGS, "--host-resolver-rules=MAP pitchday.lan 127.0.0.1"])
    try:
        page = browser.new_context(**PHONE, locale="de-DE").new_page()
        page.goto(link.replace("127.0.0.1", "pitchday.lan"))
        assert page.evaluate("() => window.isSecureContext") is False
        info = page.locator("#camera-info")
        assert "https" in info.inner_text()
        page.fill("#code", ticket.ticket_secret)
        page.press("#code", "Enter")
        page.wait_for_function("() => window.scanResults && window.scanResults.length >= 1")
        assert "result-ok" in page.locator("#result").get_attribute("class")
        screenshot(page, "checkin-no-https-code-field", full_page=False)
        assert f"pitchday.lan:{port}" in page.url
    finally:
        browser.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_door_search_finds_ozdemir_however_it_is_typed(app, db, live_server, event, organiser, sized_page, screenshot,
                                                         axe, size):
    """Issue 16.6: case, accents and umlaut spellings do not matter; organisation words are searched."""
    make_registration(db, event, name="Aylin Özdemir", organisation="Stadtwerke Bochum", email="aylin@swb.de")
    make_registration(db, event, name="Jonas Krüger", organisation="Zeche Zollverein", email="jk@example.org")
    make_registration(db, event, name="Erika Muster", organisation="Ruhr Ventures")
    link = staff_link(app, db, event, organiser)
    page = sized_page(size)
    page.goto(link)
    page.goto(f"{live_server}/events/{event.id}/checkin/?camera=0")
    results = page.locator("#search-results")
    for typed, name in [("kruger", "Jonas Krüger"), ("zollverein", "Jonas Krüger"), ("Oezdemir", "Aylin Özdemir"),
                        ("ozdemir", "Aylin Özdemir"), ("Özdemir", "Aylin Özdemir")]:
        page.evaluate("document.getElementById('search-results').textContent = ''")  # no earlier answer counts
        page.fill("#q", typed)
        page.press("#q", "Enter")
        page.wait_for_function("name => document.getElementById('search-results').textContent.includes(name)",
                               arg=name, timeout=15000)
        assert results.locator("li").count() == 1, typed
    assert "Stadtwerke Bochum" in results.inner_text()
    page.locator("#search-h").scroll_into_view_if_needed()
    assert fits(page, size)
    screenshot(page, f"door-search-ozdemir-{size}", full_page=False)
    assert axe(page) == []
    results.get_by_role("button", name="Einchecken").click()
    page.wait_for_function("() => document.getElementById('count-in').textContent === '1'", timeout=5000)
