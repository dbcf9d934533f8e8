"""Every table of the organisers' and founders' pages, over the seeded demo, at laptop (1280×800) and phone
(390×844) size: it fits the screen or turns into stacked cards whose values keep their column's name; only a
deliberate wide table scrolls sideways, inside a labelled region. Each page passes axe (0 critical, 0 serious)."""

import json

import pytest
import sqlalchemy as sa

from pitchday.demo import seed_all
from pitchday.demo.events import demo_pitch_day
from pitchday.demo.foundation import ADMIN_EMAIL, DEMO_PASSWORD
from pitchday.models import Application, PitchSlot
from tests.browser.test_frame import SIZES, sign_in

pytestmark = pytest.mark.browser

# Tables may overflow only inside a region marked as a deliberate wide table, with a name and keyboard focus.
OVERFLOWING_TABLES = """() => {
  const width = document.documentElement.clientWidth;
  const bad = [];
  for (const table of document.querySelectorAll("main table")) {
    if (table.closest(".sr-only")) continue;  // a chart's figures for screen readers: not laid out on screen
    const name = table.className || (table.caption && table.caption.textContent.trim()) || "table";
    const region = table.closest(".wide-table");
    if (region) {
      if (!region.getAttribute("aria-label") || region.getAttribute("tabindex") !== "0") {
        bad.push(name + " (unlabelled wide table)");
      }
      continue;
    }
    const box = table.getBoundingClientRect();
    if (box.right > width + 1) bad.push(name + " right edge " + Math.round(box.right));
    for (let box = table.parentElement; box && box.tagName !== "MAIN"; box = box.parentElement) {
      if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible") {
        bad.push(name + " scrolls inside " + box.className);
      }
    }
  }
  return bad;
}"""


@pytest.fixture
def demo(db):
    """The seeded demo: its pitch day, a pitched application with scores and its startup."""
    seed_all()
    event = demo_pitch_day()
    slot = db.session.scalars(sa.select(PitchSlot).where(PitchSlot.event_id == event.id)
                              .order_by(PitchSlot.position)).first()
    application = db.session.get(Application, slot.application_id)
    db.session.commit()
    return {"event": event.id, "application": application.id, "startup": application.startup.slug,
            "startup_id": application.startup_id}


def pages(demo):
    e = demo["event"]
    return {
        "organiser dashboard": "/organise/",
        "jury admin": f"/events/{e}/jury/",
        "jury results": f"/events/{e}/jury/results",
        "startup feedback": f"/events/{e}/jury/feedback/{demo['application']}",
        "impact report": "/impact/",
        "impact print": "/impact/print",
        "impact tracks": "/impact/tracks/",
        "registrations": f"/events/{e}/registrations/",
        "check-in log": f"/events/{e}/checkin/log",
        "door staff": f"/events/{e}/checkin/staff",
        "matchmaking": f"/events/{e}/matchmaking/",
        "audience vote": f"/events/{e}/vote",
        "admin": "/admin/",
        "audit trail": "/audit/",
        "mail log": f"/events/{e}/mails",
    }


@pytest.mark.parametrize("size", list(SIZES))
def test_every_table_fits_or_stacks(browser, live_server, demo, size, screenshot, axe):
    context = browser.new_context(**SIZES[size], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    problems = {}
    for name, path in pages(demo).items():
        response = page.goto(live_server + path)
        assert response.status == 200, (name, path, response.status)
        bad = page.evaluate(OVERFLOWING_TABLES)
        width = page.viewport_size["width"]
        if page.evaluate("document.documentElement.scrollWidth") > width:
            bad.append(f"page scrolls sideways ({page.evaluate('document.documentElement.scrollWidth')} px)")
        violations = axe(page)
        if violations:
            bad.append(violations)
        if bad:
            problems[name] = bad
            screenshot(page, f"table-{name.replace(' ', '-')}-{size}")
    context.close()
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_feedback_shows_the_median_column_on_a_phone(browser, live_server, demo, screenshot):
    context = browser.new_context(**SIZES["phone"], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/events/{demo['event']}/jury/feedback/{demo['application']}")
    cell = page.locator("main table td[data-label='Median aller Pitches']").first
    assert cell.is_visible()
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    screenshot(page, "jury-feedback-phone")
    context.close()


def test_dashboard_counts_stay_on_a_phone(browser, live_server, demo, screenshot):
    context = browser.new_context(**SIZES["phone"], locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    sign_in(page, live_server, ADMIN_EMAIL, DEMO_PASSWORD)
    page.goto(f"{live_server}/organise/")
    counts = page.locator("main table.dashboard td.num")
    assert counts.count() > 0
    for i in range(min(counts.count(), 12)):
        box = counts.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert counts.nth(i).get_attribute("data-label")
    context.close()
