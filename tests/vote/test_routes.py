"""The vote through the browser's eyes: the ballot, its messages, the code form, the organisers' page, the panel."""

import os
import uuid

import pytest

from pitchday.models import RegistrationStatus
from pitchday.models.vote import AudienceVote
from pitchday.services import vote as votes
from tests.conftest import FormClient, empty_tables, log_in, make_app, prepare_schema


def _text(response):
    return response.get_data(as_text=True)


def test_a_checked_in_attendee_votes_from_the_ticket_link(client, db, event, apps, ticket, open_vote):
    page = _text(client.get(f"/vote/{ticket.ticket_secret}"))
    for app_ in apps:
        assert app_.startup.name in page
    response = client.post_form(f"/vote/{ticket.ticket_secret}", {"application_id": apps[1].id},
                                page=f"/vote/{ticket.ticket_secret}", follow_redirects=True)
    assert response.status_code == 200
    assert f"Ihre Stimme für {apps[1].startup.name} ist gezählt" in _text(response)
    # A second vote (another tab, a reload of the form) changes nothing and says for whom the ticket voted.
    response = client.post_form(f"/vote/{ticket.ticket_secret}", {"application_id": apps[0].id},
                                page=f"/vote/{ticket.ticket_secret}", follow_redirects=True)
    assert f"Sie haben schon abgestimmt, für {apps[1].startup.name}" in _text(response)
    assert db.session.query(AudienceVote).one().application_id == apps[1].id


def test_the_ballot_says_why_someone_cannot_vote(client, db, event, apps, make_ticket, organiser):
    waiting = make_ticket(event, status=RegistrationStatus.WAITING, checked_in=False)
    not_in = make_ticket(event, checked_in=False)
    ticket = make_ticket(event)
    assert "noch nicht geöffnet" in _text(client.get(f"/vote/{ticket.ticket_secret}"))
    votes.open_vote(event, by=organiser)
    db.session.commit()
    assert "nicht eingecheckt" in _text(client.get(f"/vote/{not_in.ticket_secret}"))
    assert "Nur bestätigte Tickets" in _text(client.get(f"/vote/{waiting.ticket_secret}"))
    response = client.post_form(f"/vote/{not_in.ticket_secret}", {"application_id": apps[0].id},
                                page=f"/vote/{not_in.ticket_secret}")
    assert response.status_code == 409 and "nicht eingecheckt" in _text(response)
    votes.close_vote(event, by=organiser)
    db.session.commit()
    assert "Publikumsabstimmung ist beendet" in _text(client.get(f"/vote/{ticket.ticket_secret}"))
    assert db.session.query(AudienceVote).count() == 0


def test_a_forged_pitch_id_is_a_form_error_not_a_500(client, event, ticket, open_vote):
    for value in ("999999", "abc", ""):
        response = client.post_form(f"/vote/{ticket.ticket_secret}", {"application_id": value},
                                    page=f"/vote/{ticket.ticket_secret}")
        assert response.status_code == 422, value
        assert "Wählen Sie einen der Pitches" in _text(response)


def test_the_code_form_leads_to_the_ballot_and_keeps_what_was_typed(client, event, ticket, open_vote, other_event,
                                                                      make_ticket):
    response = client.post_form("/vote", {"screen_code": open_vote.screen_code.lower(),
                                          "ticket_code": ticket.ticket_secret}, page="/vote")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/vote/{ticket.ticket_secret}")
    response = client.post_form("/vote", {"screen_code": "WRONG1", "ticket_code": ticket.ticket_secret}, page="/vote")
    assert response.status_code == 422
    assert "Code auf der Leinwand" in _text(response) and 'value="WRONG1"' in _text(response)
    foreign = make_ticket(other_event)
    response = client.post_form("/vote", {"screen_code": open_vote.screen_code, "ticket_code": foreign.ticket_secret},
                                page="/vote")
    assert response.status_code == 422 and "andere Veranstaltung" in _text(response)


