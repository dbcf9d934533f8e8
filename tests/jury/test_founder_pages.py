"""A founder's pages (issue 16, point 9): the event page and the application page show what is open to their
startup (slot, meeting requests, feedback once released), and a refused page says why and what to do."""

from pitchday.services.jury import publish as jury_publish
from tests.jury.conftest import pitches


def text(response) -> str:
    return response.get_data(as_text=True)


def test_the_event_page_shows_a_founder_their_slot_meetings_and_when_feedback_comes(db, event, founder, login,
                                                                                    client):
    login(founder)
    page = text(client.get(f"/events/{event.id}"))
    assert "Für Ihr Startup" in page and "Startup A" in page
    assert "Ihr Pitch-Slot" in page and "Position 1" in page
    startup_id = pitches(event)[0].startup_id
    assert f'href="/startups/{startup_id}/events/{event.id}/meet"' in page
    assert "erscheint hier, sobald das Organisationsteam die Ergebnisse veröffentlicht" in page
    assert "Feedback der Jury lesen" not in page


def test_someone_without_a_startup_sees_no_founder_corner(db, event, login, client, member):
    login(member)
    assert "Für Ihr Startup" not in text(client.get(f"/events/{event.id}"))


def test_feedback_is_linked_from_event_and_application_page_once_published(db, event, founder, organiser, login,
                                                                           client):
    jury_publish.publish(event, by=organiser)
    db.session.commit()
    application = pitches(event)[0]
    login(founder)
    feedback = f'href="/events/{event.id}/jury/feedback/{application.id}"'
    assert feedback in text(client.get(f"/events/{event.id}"))
    page = text(client.get(f"/applications/{application.id}"))
    assert "Für Sie offen bei dieser Veranstaltung" in page and feedback in page
    assert client.get(f"/events/{event.id}/jury/feedback/{application.id}").status_code == 200


def test_the_attendees_meeting_page_tells_a_founder_where_their_requests_are(db, event, founder, login, client):
    login(founder)
    response = client.get(f"/events/{event.id}/meet")
    page = text(response)
    assert response.status_code == 403
    assert "Als Mitglied von Startup A sehen, beantworten und senden Sie Anfragen" in page
    assert f'href="/startups/{pitches(event)[0].startup_id}/events/{event.id}/meet"' in page
    assert "Was Sie tun können" in page and "Sie sind angemeldet als Frida Founder" in page


def test_feedback_before_publication_says_when_it_comes(db, event, founder, login, client):
    application = pitches(event)[0]
    login(founder)
    response = client.get(f"/events/{event.id}/jury/feedback/{application.id}")
    assert response.status_code == 403
    assert "sobald das Organisationsteam die Ergebnisse veröffentlicht" in text(response)
    assert f'href="/applications/{application.id}"' in text(response)
    as_json = client.get(f"/events/{event.id}/jury/feedback/{application.id}", headers={"Accept": "application/json"})
    assert as_json.status_code == 403 and as_json.json["status"] == "forbidden"


def test_a_rule_without_a_reason_still_says_what_to_do(db, event, founder, login, client):
    login(founder)
    response = client.get(f"/events/{event.id}/jury/results")
    assert response.status_code == 403
    assert "Was Sie tun können" in text(response) and "Organisationsteam" in text(response)
