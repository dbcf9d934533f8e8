"""Registrations meet matchmaking: the two opt-ins on the form (off unless ticked), and the way from the ticket
page and the ticket e-mails to the attendee's meeting page when the event has matchmaking set up."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.models import AgendaBlock, BlockKind, Registration
from pitchday.services.matchmaking import meetings
from pitchday.services.matchmaking import requests as mm
from pitchday.services.registrations import seats
from tests.registrations.test_cron import run, tomorrow_evening
from tests.registrations.test_mail import parts
from tests.registrations.test_routes import post_registration, register_url

VISIBLE = "Mich den Startups dieser Veranstaltung für Gesprächsanfragen zeigen"
SHARE = "Meine Kontaktdaten an Startups weitergeben, die ich treffe"


def set_up_meetings(db, event, tables=("Tisch 1",)):
    """A networking block after the pitches and the organiser's tables: matchmaking is set up."""
    db.session.add(AgendaBlock(event_id=event.id, kind=BlockKind.NETWORKING, title="Networking",
                               starts_at=event.starts_at + timedelta(hours=2),
                               ends_at=event.starts_at + timedelta(hours=3)))
    db.session.flush()
    db.session.expire(event)
    if tables:
        meetings.set_tables(event, list(tables))
    db.session.commit()
    return event


def profile(db, email):
    """The attendee's opt-ins as the matchmaking services read them (no row stored means nothing chosen)."""
    registration = db.session.scalar(sa.select(Registration).filter_by(email=email))
    return mm.profile_of(registration)


def checkbox(html, name):
    start = html.index(f'name="{name}"')
    return html[html.rindex("<input", 0, start):html.index(">", start) + 1]


# --- the form -------------------------------------------------------------------------------------------------

def test_the_form_offers_both_opt_ins_unticked(client, event):
    html = client.get(register_url(event)).get_data(as_text=True)
    assert "Gespräche mit Startups" in html and VISIBLE in html and SHARE in html
    for name in ("meet_visible", "meet_share_contact"):
        assert 'type="checkbox"' in checkbox(html, name) and "checked" not in checkbox(html, name)


def test_the_opt_ins_read_in_english_too(client, event):
    client.set_cookie("pitchday_lang", "en")
    html = client.get(register_url(event)).get_data(as_text=True)
    assert "Show me to the startups of this event for meeting requests" in html
    assert "Share my contact details with startups I meet" in html


def test_without_ticking_nothing_is_shown_or_shared(client, event, db):
    post_registration(client, event)
    saved = profile(db, "anna@example.org")
    assert saved is not None and (saved.visible, saved.share_contact) == (False, False)
    assert mm.visible_attendees(event) == []


def test_ticked_opt_ins_are_saved_with_the_registration(client, event, db):
    post_registration(client, event, meet_visible="y", meet_share_contact="y")
    post_registration(client, event, email="ben@example.org", name="Ben", meet_share_contact="y")
    anna, ben = profile(db, "anna@example.org"), profile(db, "ben@example.org")
    assert (anna.visible, anna.share_contact) == (True, True)
    assert (ben.visible, ben.share_contact) == (False, True)
    assert [r.email for r, _p in mm.visible_attendees(event)] == ["anna@example.org"]


def test_typing_someone_elses_address_again_does_not_change_their_opt_ins(client, event, db):
    post_registration(client, event)
    response = post_registration(client, event, meet_visible="y", meet_share_contact="y")
    assert "Sehen Sie in Ihr Postfach" in response.get_data(as_text=True)
    saved = profile(db, "anna@example.org")
    assert (saved.visible, saved.share_contact) == (False, False)


def test_coming_back_after_cancelling_takes_the_new_forms_choices_not_the_old_ones(client, event, db):
    post_registration(client, event, meet_visible="y", meet_share_contact="y")
    registration = db.session.scalar(sa.select(Registration).filter_by(email="anna@example.org"))
    seats.cancel_own(registration)
    db.session.commit()
    post_registration(client, event)  # nothing ticked this time
    saved = profile(db, "anna@example.org")
    assert (saved.visible, saved.share_contact) == (False, False)
    assert mm.visible_attendees(event) == []


def test_a_form_error_keeps_the_ticked_boxes(client, event):
    response = post_registration(client, event, consent="", meet_visible="y")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "checked" in checkbox(html, "meet_visible")
    assert "checked" not in checkbox(html, "meet_share_contact")


# --- the ticket page ------------------------------------------------------------------------------------------

def test_the_ticket_links_to_the_meeting_page_when_matchmaking_is_set_up(client, db, event, register):
    set_up_meetings(db, event)
    secret = register(event, 1).ticket_secret
    page = client.get(f"/tickets/{secret}")
    html = page.get_data(as_text=True)
    link = f'href="/meet/{secret}">Startups treffen</a>'
    assert link in html
    # With the other actions, which print hides: the ticket still prints on one page.
    actions = html[html.index('<section class="ticket-actions no-print"'):]
    assert link in actions[:actions.index("</section>")]
    assert len(page.get_data()) < 60_000
    assert "Gespräche bei Pitch Day Energie" in client.get(f"/meet/{secret}").get_data(as_text=True)


def test_no_link_without_matchmaking_or_without_a_seat(client, db, make_event, register):
    plain = make_event()  # no networking block
    no_tables = set_up_meetings(db, make_event(), tables=())
    full = set_up_meetings(db, make_event(capacity=0))
    for event in (plain, no_tables, full):
        secret = register(event, 1).ticket_secret
        html = client.get(f"/tickets/{secret}").get_data(as_text=True)
        assert "/meet/" not in html and ">Startups treffen</a>" not in html


def test_a_removed_table_list_removes_the_link(client, db, event, register):
    set_up_meetings(db, event)
    secret = register(event, 1).ticket_secret
    meetings.set_tables(event, [])
    db.session.commit()
    assert ">Startups treffen</a>" not in client.get(f"/tickets/{secret}").get_data(as_text=True)


# --- the e-mails ----------------------------------------------------------------------------------------------

def test_the_confirmation_mail_links_to_the_meeting_page(db, event, register, outbox):
    set_up_meetings(db, event)
    registration = register(event, 1)
    [message] = outbox()
    html, text, _images, _calendars = parts(message)
    link = f"http://localhost/meet/{registration.ticket_secret}"
    assert f"Startups treffen: {link}" in text
    assert f'<a href="{link}">Startups treffen</a>' in html
    assert "Bitten Sie die pitchenden Startups um ein Gespräch im Networking-Block." in text


def test_the_mail_says_it_in_english_for_english_speakers(db, event, register, outbox):
    set_up_meetings(db, event)
    register(event, 1, locale="en")
    text = parts(outbox()[0])[1]
    assert "Meet startups: http://localhost/meet/" in text


def test_no_meeting_link_in_mails_without_matchmaking(event, register, outbox):
    register(event, 1)
    html, text, _images, _calendars = parts(outbox()[0])
    assert "/meet/" not in text and "/meet/" not in html and "Startups treffen" not in text


def test_the_reminder_links_to_the_meeting_page(app, db, make_event, register, outbox):
    soon = set_up_meetings(db, make_event(starts_in=tomorrow_evening()))
    registration = register(soon, 1)
    before = len(outbox())
    assert "Reminders sent: 1" in run(app, "send-reminders")
    [reminder] = outbox()[before:]
    assert reminder["Subject"].startswith("Morgen:")
    assert f"Startups treffen: http://localhost/meet/{registration.ticket_secret}" in parts(reminder)[1]
