"""On a phone, from a mail link: the partner taps where the talk stands; the founder shares the feedback page."""

import pytest

from pitchday.models import FeedbackShare, Track, TrackSource, TrackStage
from tests.applications.conftest import make_startup
from tests.conftest import PASSWORD, create_user

pytestmark = pytest.mark.browser


def test_one_tap_update_and_a_shared_feedback_link_on_a_phone(page, live_server, db, camps, screenshot, axe):
    founder = create_user("fenja@example.org", "Fenja Gründerin")
    startup = make_startup(db, founder, name="Gridwise")
    track = Track(source=TrackSource.MEETING, source_id=1, startup_id=startup.id, camp_id=camps["essen"].id,
                  partner_name="Werk AG", partner_email="werk@example.org")
    db.session.add(track)
    db.session.commit()

    page.goto(f"{live_server}/tracks/{track.partner_secret}")
    assert axe(page) == []
    screenshot(page, "tracks-one-tap-phone")
    with page.expect_navigation():
        page.get_by_role("button", name="Pilotprojekt").tap()
    page.get_by_text("Danke, der Stand ist aktualisiert.").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    db.session.rollback()
    assert db.session.get(Track, track.id).stage == TrackStage.PILOT

    page.goto(live_server + "/auth/login")
    page.fill("#email", founder.email)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server}/startups/{startup.slug}/feedback")
    page.fill("#label", "Förderantrag")
    with page.expect_navigation():
        page.get_by_role("button", name="Link erstellen").tap()
    page.get_by_text("Ein neuer Link ist bereit").wait_for()
    assert axe(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "tracks-feedback-phone")
    db.session.rollback()
    assert db.session.scalar(db.select(FeedbackShare.label)) == "Förderantrag"
