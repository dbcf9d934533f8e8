"""Registering and the ticket through the browser's eyes (test client, CSRF on)."""

import re

import sqlalchemy as sa
from icalendar import Calendar

from pitchday.models import Registration
from pitchday.services.registrations.questions import add as add_question
from tests.registrations.conftest import decode_png, decode_svg

FORM = {"name": "Anna Schmidt", "email": "anna@example.org", "organisation": "Kowalski GmbH",
        "attendee_type": "industry", "consent": "y"}


def register_url(event):
    return f"/events/{event.id}/register"


def post_registration(client, event, **changes):
    return client.post_form(register_url(event), {**FORM, **changes}, page=register_url(event))


def test_the_form_asks_for_details_and_shows_seats_in_german(client, event):
    html = client.get(register_url(event)).get_data(as_text=True)
    assert "Anmeldung zu Pitch Day Energie" in html
    assert "Noch 3 Plätze frei." in html
    for label in ("Name", "E-Mail", "Organisation", "Ich nehme teil als", "Industrie oder Mittelstand",
                  "Datenschutzhinweis"):
        assert label in html


def test_registering_confirms_and_opens_the_ticket(client, event, db, outbox):
    response = post_registration(client, event)
    assert response.status_code == 302
    registration = db.session.scalar(sa.select(Registration))
    assert response.headers["Location"].endswith(f"/tickets/{registration.ticket_secret}")
    assert str(registration.status) == "confirmed" and registration.locale == "de"
    page = client.get(response.headers["Location"])
    html = page.get_data(as_text=True)
    assert "Anna Schmidt" in html and "Pitch Day Energie" in html and "Deutschland-Haus" in html
    assert '<svg class="qr" role="img"' in html and "<title>QR-Code Ihres Tickets" in html
    assert "In den Kalender" in html and "Anmeldung stornieren" in html and "Meine Daten löschen" in html
    assert '<meta name="referrer" content="no-referrer">' in html and "private" in page.headers["Cache-Control"]
    assert len(outbox()) == 1


def test_the_secret_is_unguessable_and_unknown_secrets_are_not_found(client, event, register):
    registration = register(event, 1)
    assert len(registration.ticket_secret) >= 22  # token_urlsafe(24): 192 random bits
    assert client.get("/tickets/" + "A" * 32).status_code == 404
    assert client.get("/tickets/" + "A" * 32 + "/qr.png").status_code == 404


def test_qr_codes_decode_to_the_secret(client, event, register):
    secret = register(event, 1).ticket_secret
    page = client.get(f"/tickets/{secret}").get_data(as_text=True)
    inline = page[page.index('<svg class="qr"'):page.index("</svg>") + 6]
    assert decode_svg(inline.encode()) == [secret]
    png = client.get(f"/tickets/{secret}/qr.png")
    assert png.mimetype == "image/png" and decode_png(png.data) == [secret]
    svg = client.get(f"/tickets/{secret}/qr.svg")
    assert svg.mimetype == "image/svg+xml" and decode_svg(svg.data) == [secret]


def test_a_waiting_registration_shows_its_place_and_has_no_qr_code(client, event, register):
    for n in range(1, 4):
        register(event, n)
    waiting = register(event, 4)
    html = client.get(f"/tickets/{waiting.ticket_secret}").get_data(as_text=True)
    assert "Nummer 1 auf der Warteliste" in html and "<svg" not in html
    assert client.get(f"/tickets/{waiting.ticket_secret}/qr.png").status_code == 404


def test_the_calendar_file_holds_the_event(client, event, register):
    secret = register(event, 1).ticket_secret
    response = client.get(f"/tickets/{secret}/event.ics")
    assert response.mimetype == "text/calendar"
    vevent = Calendar.from_ical(response.data).walk("VEVENT")[0]
    assert str(vevent["UID"]) == event.uid and str(vevent["SUMMARY"]) == "Pitch Day Energie"
    assert vevent.decoded("DTSTART") == event.starts_at


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(client, event, db):
    response = post_registration(client, event, email="not-an-address", consent="")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in html
    assert "Bitte stimmen Sie dem Datenschutzhinweis zu" in html
    assert 'value="Anna Schmidt"' in html and 'value="Kowalski GmbH"' in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 0


def test_an_unknown_attendee_type_is_a_form_error_not_a_500(client, event):
    response = post_registration(client, event, attendee_type="astronaut")
    assert response.status_code == 200
    assert "Not a valid choice" in response.get_data(as_text=True) or "Keine gültige" in response.get_data(
        as_text=True)


