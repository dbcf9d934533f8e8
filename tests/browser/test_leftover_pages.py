"""Pages issue 19 left unchecked, over the seeded demo at laptop (1280×800) and phone (390×844) size: a company's
pages and form, a founder's startups and startup form, and a camp's startup list. Each fits the screen and passes
axe with 0 critical and 0 serious violations."""

import json

import pytest

from pitchday.demo.applications import FOUNDER_EMAIL
from pitchday.demo.challenges import COMPANIES
from pitchday.demo.foundation import DEMO_PASSWORD
from tests.browser.test_frame import SIZES, sign_in
from tests.browser.test_tables import demo  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

COMPANY = COMPANIES[0][0]
VISITS = [  # (who signs in, path); None: a visitor
    (None, "/camps/essen"),
    (COMPANIES[0][4], "/companies/"),
    (COMPANIES[0][4], f"/companies/{COMPANY}"),
    (COMPANIES[0][4], f"/companies/{COMPANY}/edit"),
    (COMPANIES[0][4], "/companies/new"),
    (FOUNDER_EMAIL, "/startups/mine"),
    (FOUNDER_EMAIL, "/startups/new"),
]


@pytest.mark.parametrize("size", list(SIZES))
def test_company_startup_and_camp_pages_pass_axe(browser, live_server, demo, size, axe):  # noqa: F811
    problems = {}
    for who in dict.fromkeys(w for w, _ in VISITS):
        context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
        page = context.new_page()
        if who:
            sign_in(page, live_server, who, DEMO_PASSWORD)
        for path in [p for w, p in VISITS if w == who]:
            response = page.goto(live_server + path)
            found = [] if response.status == 200 else [f"status {response.status}"]
            if page.evaluate("document.documentElement.scrollWidth") > page.viewport_size["width"]:
                found.append("scrolls sideways")
            found += axe(page)
            if found:
                problems[path] = found
        context.close()
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)

