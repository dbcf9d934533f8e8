"""A juror on a phone (390×844): opens the invitation, scores two pitches, loses the connection in between,
comes back, and everything is saved."""

import pytest
from playwright.sync_api import expect

from pitchday.extensions import db
from pitchday.models import Score, ScoreSheet
from pitchday.services.jury import rubric as jury_rubric
from tests.browser.sizes import fits
from tests.jury.conftest import juror_link, make_event, make_juror, pitches

pytestmark = pytest.mark.browser


@pytest.fixture
def setup(app, camps):
    event = make_event(camps["essen"], n_pitches=3)
    jury_rubric.add_default_rubric(event)
    db.session.commit()
    juror = make_juror(event, "jana@example.org", "Jana Juror")
    return event, juror, jury_rubric.criteria_of(event), pitches(event)


def saved_values(juror_id, application_id):
    db.session.rollback()  # see what the server committed
    return dict(db.session.execute(db.select(Score.criterion_id, Score.value)
                                   .filter_by(juror_id=juror_id, application_id=application_id)).all())


def start_scoring(page):
    """The invitation link lands on the welcome screen; its main button opens the pitch on stage."""
    page.get_by_role("link", name="Kein Konflikt: Bewertung starten").click()
    page.wait_for_selector("#score")


def wait_saved(page):
    expect(page.locator("#net")).to_have_text("Alles gespeichert", timeout=10000)


def wait_offline(page):
    expect(page.locator("#net")).to_contain_text("Offline", timeout=10000)


def test_a_juror_scores_two_pitches_through_a_dropped_connection(app, live_server, page, setup, screenshot, axe):
    event, juror, criteria, (first, second, _third) = setup
    juror_id, first_id, second_id = juror.id, first.id, second.id
    crit_ids = [c.id for c in criteria]
    page.goto(live_server + juror_link(app, juror))
    start_scoring(page)
    assert "Startup A" in page.locator("h1").inner_text()
    # The whole scale of every criterion is visible without scrolling.
    last = page.locator(f"label[for=c{crit_ids[-1]}v10]").bounding_box()
    assert last["y"] + last["height"] <= 844
    assert axe(page) == []
    screenshot(page, "jury-score-phone", full_page=False)

    for k, cid in enumerate(crit_ids):
        page.tap(f"label[for=c{cid}v{5 + k % 5}]")
    wait_saved(page)
    assert saved_values(juror_id, first_id) == {cid: 5 + k % 5 for k, cid in enumerate(crit_ids)}
    assert page.locator("#total").inner_text() != "–"

    page.tap("#next")
    page.wait_for_url(f"**/pitch/{second_id}")
    page.context.set_offline(True)
    for k, cid in enumerate(crit_ids):
        page.tap(f"label[for=c{cid}v{3 + k}]")
    page.fill("#comment", "Offline getippt")
    page.locator("#comment").blur()
    wait_offline(page)
    screenshot(page, "jury-score-phone-offline", full_page=False)
    assert saved_values(juror_id, second_id) == {}
    queued = page.evaluate("Object.keys(localStorage).map(k => JSON.parse(localStorage[k]).length)")
    assert queued == [len(crit_ids) + 1]

    page.context.set_offline(False)
    wait_saved(page)
    assert saved_values(juror_id, second_id) == {cid: 3 + k for k, cid in enumerate(crit_ids)}
    assert db.session.scalar(db.select(ScoreSheet.comment).filter_by(juror_id=juror_id,
                                                                     application_id=second_id)) == "Offline getippt"
    # A reload shows what is saved; the first pitch is untouched.
    page.reload()
    assert page.locator(f"#c{crit_ids[0]}v3").is_checked()
    assert saved_values(juror_id, first_id)[crit_ids[0]] == 5
    screenshot(page, "jury-score-phone-after")


def test_a_reload_while_offline_keeps_the_unsent_change(app, live_server, page, setup):
    event, juror, criteria, (first, *_rest) = setup
    cid, first_id, juror_id = criteria[0].id, first.id, juror.id
    page.goto(live_server + juror_link(app, juror))
    start_scoring(page)
    page.context.set_offline(True)
    page.tap(f"label[for=c{cid}v7]")
    wait_offline(page)
    page.context.set_offline(False)
    # The page is reloaded before the change was sent: it is shown again and then sent.
    page.evaluate("() => { window.stop(); }")
    page.reload()
    wait_saved(page)
    assert page.locator(f"#c{cid}v7").is_checked()
    assert saved_values(juror_id, first_id) == {cid: 7}


