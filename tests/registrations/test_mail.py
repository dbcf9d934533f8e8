"""The e-mails attendees get, in their own language, with the QR code, the ticket link and the .ics file."""

from icalendar import Calendar

from tests.registrations.conftest import decode_png


def parts(message):
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return html, text, images, calendars


def test_confirmation_carries_qr_code_link_and_calendar_in_german(event, register, outbox):
    registration = register(event, 1)
    [message] = outbox()
    assert message["To"] == "p1@example.org"
    assert message["Subject"] == "Ihr Ticket für Pitch Day Energie"
    html, text, images, calendars = parts(message)
    link = f"http://localhost/tickets/{registration.ticket_secret}"
    assert link in text and link in html
    assert "Sie sind für Pitch Day Energie angemeldet." in text
    assert "MEZ" in text or "MESZ" in text  # times name their zone
    assert 'src="cid:ticket-qr@pitchday"' in html
    assert decode_png(images[0].get_content()) == [registration.ticket_secret]
    vevent = Calendar.from_ical(calendars[0].get_content()).walk("VEVENT")[0]
    assert str(vevent["UID"]) == event.uid
    assert calendars[0].get_filename() == "event.ics"


def test_mail_is_in_english_for_someone_who_registered_in_english(event, register, outbox):
    register(event, 1, locale="en")
    register(event, 2)  # a German ticket of the same event right after: each gets its own language's .ics
    english, german = outbox()
    assert english["Subject"] == "Your ticket for Pitch Day Energie"
    assert "You are registered for Pitch Day Energie." in parts(english)[1]
    for message, pitch_day in ((english, "Pitch day"), (german, "Pitch Day")):
        vevent = Calendar.from_ical(parts(message)[3][0].get_content()).walk("VEVENT")[0]
        assert pitch_day in [str(c) for c in vevent["CATEGORIES"].cats]


def test_waiting_list_and_promotion_mails(db, event, register, outbox):
    from pitchday.database import write_intent
    from pitchday.services.registrations import seats as registrations

    first = register(event, 1)
    register(event, 2), register(event, 3)
    waiting = register(event, 4)
    message = outbox()[-1]
    assert message["Subject"] == "Warteliste für Pitch Day Energie"
    text = message.get_body(("plain",)).get_content()
    assert "Ihr Platz auf der Warteliste: 1" in text and waiting.ticket_secret in text
    with write_intent():
        registrations.cancel(first)
        db.session.commit()
    promotion = outbox()[-1]
    assert promotion["To"] == waiting.email
    assert promotion["Subject"] == "Ein Platz ist frei für Sie: Pitch Day Energie"
    html, text, images, calendars = parts(promotion)
    assert "nachgerückt" in text and decode_png(images[0].get_content()) == [waiting.ticket_secret]
    assert calendars


def test_nothing_is_sent_when_the_registration_is_rolled_back(db, event, outbox):
    from pitchday.database import write_intent
    from pitchday.services.registrations import seats as registrations

    with write_intent():
        registrations.register(event, name="X", email="x@example.org", attendee_type="other")
        db.session.rollback()
    assert outbox() == []


def test_ticket_mails_of_one_event_share_one_calendar_file_until_the_event_changes(db, event, organiser, register,
                                                                                  outbox, monkeypatch):
    from pitchday.database import write_intent
    from pitchday.services.calendar import ics
    from pitchday.services.events import schedule

    built = []
    real = ics.event_ics
    monkeypatch.setattr(ics, "event_ics", lambda *a, **kw: built.append(1) or real(*a, **kw))
    for n in range(2):
        register(event, n)
    assert len(outbox()) == 2 and len(built) == 1

    with write_intent():
        schedule.update(event, by=organiser, venue_name="Zeche Zollverein, Halle 12")
        db.session.commit()
    register(event, 2)
    [ticket] = [m for m in outbox() if m["To"] == "p2@example.org"]
    vevent = Calendar.from_ical(parts(ticket)[3][0].get_content()).walk("VEVENT")[0]
    assert "Zeche Zollverein, Halle 12" in str(vevent["LOCATION"]) and len(built) == 2
