"""A founder applies: drafts, submission, the deck checks, the deadline, one application per event."""

import gc
import io
import re
from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.errors import Conflict
from pitchday.models import Application, ApplicationDecision
from pitchday.services.applications import submission as applications
from pitchday.services.applications.call import call_for
from tests.applications.conftest import make_pdf


def questions(event):
    return {q.label: q.id for q in call_for(event).questions}


def answers(event, **extra):
    qs = questions(event)
    data = {f"q_{qs['What problem do you solve?']}": "Grid balancing for the Ruhr", f"q_{qs['Team size']}": "4-10",
            f"q_{qs['Looking for']}": ["Investment", "Pilot customers"]}
    data.update(extra)
    return data


def post(client, url, data):
    return client.post_form(url, data, page=url, content_type="multipart/form-data")


def apply_url(event, startup):
    return f"/events/{event.id}/apply/{startup.slug}"


def test_founder_submits_with_a_pdf_and_sees_the_status(client, login, event, founder, startup, db):
    login(founder)
    url = apply_url(event, startup)
    response = post(client, url, answers(event, submit="1", deck=(io.BytesIO(make_pdf()), "Unser Deck.pdf")))
    assert response.status_code == 302
    application = db.session.scalar(db.select(Application))
    assert application.status == "submitted" and application.deck_original_name == "Unser Deck.pdf"
    assert application.deck_filename != "Unser Deck.pdf" and application.deck_filename.endswith(".pdf")
    dashboard = client.get("/startups/mine").get_data(as_text=True)
    assert event.title in dashboard and "Eingereicht" in dashboard
    download = client.get(f"/applications/{application.id}/deck")
    assert download.status_code == 200
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.data.startswith(b"%PDF-")
    download.close()
    # Opening the form again edits the same application.
    assert client.get(url).headers["Location"].endswith(f"/applications/{application.id}/edit")


def test_a_draft_may_be_incomplete_but_a_submission_may_not(client, login, event, founder, startup, db):
    login(founder)
    url = apply_url(event, startup)
    qs = questions(event)
    response = post(client, url, {f"q_{qs['Team size']}": "1-3", "draft": "1"})
    assert response.status_code == 302
    application = db.session.scalar(db.select(Application))
    assert application.status == "draft"
    edit = f"/applications/{application.id}/edit"
    response = post(client, edit, {f"q_{qs['Team size']}": "11+", "submit": "1"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Diese Antwort ist erforderlich." in html
    assert re.search(r'checked[^>]*value="11\+"|value="11\+"[^>]*checked', html)  # what was typed is kept
    db.session.refresh(application)
    assert application.status == "draft"


def test_a_renamed_image_is_refused_and_the_answers_are_kept(client, login, event, founder, startup, db):
    login(founder)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000
    response = post(client, apply_url(event, startup), answers(event, submit="1", deck=(io.BytesIO(png), "deck.pdf")))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Diese Datei ist kein PDF." in html
    assert "Grid balancing for the Ruhr" in html
    assert db.session.scalar(db.select(Application)) is None


def test_an_empty_file_is_refused(client, login, event, founder, startup):
    login(founder)
    response = post(client, apply_url(event, startup), answers(event, submit="1", deck=(io.BytesIO(b""), "deck.pdf")))
    assert "Die Datei ist leer." in response.get_data(as_text=True)


def test_a_pdf_header_without_a_parseable_body_is_refused(client, login, event, founder, startup):
    login(founder)
    fake = b"%PDF-1.7\n" + b"garbage" * 100
    response = post(client, apply_url(event, startup), answers(event, submit="1", deck=(io.BytesIO(fake), "d.pdf")))
    assert "beschädigt" in response.get_data(as_text=True)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_21_mb_deck_gets_a_form_error_in_english_too(client, login, event, founder, startup, db):
    # The test keeps one app context, which caches the first request's locale: choose English from the start.
    client.set_cookie("pitchday_lang", "en")
    founder.locale = "en"
    db.session.commit()
    login(founder)
    big = make_pdf(padding=21 * 1024 * 1024)
    response = post(client, apply_url(event, startup), answers(event, submit="1", deck=(io.BytesIO(big), "big.pdf")))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "larger than 20 MB" in html
    assert "Grid balancing for the Ruhr" in html
    gc.collect()  # let the test client's spooled body go while its warning is filtered


# Werkzeug's test client spools a large request body to a temporary file it never closes; that is the test
# client's, not the app's (the app's upload is closed with the request).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_deck_just_under_20_mb_is_taken(client, login, event, founder, startup, db):
    login(founder)
    deck = make_pdf(padding=20 * 1024 * 1024 - 2000)
    response = post(client, apply_url(event, startup), answers(event, submit="1", deck=(io.BytesIO(deck), "d.pdf")))
    assert response.status_code == 302
    assert db.session.scalar(db.select(Application)).deck_size == len(deck)
    gc.collect()


def test_a_submission_one_second_after_the_deadline_is_refused(client, login, event, founder, startup, db):
    login(founder)
    url = apply_url(event, startup)
    client.get(url)
    event.cfp_closes_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = post(client, url, answers(event, submit="1"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Der Call for Pitches wurde am" in html and "MEZ" in html or "MESZ" in html
    assert db.session.scalar(db.select(Application)) is None


def test_a_second_application_for_the_same_event_is_refused(app, event, founder, startup, db):
    applications.start(startup, event, by=founder)
    db.session.commit()
    with app.test_request_context(), pytest.raises(Conflict) as error:
        applications.start(startup, event, by=founder)
    assert error.value.code == "already_applied"
    assert db.session.scalar(db.select(db.func.count()).select_from(Application)) == 1


def test_editing_after_the_deadline_and_withdrawing(client, login, event, founder, startup, db):
    login(founder)
    post(client, apply_url(event, startup), answers(event, submit="1"))
    application = db.session.scalar(db.select(Application))
    event.cfp_closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = post(client, f"/applications/{application.id}/edit", answers(event, save="1"))
    assert "nicht mehr eingereicht oder geändert" in response.get_data(as_text=True)
    page = f"/applications/{application.id}"
    assert client.post_form(f"/applications/{application.id}/withdraw", page=page).status_code == 302
    db.session.refresh(application)
    assert application.status == "withdrawn"
    steps = [(d.from_status, d.to_status) for d in db.session.scalars(db.select(ApplicationDecision))]
    assert steps == [("draft", "submitted"), ("submitted", "withdrawn")]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_far_too_large_upload_is_answered_with_a_message_not_an_error_page(client, login, event, founder,
                                                                               startup):
    login(founder)
    url = apply_url(event, startup)
    huge = make_pdf(padding=26 * 1024 * 1024)
    response = post(client, url, answers(event, submit="1", deck=(io.BytesIO(huge), "huge.pdf")))
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    assert "weit größer als 20 MB" in client.get(url).get_data(as_text=True)
    gc.collect()
