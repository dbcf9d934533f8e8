"""An organiser reads the audit trail on a phone and a desktop: entries with who and when, a filter, the CSV."""

import pytest

from pitchday.services.applications import selection
from pitchday.services.audit import trail as audit
from pitchday.services.events import schedule
from tests.audit.conftest import application, event  # noqa: F401  (fixtures)
from tests.browser.conftest import log_in_page as _log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def trail(db, event, application, organiser):  # noqa: F811
    schedule.publish(event, by=organiser)
    selection.decide(application, "shortlisted", by=organiser)
    db.session.commit()
    audit.record_export(organiser, "registrations", rows=42, subject=event)
    return event



def _read_trail(page, base, width, screenshot, axe, name):
    page.goto(base + "/organise/")
    page.get_by_role("link", name="Änderungsprotokoll: wer was geändert hat").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Änderungsprotokoll"
    main = page.locator("main").inner_text()
    for text in ("Veranstaltung veröffentlicht", "Über Bewerbung entschieden", "Anmeldungen exportiert", "Olga Orga"):
        assert text in main, text
    assert page.locator("tbody tr").count() == 4  # the three above and the fixture's role grant
    screenshot(page, f"audit-{name}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe(page) == []
    page.select_option("#kind", "application")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_load_state()
    assert "kind=application" in page.url
    assert page.locator("tbody tr").count() == 1
    assert axe(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV für deutsches Excel").click()
    assert download.value.suggested_filename == "audit-trail.csv"


def test_an_organiser_reads_the_trail_on_a_phone(page, live_server, trail, organiser, screenshot, axe):
    _log_in(page, live_server, organiser)
    _read_trail(page, live_server, 390, screenshot, axe, "phone")


def test_the_trail_on_a_desktop(browser, live_server, trail, organiser, screenshot, axe):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="de-DE",
                                  timezone_id="Europe/Berlin", accept_downloads=True)
    page = context.new_page()
    try:
        _log_in(page, live_server, organiser)
        _read_trail(page, live_server, 1280, screenshot, axe, "desktop")
    finally:
        context.close()
