"""On a phone: a founder finds a challenge from industry and answers it; the company reads it and invites."""

import pytest

from pitchday.models import ChallengeProposal, ProposalStatus
from tests.browser.conftest import log_in_page as _log_in
from tests.challenges.conftest import company, contact, founder, make_challenge, startup  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser



def test_a_founder_answers_a_challenge_and_the_company_invites(browser, live_server, db, camps, company, contact,  # noqa: F811
                                                               founder, startup, screenshot, axe):  # noqa: F811
    from tests.browser.conftest import PHONE

    challenge = make_challenge(db, company, camps["essen"])
    founder_phone = browser.new_context(**PHONE, locale="de-DE", timezone_id="Europe/Berlin").new_page()
    _log_in(founder_phone, live_server, founder.email)
    founder_phone.goto(live_server + "/challenges/?sector=energy")
    assert axe(founder_phone) == []
    screenshot(founder_phone, "challenges-list-phone")
    founder_phone.get_by_role("link", name="Abwärme nutzen").click()
    founder_phone.wait_for_load_state()
    founder_phone.fill("#summary", "Wir machen aus Abwärme Strom: ein ORC-Modul im Container.")
    founder_phone.get_by_role("button", name="Vorschlag senden").click()
    founder_phone.wait_for_load_state()
    assert "Ihr Vorschlag ist an Stahlwerk Ruhr GmbH gesendet." in founder_phone.content()
    assert founder_phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe(founder_phone) == []
    screenshot(founder_phone, "challenges-answered-phone")

    company_phone = browser.new_context(**PHONE, locale="de-DE", timezone_id="Europe/Berlin").new_page()
    _log_in(company_phone, live_server, contact.email)
    company_phone.goto(f"{live_server}/challenges/{challenge.id}/proposals")
    assert "ORC-Modul" in company_phone.content()
    assert axe(company_phone) == []
    company_phone.get_by_role("button", name="Zum Gespräch einladen").click()
    company_phone.wait_for_load_state()
    assert "Gridwise ist zum Gespräch eingeladen." in company_phone.content()
    screenshot(company_phone, "challenges-proposals-phone")
    db.session.rollback()
    assert db.session.scalar(db.select(ChallengeProposal.status)) == ProposalStatus.INVITED
