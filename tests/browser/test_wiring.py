"""On a phone, across areas: an attendee opts in while registering and goes from the ticket to the meeting page;
a juror asks for a follow-up talk from the score card, within the page's budget."""

import re
from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.services.jury import rubric as jury_rubric
from pitchday.services.matchmaking import meetings
from tests.jury.conftest import juror_link, make_juror
from tests.jury.conftest import make_event as make_jury_event
from tests.matchmaking.conftest import add_pitch, make_event

pytestmark = pytest.mark.browser


def test_attendee_opts_in_and_goes_from_the_ticket_to_the_meeting_page(app, db, camps, page, live_server,
                                                                       screenshot, axe):
    start = (utcnow() + timedelta(days=30)).replace(hour=13, minute=0, second=0, microsecond=0)
    event = make_event(db, camps["essen"], start=start, title="Pitch Day Energie")
    add_pitch(db, event, "Alpha Energy")
    with app.test_request_context():
        meetings.set_tables(event, ["Tisch 1"])
    db.session.commit()

    page.goto(f"{live_server}/events/{event.id}/register")
    visible = page.get_by_label("Mich den Startups dieser Veranstaltung für Gesprächsanfragen zeigen")
    share = page.get_by_label("Meine Kontaktdaten an Startups weitergeben, die ich treffe")
    assert not visible.is_checked() and not share.is_checked()
    page.get_by_label("Name").fill("Ina Industrie")
    page.get_by_label("E-Mail").fill("ina@example.org")
    page.get_by_label("Ich nehme teil als").select_option("industry")
    visible.check()
    page.get_by_label("Ich bin einverstanden").check()
    screenshot(page, "wiring-register-opt-in-phone")
    assert axe(page) == []
    page.get_by_role("button", name="Anmelden").tap()
    page.wait_for_url(re.compile(r"/tickets/"))

    link = page.get_by_role("link", name="Startups treffen")
    assert link.is_visible() and link.bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "wiring-ticket-meet-link-phone")
    assert axe(page) == []
    page.emulate_media(media="print")
    assert not link.is_visible()
    assert len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=True))) == 1
    page.emulate_media(media="screen")

    link.tap()
    page.wait_for_url(re.compile(r"/meet/"))
    assert page.get_by_role("heading", name="Gespräche bei Pitch Day Energie").is_visible()
    assert page.locator("input[name=visible]").is_checked()
    assert not page.locator("input[name=share_contact]").is_checked()


def _size(response) -> int:
    if response.headers.get("content-length"):
        return int(response.headers["content-length"])
    try:
        return len(response.body())
    except Exception:  # a redirect has no body to read
        return 0


def test_juror_asks_for_a_follow_up_talk_on_the_score_card(app, db, camps, page, live_server, screenshot, axe):
    event = make_jury_event(camps["essen"], n_pitches=2)
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    juror = make_juror(event, "jana@example.org", "Jana Juror")

    sizes, requests = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: sizes.append(_size(r)))
    page.goto(live_server + juror_link(app, juror))
    page.wait_for_load_state("networkidle")
    assert len(requests) <= 6 and sum(sizes) <= 60_000, (requests, sizes)  # the welcome page's budget

    with page.expect_navigation():
        page.get_by_role("link", name="Kein Konflikt: Bewertung starten").tap()
    page.get_by_text("Ich möchte ein Folgegespräch mit diesem Startup").tap()
    page.get_by_label("Warum? (eine Zeile)").fill("Pilot in unserem Werk")
    with page.expect_navigation():
        page.get_by_role("button", name="Um ein Folgegespräch bitten").tap()
    assert "Folgegespräch angefragt: Startup A wurde gefragt." in page.inner_text("main")
    note = page.locator("#follow-up")
    assert "die Antwort steht noch aus" in note.inner_text() and note.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "wiring-jury-follow-up-phone")
    assert axe(page) == []
