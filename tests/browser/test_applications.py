"""The whole path at phone size: a founder signs up, creates a startup and applies with a PDF; the organiser
shortlists and accepts it and puts it into the running order; the founder sees the slot."""

import pytest

from pitchday.berlin import to_local
from tests.applications.conftest import make_event, make_pdf
from tests.browser.conftest import log_in_page as log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser



def log_out(page, base):
    page.goto(base + "/")
    page.get_by_role("button", name="Menü").tap()
    page.locator("form[action='/auth/logout'] button").click()
    page.wait_for_load_state()


def no_sideways_scrolling(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_founder_applies_and_sees_the_slot_the_organiser_gives(page, live_server, db, camps, organiser, screenshot,
                                                                 axe, tmp_path):
    event = make_event(db, camps["essen"])
    start = to_local(event.pitch_block().starts_at).strftime("%H:%M")
    deck = tmp_path / "Kohlekraft Deck.pdf"
    deck.write_bytes(make_pdf(pages=3))

    # A founder signs up and creates the startup.
    page.goto(live_server + "/auth/signup")
    page.fill("#name", "Frida Founder")
    page.fill("#email", "frida@example.org")
    page.fill("#password", PASSWORD)
    page.fill("#password_again", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    log_in(page, live_server, "frida@example.org")  # sign-up sends a mail and does not log in (issue 14)
    page.goto(live_server + "/startups/new")
    page.fill("#name", "Kohlekraft")
    page.fill("#one_liner", "Speicher für das Stromnetz im Revier")
    page.check('input[name="sectors"][value="energy"]')
    page.select_option("#stage", "seed")
    page.fill("#founded_year", "2024")
    page.fill("#city", "Essen")
    screenshot(page, "applications-startup-form-phone")
    assert axe(page) == []
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()

    # (Buttons of the foundation's pages are found by their place: their wording is the foundation's catalog's.)
    # The dashboard points out the open call that fits; the founder applies with a PDF.
    assert "Offene Calls, die zu Ihren Branchen passen" in page.content()
    page.get_by_role("link", name="Bewerben").first.click()
    page.wait_for_load_state()
    page.get_by_label("What problem do you solve?").fill("Netzschwankungen im Ruhrgebiet ausgleichen")
    page.get_by_label("4-10").check()
    page.set_input_files("#deck", str(deck))
    no_sideways_scrolling(page)
    screenshot(page, "applications-apply-form-phone")
    assert axe(page) == []
    page.get_by_role("button", name="Bewerbung einreichen").click()
    page.wait_for_load_state()
    assert "Ihre Bewerbung ist eingereicht." in page.content()
    assert page.locator(".badge").first.inner_text() == "Eingereicht"
    screenshot(page, "applications-submitted-phone")
    log_out(page, live_server)

    # The organiser shortlists, accepts and puts it into the running order, then publishes the line-up.
    log_in(page, live_server, organiser.email)
    page.goto(f"{live_server}/events/{event.id}/applications")
    screenshot(page, "applications-review-list-phone")
    assert axe(page) == []
    page.get_by_role("link", name="Kohlekraft").click()
    page.get_by_role("button", name="Auf „Engere Wahl“ setzen").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Auf „Angenommen“ setzen").click()
    page.wait_for_load_state()
    assert "Kohlekraft: jetzt „Angenommen“." in page.content()
    screenshot(page, "applications-review-accepted-phone")
    assert axe(page) == []
    page.goto(f"{live_server}/events/{event.id}/running-order")
    page.get_by_role("button", name="Kohlekraft in den Ablaufplan aufnehmen").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Line-up veröffentlichen").click()
    page.wait_for_load_state()
    assert page.locator(".running-order .time").first.inner_text().startswith(start)
    no_sideways_scrolling(page)
    screenshot(page, "applications-running-order-phone")
    assert axe(page) == []
    log_out(page, live_server)

    # The founder sees the slot.
    log_in(page, live_server, "frida@example.org")
    page.goto(live_server + "/startups/mine")
    slot = page.locator(".slot-line").inner_text()
    assert slot.startswith(f"Ihr Pitch: {start}–")
    assert "Angenommen" in page.content()
    no_sideways_scrolling(page)
    screenshot(page, "applications-founder-slot-phone")
    assert axe(page) == []


def test_organiser_opens_a_call_with_questions_on_a_phone(page, live_server, db, camps, organiser, screenshot, axe):
    event = make_event(db, camps["essen"], questions=False)
    event.cfp_opens_at = event.cfp_closes_at = None
    db.session.commit()
    log_in(page, live_server, organiser.email)
    page.goto(f"{live_server}/events/{event.id}/call")
    page.fill("#opens_at", "2026-01-05T09:00")
    page.fill("#closes_at", "2026-01-20T23:59")
    page.check("#deck_required")
    page.get_by_role("button", name="Call speichern").click()
    page.wait_for_load_state()
    assert "Der Call muss vor Beginn der Veranstaltung enden." not in page.content()
    page.fill("#label", "Welches Problem löst ihr?")
    page.select_option("#kind", "single_choice")
    page.get_by_role("button", name="Frage hinzufügen").click()
    page.wait_for_load_state()
    assert "Geben Sie mindestens zwei Auswahlmöglichkeiten an" in page.content()
    assert page.input_value("#label") == "Welches Problem löst ihr?"  # what was typed is kept
    page.fill("#options", "Energie\nMobilität")
    page.check("#required")
    page.get_by_role("button", name="Frage hinzufügen").click()
    page.wait_for_load_state()
    assert "Welches Problem löst ihr?" in page.locator(".questions").inner_text()
    no_sideways_scrolling(page)
    screenshot(page, "applications-call-phone")
    assert axe(page) == []
    db.session.rollback()
    db.session.refresh(event)
    assert event.cfp_closes_at is not None and to_local(event.cfp_closes_at).strftime("%H:%M") == "23:59"
