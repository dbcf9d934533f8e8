"""From the score card to matchmaking: "I want a follow-up talk with this startup", a plain form (no JavaScript
needed) that asks the startup for a meeting, and the card saying what became of it."""

import sqlalchemy as sa

from pitchday.extensions import db
from pitchday.models import Conflict, Juror
from pitchday.models.matchmaking import MeetingRequest, RequestSide
from pitchday.services.matchmaking import requests as mm
from tests.jury.conftest import make_event, pitches

SUMMARY = "Ich möchte ein Folgegespräch mit diesem Startup"


def page(event, application):
    return f"/jury/{event.id}/pitch/{application.id}"


def ask(client, event, application, reason="Pilot im Werk Bochum", token_page=None):
    url = page(event, application)
    return client.post_form(url + "/follow-up", {"reason": reason}, page=token_page or url)


def requests_of(juror):
    return db.session.scalars(sa.select(MeetingRequest).filter_by(juror_user_id=juror.user_id)).all()


def test_the_score_card_offers_a_follow_up_talk_without_new_files(juror_client, event):
    response = juror_client.get(f"/jury/{event.id}/")  # the link's landing page accepts the invitation
    html = response.get_data(as_text=True)
    assert SUMMARY in html and 'name="reason" maxlength="200"' in html and "Warum? (eine Zeile)" in html
    assert f'action="/jury/{event.id}/pitch/{pitches(event)[0].id}/follow-up"' in html
    # The page's budget: jury.css, jury.js and the two small scripts that follow the stage (live.js,
    # live_follow.js): five requests of at most six, far below 60 KB.
    assert html.count('rel="stylesheet"') == 1 and html.count("<script") == 3
    gzipped = juror_client.get(f"/jury/{event.id}/", headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip" and len(gzipped.get_data()) < 10_000


def test_asking_without_javascript_sends_the_request_and_the_card_says_so(juror_client, juror, event, outbox):
    juror_client.get(f"/jury/{event.id}/")
    application = pitches(event)[1]
    before = len(outbox())
    response = ask(juror_client, event, application, reason="  Pilot   im Werk Bochum ")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(page(event, application) + "#follow-up")
    [request] = requests_of(juror)
    assert (request.startup_id, request.event_id) == (application.startup_id, event.id)
    assert request.requested_by == RequestSide.JUROR and request.status == "pending"
    assert request.reason == "Pilot im Werk Bochum"
    # The startup hears of it (no members: its contact address).
    assert [m["To"] for m in outbox()[before:]] == [application.startup.contact_email]
    html = juror_client.get(page(event, application)).get_data(as_text=True)
    assert "Folgegespräch angefragt: Startup B wurde gefragt." in html
    assert "Sie haben Startup B um ein Folgegespräch gebeten; die Antwort steht noch aus." in html
    assert SUMMARY not in html  # no second form
    # Other pitches still offer it.
    assert SUMMARY in juror_client.get(page(event, pitches(event)[0])).get_data(as_text=True)


def test_the_card_shows_the_startups_answer(juror_client, juror, event):
    juror_client.get(f"/jury/{event.id}/")
    application = pitches(event)[0]
    ask(juror_client, event, application)
    [request] = requests_of(juror)
    mm.respond(request, accept=True, side=RequestSide.STARTUP)
    db.session.commit()
    assert "Startup A hat einem Folgegespräch zugestimmt." in juror_client.get(
        page(event, application)).get_data(as_text=True)


def test_asking_twice_or_too_long_is_refused_with_a_message(juror_client, juror, event):
    juror_client.get(f"/jury/{event.id}/")
    application = pitches(event)[0]
    too_long = ask(juror_client, event, application, reason="x" * 201)
    assert too_long.status_code == 302 and requests_of(juror) == []
    html = juror_client.get(page(event, application)).get_data(as_text=True)
    assert "Bitte fassen Sie den Grund in einer Zeile (höchstens 200 Zeichen)." in html
    assert SUMMARY in html  # the form is still there to try again
    ask(juror_client, event, application)
    ask(juror_client, event, application)
    assert len(requests_of(juror)) == 1
    html = juror_client.get(page(event, application)).get_data(as_text=True)
    assert "Sie haben dieses Treffen bereits angefragt." in html


def test_a_juror_in_conflict_or_not_yet_accepted_cannot_ask(app, juror_client, juror, event):
    application = pitches(event)[0]
    # Not accepted yet (the link's landing page was never opened): no form, and the route refuses.
    assert SUMMARY not in juror_client.get(page(event, application)).get_data(as_text=True)
    assert ask(juror_client, event, application).status_code == 403
    juror_client.get(f"/jury/{event.id}/")
    db.session.add(Conflict(juror_id=juror.id, startup_id=application.startup_id, reason="invested"))
    db.session.commit()
    html = juror_client.get(page(event, application)).get_data(as_text=True)
    assert "Interessenkonflikt" in html and SUMMARY not in html
    assert ask(juror_client, event, application, token_page=page(event, pitches(event)[1])).status_code == 403
    assert requests_of(juror) == []


def test_a_juror_link_reaches_only_its_own_event(juror_client, juror, camps, event):
    """The same person, an accepted juror of another event too: this event's link session does not reach it."""
    other = make_event(camps["essen"], title="Pitch Day Bochum")
    db.session.add(Juror(event_id=other.id, user_id=juror.user_id, status="accepted"))
    db.session.commit()
    assert ask(juror_client, other, pitches(other)[0], token_page=f"/jury/{event.id}/").status_code == 403
    assert requests_of(juror) == []
