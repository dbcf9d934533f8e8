"""On a phone: a juror keeps their pool profile and sees their evenings; the organiser invites from the pool."""

import pytest

from pitchday.models import Juror, JurorProfile
from tests.browser.conftest import log_in_page as _log_in
from tests.conftest import create_user
from tests.jury.conftest import make_event

pytestmark = pytest.mark.browser



def test_juror_profile_and_pool_invitation_on_a_phone(page, live_server, db, camps, organiser, screenshot, axe):
    event = make_event(camps["essen"])
    expert = create_user("expertin@example.org", "Erika Expertin")
    db.session.add(Juror(event_id=make_event(camps["bochum"], title="Pitch Day Bochum", n_pitches=0).id,
                         user_id=expert.id))
    db.session.commit()

    _log_in(page, live_server, expert.email)
    page.goto(live_server + "/me/jury/")
    assert "Pitch Day Bochum" in page.locator("main").inner_text()
    page.fill("#organisation", "Energie AG")
    page.locator("input[name=sectors][value=energy]").check()
    page.locator("input[name=languages][value=de]").check()
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert "Ihr Jury-Profil ist gespeichert." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe(page) == []
    screenshot(page, "jury-pool-juror-phone")
    db.session.rollback()  # end the test's own read snapshot
    assert db.session.scalar(db.select(JurorProfile.organisation)) == "Energie AG"

    page.context.clear_cookies()
    _log_in(page, live_server, organiser.email)
    page.goto(f"{live_server}/events/{event.id}/jury/")
    pool = page.locator("section.pool")
    assert "Erika Expertin" in pool.inner_text()
    assert axe(page) == []
    screenshot(page, "jury-pool-organiser-phone")
    pool.get_by_role("button", name="Einladen Erika Expertin").click()
    page.wait_for_load_state()
    assert "Einladung an expertin@example.org" in page.content()
