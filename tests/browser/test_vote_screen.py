"""The projector's audience-vote screen at laptop (1280×800) and phone (390×844) size: beside the short code and
the address it shows a QR code that a phone camera reads as the vote address with the code filled in."""

import io

import pytest
from PIL import Image

from pitchday.demo.foundation import ADMIN_EMAIL, DEMO_PASSWORD
from pitchday.services import vote as votes
from tests.browser.test_frame import SIZES, sign_in
from tests.browser.test_tables import demo  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_the_vote_screen_shows_a_qr_code_of_the_vote_address(browser, live_server, db, demo, size, screenshot,  # noqa: F811
                                                              axe):
    import zxingcpp

    from pitchday.models import Event

    code = votes.settings_of(db.session.get(Event, demo["event"])).screen_code
    db.session.commit()
    context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/events/{demo['event']}/vote/screen")
    assert page.locator(".vote-screen-big").inner_text() == code
    qr = page.get_by_role("img", name="QR-Code")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150 and box["x"] + box["width"] <= page.viewport_size["width"]
    if size == "laptop":  # beside the code, not under it
        assert box["y"] < page.locator(".vote-screen-big").bounding_box()["y"] + 50
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))]
    assert decoded == [f"{live_server}/vote?screen_code={code}"]
    screenshot(page, f"vote-screen-{size}", full_page=False)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert axe(page) == []
    context.close()
