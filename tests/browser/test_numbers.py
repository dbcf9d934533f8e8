"""Numbers written the reader's way, at laptop (1280×800) and phone (390×844) size over the seeded demo: a German
organiser reads "64,8" and "83 %" on the jury's results, the startup feedback and the impact report; in English
the same figures read "64.8" and "83%"."""

import re

import pytest

from pitchday.demo.foundation import ADMIN_EMAIL, DEMO_PASSWORD
from tests.browser.test_frame import SIZES, sign_in
from tests.browser.test_tables import demo  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

GERMAN_DECIMAL = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$")
ENGLISH_DECIMAL = re.compile(r"^[+-]?\d{1,3}(,\d{3})*\.\d+$")


def cells(page, label):
    return [t.strip() for t in page.locator(f"main td[data-label='{label}']").all_inner_texts() if t.strip() != "–"]


@pytest.mark.parametrize("size", list(SIZES))
def test_german_pages_write_decimal_commas_and_spaced_percent(browser, live_server, demo, size, axe):  # noqa: F811
    context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    event, application = demo["event"], demo["application"]

    page.goto(f"{live_server}/events/{event}/jury/feedback/{application}")
    means = cells(page, "Ihr Mittelwert") + cells(page, "Median aller Pitches")
    assert means and all(GERMAN_DECIMAL.match(m) for m in means), means

    page.goto(f"{live_server}/events/{event}/jury/results")
    scores = cells(page, "Mittelwert") + cells(page, "Median")
    assert scores and all(GERMAN_DECIMAL.match(s) for s in scores), scores

    page.goto(f"{live_server}/impact/")
    rates = cells(page, "Anwesenheitsquote")
    assert rates and all(re.match(r"^\d+\u00a0%$", r) for r in rates), rates
    assert axe(page) == []
    context.close()


def test_english_pages_write_decimal_points(browser, live_server, demo):  # noqa: F811
    context = browser.new_context(**SIZES["laptop"], locale="en-GB", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/events/{demo['event']}/jury/feedback/{demo['application']}?lang=en")
    page.get_by_role("button", name="EN", exact=True).click()
    page.wait_for_load_state()
    means = cells(page, "Your mean")
    assert means and all(ENGLISH_DECIMAL.match(m) for m in means), means
    context.close()