def test_registering_with_a_known_address_resends_without_showing_the_ticket(client, event, register, outbox):
    existing = register(event, 1, email="anna@example.org")
    response = post_registration(client, event, email="ANNA@example.org")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Sehen Sie in Ihr Postfach" in html
    assert existing.ticket_secret not in html
    assert outbox()[-1]["To"] == "anna@example.org"


def test_closed_registration_shows_a_message_and_refuses_posts(client, make_event):
    from datetime import timedelta

    from pitchday.database import utcnow

    event = make_event(registration_closes_at=utcnow() - timedelta(hours=1))
    html = client.get(register_url(event)).get_data(as_text=True)
    assert "Die Anmeldung für diese Veranstaltung ist geschlossen." in html
    assert 'name="consent"' not in html
    response = post_registration(client, event)
    assert response.status_code == 200 and "ist geschlossen" in response.get_data(as_text=True)


def test_a_logged_in_users_details_are_filled_in_and_linked(client, event, member, login, db):
    login(member)
    html = client.get(register_url(event)).get_data(as_text=True)
    assert 'value="Mia Member"' in html and 'value="member@example.org"' in html
    post_registration(client, event, name="Mia Member", email="member@example.org")
    assert db.session.scalar(sa.select(Registration)).user_id == member.id
    assert "Sie sind angemeldet." in client.get(register_url(event)).get_data(as_text=True)


def test_the_events_own_questions_are_asked_and_answers_kept(client, event, organiser, db):
    question = add_question(event, "Welche Startups möchten Sie treffen?", by=organiser)
    db.session.commit()
    html = client.get(register_url(event)).get_data(as_text=True)
    assert "Welche Startups möchten Sie treffen?" in html and "Freiwillig." in html
    post_registration(client, event, **{f"q_{question.id}": "GridSense"})
    assert db.session.scalar(sa.select(Registration)).answers == {str(question.id): "GridSense"}


def test_cancelling_from_the_ticket_page_promotes_the_next_person(client, event, register, db, outbox):
    first = register(event, 1)
    register(event, 2), register(event, 3)
    waiting = register(event, 4)
    page = f"/tickets/{first.ticket_secret}"
    response = client.post_form(page + "/cancel", page=page)
    assert response.status_code == 302
    assert "Diese Anmeldung ist storniert." in client.get(page).get_data(as_text=True)
    db.session.refresh(waiting)
    assert str(waiting.status) == "confirmed"
    assert {m["To"]: m["Subject"] for m in outbox()[-2:]} == {
        waiting.email: f"Ein Platz ist frei für Sie: {event.title}",
        first.email: f"Storniert: Ihre Anmeldung für {event.title}"}  # issue 16.11: the canceller is told


def test_deleting_my_data_anonymises_and_kills_the_ticket(client, event, register, db):
    registration = register(event, 1, kind="investor")
    secret = registration.ticket_secret
    page = f"/tickets/{secret}"
    response = client.post_form(page + "/delete", page=page)
    assert response.status_code == 302  # to a page of its own, which a reload shows again (issue 16.11)
    done = client.get(response.headers["Location"])
    assert done.status_code == 200 and "Ihre Daten sind gelöscht" in done.get_data(as_text=True)
    assert client.get(page).status_code == 404
    db.session.refresh(registration)
    assert registration.name == "" and "example.org" not in registration.email
    assert str(registration.status) == "cancelled" and str(registration.attendee_type) == "investor"


def test_posting_without_csrf_token_is_refused(client, event, register):
    secret = register(event, 1).ticket_secret
    assert client.post(f"/tickets/{secret}/cancel", data={}).status_code == 400


def test_the_event_page_panel_shows_the_form_or_my_ticket(app, event, member, register):
    from flask import render_template_string

    from pitchday.blueprints.events.panels import event_panels

    with app.test_request_context("/"):
        panels = event_panels(event)
        assert [t for t, _c in panels] == ["registrations/_panel.html"]
        html = render_template_string("{% for t, c in panels %}{% with ctx = c %}{% include t %}{% endwith %}"
                                      "{% endfor %}", panels=[(t, c) for t, c in panels], **panels[0][1])
    assert "Anmeldung" in html and 'name="attendee_type"' in html
    assert re.search(r'action="/events/\d+/register"', html)