def test_the_organisers_results_page_on_a_phone(app, live_server, page, setup, organiser, screenshot, axe):
    from pitchday.services.jury import scoring as jury_scoring

    event, juror, criteria, apps = setup
    for i, application in enumerate(apps):
        for k, criterion in enumerate(criteria):
            jury_scoring.save_score(juror, application, criterion_id=criterion.id, value=1 + (3 * i + k) % 10)
    db.session.commit()
    page.goto(live_server + "/auth/login")
    page.fill("#email", organiser.email)
    page.fill("#password", "correct horse battery")
    page.locator("main button[type=submit]").click()
    page.goto(live_server + f"/events/{event.id}/jury/results")
    assert "Ranglisten nebeneinander" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "jury-results-phone")
    assert axe(page) == []
    page.goto(live_server + f"/events/{event.id}/jury/")
    screenshot(page, "jury-admin-phone")
    assert axe(page) == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_an_award_is_chosen_from_the_ranking_and_confirmed_by_name(app, live_server, sized_page, setup, organiser,
                                                                     screenshot, axe, size):
    """Issue 16.8: the ranking's first (Startup C, third in the running order) is offered first; nothing is
    preselected; the confirmation names the startup."""
    from pitchday.services.jury import scoring as jury_scoring

    event, juror, criteria, apps = setup
    for application, value in zip(apps, [6, 3, 9], strict=True):
        for criterion in criteria:
            jury_scoring.save_score(juror, application, criterion_id=criterion.id, value=value)
    db.session.commit()
    page = sized_page(size)
    page.goto(live_server + "/auth/login")
    page.fill("#email", organiser.email)
    page.fill("#password", "correct horse battery")
    page.locator("main button[type=submit]").click()
    page.goto(live_server + f"/events/{event.id}/jury/results")
    select = page.locator("#award-application_id")
    labels = select.locator("option").all_inner_texts()
    assert labels[1] == "Platz 1: Startup C, Punktzahl 88,9"
    assert select.input_value() == ""  # nothing preselected
    page.fill("#award-title", "1. Platz")
    select.select_option(label="Platz 1: Startup C, Punktzahl 88,9")
    page.get_by_role("button", name="Auszeichnung hinzufügen").click()
    assert "„1. Platz“ geht an Startup C." in page.locator("main").inner_text()
    assert axe(page) == []
    page.get_by_role("button", name="Ja, die Auszeichnung an Startup C vergeben").click()
    awards = page.locator("#awards-h + ul")
    expect(awards).to_contain_text("1. Platz – Startup C")
    assert fits(page, size)
    page.locator("#awards-h").scroll_into_view_if_needed()
    screenshot(page, f"results-awards-{size}", full_page=False)
    assert axe(page) == []


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_juror_is_welcomed_reads_the_levels_and_scores_after_an_offline_reload(app, live_server, sized_page, setup,
                                                                                  screenshot, axe, size):
    """Issue 16.7: a welcome with the event, the startups and the conflict question first; each criterion's
    level texts one tap away; the score page reloads offline (service worker) and a score typed offline is
    synced exactly once."""
    event, juror, criteria, (first, second, _third) = setup
    juror_id, first_id, crit = juror.id, first.id, criteria[0]
    page = sized_page(size)
    posts = []
    page.on("requestfinished", lambda r: posts.append(r.url) if r.method == "POST" and "/score" in r.url else None)
    page.goto(live_server + juror_link(app, juror))
    expect(page.get_by_role("heading", level=1)).to_have_text("Willkommen in der Jury, Jana Juror")
    assert page.locator("#conflict-h").bounding_box()["y"] < page.locator("#pitches-h").bounding_box()["y"]
    assert page.locator("#conflict-h").bounding_box()["y"] < (800 if size == "desktop" else 844)  # first, in view
    expect(page.locator(".startups")).to_contain_text("Startup A")
    expect(page.locator(".startups")).to_contain_text("Startup C")
    assert fits(page, size)
    screenshot(page, f"jury-welcome-{size}")
    assert axe(page) == []
    page.wait_for_function("() => window.juryOffline === true", timeout=10000)

    page.get_by_label("Startup B").check()
    page.get_by_role("button", name="Konflikt angeben").click()
    expect(page.locator(".flash")).to_contain_text("Sie bewerten Startup B nicht")
    page.get_by_role("link", name="Kein Konflikt: Bewertung starten").click()
    expect(page.locator("h1")).to_contain_text("Startup A")
    # The level texts are whole, one tap away.
    page.get_by_label(f"Stufen von {crit.name}").click()
    levels = page.locator(f"fieldset[data-id='{crit.id}'] .lv")
    expect(levels).to_be_visible()
    for text in (crit.anchor_low, crit.anchor_mid, crit.anchor_high):
        expect(levels).to_contain_text(text)
    assert "…" not in levels.inner_text()
    assert fits(page, size)
    screenshot(page, f"jury-score-{size}", full_page=False)
    assert axe(page) == []
    page.get_by_label(f"Stufen von {crit.name}").click()

    # No signal: the page reloads from the service worker's copy, and a score typed now is kept and sent once.
    page.wait_for_timeout(1000)  # the copy of this page is kept a moment after it loads
    page.context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_contain_text("Startup A")
    page.locator(f"label[for=c{crit.id}v8]").click()
    wait_offline(page)
    assert saved_values(juror_id, first_id) == {}
    page.context.set_offline(False)
    wait_saved(page)
    assert saved_values(juror_id, first_id) == {crit.id: 8}
    page.wait_for_timeout(1500)
    assert len(posts) == 1  # sent exactly once
