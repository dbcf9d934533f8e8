"""At phone size: a checked-in attendee of the demo pitch day opens the audience vote from the ticket's secret
link, votes with one tap, sees the confirmation, and the organisers' count goes up."""

import pytest
import sqlalchemy as sa

from pitchday.demo import seed_all
from pitchday.demo import vote as vote_demo
from pitchday.demo.events import demo_pitch_day
from pitchday.models import Registration, RegistrationStatus
from pitchday.services import vote as votes

pytestmark = pytest.mark.browser


@pytest.fixture
def voter(db):
    """A checked-in demo attendee who has not voted yet (the demo lets the first few vote)."""
    seed_all()
    event = demo_pitch_day()
    tickets = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED)
        .order_by(Registration.id).limit(vote_demo.CHECKED_IN)).all()
    ticket = next(t for t in tickets if votes.ballot(t).state == "can_vote")
    db.session.commit()
    return ticket


def test_checked_in_attendee_votes_from_the_ticket_link(page, live_server, db, voter, screenshot, axe):
    event = voter.event
    before = votes.tally(event).total
    db.session.commit()
    page.goto(f"{live_server}/vote/{voter.ticket_secret}")
    assert page.get_by_role("heading", name="Publikumsabstimmung").is_visible()
    buttons = page.locator("button.vote-choice")
    assert buttons.count() >= 2
    for i in range(buttons.count()):
        assert buttons.nth(i).bounding_box()["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "vote-ballot-phone")
    assert axe(page) == []

    name = buttons.nth(1).locator(".vote-name").inner_text()
    buttons.nth(1).tap()
    page.wait_for_url("**counted=1")
    assert page.get_by_text(f"Ihre Stimme für {name} ist gezählt.").is_visible()
    screenshot(page, "vote-counted-phone")
    assert axe(page) == []

    page.reload()  # a reload does not vote again, and says for whom the ticket voted
    assert page.get_by_text(f"für {name}").first.is_visible()
    db.session.rollback()
    assert votes.tally(event).total == before + 1


def test_code_form_at_phone_size(page, live_server, db, voter, screenshot, axe):
    code = votes.settings_of(voter.event).screen_code
    db.session.commit()
    page.goto(f"{live_server}/vote")
    page.get_by_label("Code auf der Leinwand").fill(code.lower())
    page.get_by_label("Ticketcode").fill(voter.ticket_secret)
    screenshot(page, "vote-code-form-phone")
    assert axe(page) == []
    page.get_by_role("button", name="Weiter zur Abstimmung").tap()
    page.wait_for_url(f"**/vote/{voter.ticket_secret}")
    assert page.locator("button.vote-choice").count() >= 2


def test_organiser_pages_count_and_show_the_code(page, live_server, db, voter, screenshot, axe):
    from pitchday.demo.foundation import DEMO_PASSWORD

    event = voter.event
    code = votes.settings_of(event).screen_code
    db.session.commit()
    page.goto(live_server + "/auth/login")
    page.fill("#email", f"orga-{event.camp.slug}@pitchday.example")
    page.fill("#password", DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    page.goto(f"{live_server}/events/{event.id}/vote")
    assert page.get_by_text(f"{vote_demo.VOTERS} Stimmen von").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "vote-admin-phone")
    assert axe(page) == []
    page.goto(f"{live_server}/events/{event.id}/vote/screen")
    assert page.get_by_text(code, exact=True).is_visible()
    page.set_viewport_size({"width": 1280, "height": 720})
    screenshot(page, "vote-screen-projector")
    assert axe(page) == []