def test_the_code_form_is_rate_limited_per_address(tmp_path, database_url):
    app = make_app(tmp_path, database_url, VOTE_CODE_LIMIT_PER_ADDRESS="3 per minute")
    with app.app_context():
        prepare_schema(database_url)
        client = FormClient(app.test_client())
        codes = [client.post_form("/vote", {"screen_code": "AAAAAA", "ticket_code": "x"}, page="/vote").status_code
                 for _ in range(4)]
        empty_tables(database_url)
    assert codes == [422, 422, 422, 429]


def test_organisers_open_show_count_close_and_publish(client, db, event, apps, organiser, make_ticket):
    log_in(client, organiser)
    page = f"/events/{event.id}/vote"
    assert "Abstimmung öffnen" in _text(client.get(page))
    client.post_form(f"{page}/open", page=page)
    settings = votes.settings_of(event)
    assert settings.is_open
    screen = _text(client.get(f"{page}/screen"))
    assert settings.screen_code in screen and "/vote" in screen
    for i, app_ in enumerate([apps[2], apps[2], apps[0]]):
        votes.cast(make_ticket(event, name=f"V{i}"), app_.id)
    make_ticket(event, name="Late")  # checked in, not voted
    db.session.commit()
    admin = _text(client.get(page))
    assert "3 Stimmen von 4 eingecheckten Teilnehmenden" in admin
    # Not published yet: the event page shows no audience award.
    assert 'id="vote-award-title"' not in _text(client.get(f"/events/{event.id}"))
    response = client.post_form(f"{page}/publish", page=page, follow_redirects=True)
    assert "Schließen Sie die Abstimmung" in _text(response)
    client.post_form(f"{page}/close", page=page)
    client.post_form(f"{page}/publish", page=page)
    event_page = _text(client.get(f"/events/{event.id}"))
    assert 'id="vote-award-title"' in event_page and "Publikumspreis" in event_page
    assert apps[2].startup.name in event_page
    client.post_form(f"{page}/withdraw", page=page)
    assert 'id="vote-award-title"' not in _text(client.get(f"/events/{event.id}"))


def test_the_jury_results_link_to_the_audience_vote_apart(client, event, organiser):
    log_in(client, organiser)
    page = _text(client.get(f"/events/{event.id}/jury/results"))
    assert f"/events/{event.id}/vote" in page


def test_the_ticket_link_partial_shows_while_the_vote_is_open(app, db, event, ticket, organiser):
    from flask import render_template

    def rendered():
        with app.test_request_context():
            return render_template("vote/_ticket_link.html", registration=ticket)

    assert "Jetzt abstimmen" not in rendered()
    votes.open_vote(event, by=organiser)
    db.session.commit()
    assert "Jetzt abstimmen" in rendered() and f"/vote/{ticket.ticket_secret}" in rendered()


@pytest.mark.skipif(not os.environ.get("PITCHDAY_TEST_REDIS_URL"), reason="PITCHDAY_TEST_REDIS_URL not set")
def test_the_code_form_limit_is_shared_between_processes_through_redis(tmp_path, database_url):
    """Two app instances (as two gunicorn workers would be) count one address's attempts in the same Redis."""
    address = f"10.8.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"
    for i in range(2):
        (tmp_path / str(i)).mkdir()
    apps = [make_app(tmp_path / str(i), database_url, RATELIMIT_STORAGE_URI=os.environ["PITCHDAY_TEST_REDIS_URL"],
                     VOTE_CODE_LIMIT_PER_ADDRESS="3 per 10 minutes") for i in range(2)]
    codes = []
    for app in apps * 2:
        with app.app_context():
            prepare_schema(database_url)
            client = FormClient(app.test_client())
            codes.append(client.post_form("/vote", {"screen_code": "AAAAAA", "ticket_code": "x"}, page="/vote",
                                          environ_base={"REMOTE_ADDR": address}).status_code)
    assert codes == [422, 422, 422, 429]


def test_the_ticket_page_offers_the_vote_while_it_is_open(client, db, event, ticket, organiser):
    assert "Jetzt abstimmen" not in _text(client.get(f"/tickets/{ticket.ticket_secret}"))
    votes.open_vote(event, by=organiser)
    db.session.commit()
    page = _text(client.get(f"/tickets/{ticket.ticket_secret}"))
    assert "Jetzt abstimmen" in page and f'href="/vote/{ticket.ticket_secret}"' in page
