"""Organisers invite, resend, revoke and assign jurors; conflicts; the juror's place in calendars and mails."""

import re

from pitchday.extensions import db
from pitchday.models import Juror, RoleChange
from pitchday.permissions.jury import juror_reads_deck
from pitchday.services.applications import running_order
from pitchday.services.calendar import personal as personal_calendar
from pitchday.services.events import audience as event_audience
from pitchday.services.jury import jurors as jury_jurors
from tests.jury.conftest import make_event, make_juror, pitches

LINK_RE = re.compile(r"(http://localhost/auth/link/\S+)")


def _invite(client, event, email="neu@example.org", name="Nora Neu"):
    page = f"/events/{event.id}/jury/"
    return client.post_form(f"/events/{event.id}/jury/jurors", {"name": name, "email": email, "locale": "de"},
                            page=page)


def test_an_organiser_invites_a_juror_without_an_account_who_logs_in_by_the_link(app, event, login, organiser,
                                                                                  client, outbox):
    login(organiser)
    assert _invite(client, event).status_code == 302
    juror = db.session.scalar(db.select(Juror))
    assert juror.status == "invited" and juror.user.password_hash is None
    mail = outbox()[-1]
    assert mail["To"] == "neu@example.org" and event.title in mail["Subject"]
    link = LINK_RE.search(mail.get_body().get_content()).group(1)
    change = db.session.scalar(db.select(RoleChange).filter_by(role="juror"))
    assert change.action == "granted" and change.scope == f"juror: {event.title}" and change.actor_id == organiser.id

    from tests.conftest import FormClient

    juror_browser = FormClient(app.test_client())
    landing = juror_browser.get(link.replace("http://localhost", ""))
    assert landing.status_code == 302 and landing.headers["Location"].endswith(f"/jury/{event.id}/welcome")
    assert juror_browser.get(f"/jury/{event.id}/welcome").status_code == 200
    db.session.refresh(juror)
    assert juror.status == "accepted"
    # The organiser's page shows who accepted.
    assert "angenommen" in client.get(f"/events/{event.id}/jury/").get_data(as_text=True)


def test_inviting_someone_twice_keeps_what_was_typed_and_explains(event, login, organiser, client):
    login(organiser)
    _invite(client, event)
    again = _invite(client, event)
    assert again.status_code == 422 and "Nora Neu" in again.get_data(as_text=True)


def test_a_revoked_juror_link_stops_working(app, event, juror, juror_client, organiser):
    page = f"/jury/{event.id}/"
    assert juror_client.get(page).status_code == 200
    jury_jurors.revoke(event, juror, by=organiser)
    db.session.commit()
    assert juror_client.get(page).status_code in (302, 403)
    from pitchday.services.accounts import role_links

    with app.test_request_context():
        token = role_links.make_token(juror.user, "juror", event.id)
    assert juror_client.get(f"/auth/link/{token}").status_code == 403
    assert db.session.scalar(db.select(RoleChange).filter_by(action="revoked")).scope.startswith("juror: ")


def test_resend_sends_a_new_link(event, juror, login, organiser, client, outbox):
    login(organiser)
    client.post_form(f"/events/{event.id}/jury/jurors/{juror.id}/resend", page=f"/events/{event.id}/jury/")
    assert outbox()[-1]["To"] == juror.user.email


def test_a_juror_assigned_to_some_pitches_scores_only_those(event, juror, login, organiser, client, juror_client):
    a, b, c = pitches(event)
    login(organiser)
    page = f"/events/{event.id}/jury/jurors/{juror.id}/assign"
    assert client.post_form(page, {"scope": "some", "application_ids": [a.id, c.id]}, page=page).status_code == 302
    db.session.refresh(juror)
    assert not juror.all_pitches and {x.application_id for x in juror.assignments} == {a.id, c.id}
    html = juror_client.get(f"/jury/{event.id}/pitch/{b.id}").get_data(as_text=True)
    assert 'class="crit"' not in html


def test_an_organiser_records_a_conflict(event, juror, login, organiser, client):
    a = pitches(event)[0]
    login(organiser)
    page = f"/events/{event.id}/jury/"
    client.post_form(f"/events/{event.id}/jury/jurors/{juror.id}/conflicts",
                     {"conflict-application_id": a.id, "conflict-reason": "invested"}, page=page)
    assert [c.startup_id for c in juror.conflicts] == [a.startup_id]


def test_the_deck_predicate_for_the_applications_area(event, juror, juror2, member, organiser):
    a, b, _c = pitches(event)
    jury_jurors.declare_conflict(juror, a, by=organiser, reason="advises")
    db.session.commit()
    assert not juror_reads_deck(juror2.user, a)  # invited, not accepted; line-up not published (issue 14)
    running_order.publish(event, by=organiser)
    jury_jurors.accept(juror), jury_jurors.accept(juror2)
    db.session.commit()
    db.session.refresh(juror), db.session.refresh(juror2)
    assert not juror_reads_deck(juror.user, a)  # conflict
    assert juror_reads_deck(juror.user, b)
    assert juror_reads_deck(juror2.user, a)
    assert not juror_reads_deck(member, a)  # not on the jury
    jury_jurors.revoke(event, juror2, by=organiser)
    db.session.commit()
    assert not juror_reads_deck(juror2.user, a)  # revoked


def test_jurors_hear_about_event_changes_and_have_the_duty_in_their_calendar(event, juror, organiser, camps):
    emails = {r.email for r in event_audience.recipients_for(event)}
    assert juror.user.email in emails
    entries = [e for e in personal_calendar.entries_for(juror.user) if e.role == "juror"]
    assert len(entries) == 1 and entries[0].starts_at == event.pitch_block().starts_at
    other = make_event(camps["essen"], title="Another day")
    make_juror(other, "someone@example.org")
    jury_jurors.revoke(event, juror, by=organiser)
    db.session.commit()
    assert juror.user.email not in {r.email for r in event_audience.recipients_for(event)}
    assert not [e for e in personal_calendar.entries_for(juror.user) if e.role == "juror"]
