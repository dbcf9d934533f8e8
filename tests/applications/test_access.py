"""Who may reach the applications area's pages: founders, other startups, organisers of this and another camp,
jurors (through DECK_READERS), anonymous visitors."""

import io

import pytest

from pitchday.models import Application, ApplicationStatus
from pitchday.permissions.applications import DECK_READERS
from pitchday.services.applications import decks as applications_decks
from tests.access import LOGIN, ROLES, assert_access
from tests.applications.conftest import make_pdf, make_startup
from tests.conftest import FormClient, create_user, log_in


@pytest.fixture
def setup(app, db, people, event, founder, startup):
    """The founder's submitted application with a deck; "member" belongs to another startup."""
    make_startup(db, people["member"], name="Otherco")
    with app.test_request_context():
        stored = applications_decks.store(make_pdf())
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED,
                              deck_filename=stored, deck_original_name="deck.pdf", deck_size=10)
    db.session.add(application)
    db.session.commit()
    return application


def table(event, application, startup):
    a, e = application.id, event.id
    return [
        (f"/applications/{a}", [LOGIN, 403, 200, 403, 200]),
        (f"/applications/{a}/deck", [LOGIN, 403, 200, 403, 200]),
        (f"/applications/{a}/edit", [LOGIN, 403, 403, 403, 403]),
        (f"/applications/{a}/review", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/applications", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/applications.csv", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/call", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/running-order", [LOGIN, 403, 200, 403, 200]),
        (f"/events/{e}/apply/{startup.slug}", [LOGIN, 403, 403, 403, 403]),
        (f"/startups/{startup.slug}", [200, 200, 200, 200, 200]),
        (f"/startups/{startup.slug}/edit", [LOGIN, 403, 403, 403, 403]),
        ("/startups/mine", [LOGIN, 200, 200, 200, 200]),
        ("/startups/new", [LOGIN, 200, 200, 200, 200]),
    ]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("role", ROLES)
def test_pages_answer_each_role_as_declared(app, people, setup, event, startup, role):
    assert_access(app, people, role, table(event, setup, startup))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_events_organisers_decide(app, people, setup, event, role):
    a = setup.id
    post_table = [
        (f"/applications/{a}/decide", [LOGIN, 403, 302, 403, 302]),
        (f"/applications/{a}/notes", [LOGIN, 403, 422, 403, 422]),
        (f"/events/{event.id}/applications/bulk", [LOGIN, 403, 302, 403, 302]),
        (f"/applications/{a}/withdraw", [LOGIN, 403, 403, 403, 403]),
    ]
    assert_access(app, people, role, post_table, method="POST")


def test_an_organiser_of_another_camp_cannot_decide(app, people, setup, db):
    client = log_in(FormClient(app.test_client()), people["other_organiser"])
    response = client.post_form(f"/applications/{setup.id}/decide", {"status": "shortlisted"})
    assert response.status_code == 403
    db.session.refresh(setup)
    assert setup.status == "submitted"


def test_jurors_read_decks_only_without_a_conflict(app, db, setup):
    """The jury area registers a reader; here a stand-in: jurors of the event, minus those with a conflict."""
    clean = create_user("juror@example.org", "Jana Juror")
    conflicted = create_user("conflicted@example.org", "Ken Conflict")
    reader = lambda user, application: user.id == clean.id  # noqa: E731  (conflicted juror: False)
    DECK_READERS.append(reader)
    try:
        for user, expected in ((clean, 200), (conflicted, 403)):
            client = log_in(FormClient(app.test_client()), user)
            response = client.get(f"/applications/{setup.id}/deck")
            assert response.status_code == expected
            response.close()
    finally:
        DECK_READERS.remove(reader)


def test_a_member_of_another_startup_cannot_apply_for_this_one(app, people, setup, event, startup, db):
    client = log_in(FormClient(app.test_client()), people["member"])
    url = f"/events/{event.id}/apply/{startup.slug}"
    response = client.post_form(url, {"submit": "1", "deck": (io.BytesIO(make_pdf()), "x.pdf")},
                                content_type="multipart/form-data")
    assert response.status_code == 403


def test_a_private_startup_page_is_hidden_from_others(app, people, startup, db, founder):
    startup.is_public = False
    db.session.commit()
    anonymous = FormClient(app.test_client())
    assert anonymous.get(f"/startups/{startup.slug}").status_code == 302
    assert log_in(FormClient(app.test_client()), founder).get(f"/startups/{startup.slug}").status_code == 200
