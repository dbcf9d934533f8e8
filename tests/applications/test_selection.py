"""Organisers review and decide; the startup is told in its language; notes stay internal; CSV for Excel."""

import csv
import io

from pitchday.models import Application, ApplicationDecision, ApplicationStatus, CallForPitches
from pitchday.services.applications import submission as applications
from tests.applications.conftest import make_startup
from tests.conftest import create_user


def submitted(db, event, startup, by):
    application = Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED)
    db.session.add(application)
    db.session.commit()
    return application


def decide(client, application, status):
    page = f"/applications/{application.id}/review"
    seen = application.status
    return client.post_form(f"/applications/{application.id}/decide", {"status": status, "seen": seen}, page=page)


def send_decision_mails(client, event, statuses=("accepted", "waitlisted", "rejected")):
    url = f"/events/{event.id}/decision-mails"
    response = client.post_form(url, {"status": list(statuses), "action": "send"}, page=url)
    assert response.status_code == 302


def test_organiser_shortlists_then_accepts_and_the_history_and_mails_follow(client, login, event, founder, startup,
                                                                             organiser, outbox, db):
    application = submitted(db, event, startup, founder)
    login(organiser)
    assert decide(client, application, "shortlisted").status_code == 302
    assert decide(client, application, "accepted").status_code == 302
    db.session.refresh(application)
    assert application.status == "accepted"
    history = [(d.from_status, d.to_status, d.actor_id) for d in db.session.scalars(db.select(ApplicationDecision))]
    assert history == [("submitted", "shortlisted", organiser.id), ("shortlisted", "accepted", organiser.id)]
    page = client.get(f"/applications/{application.id}/review").get_data(as_text=True)
    assert "Olga Orga" in page and "Angenommen" in page
    assert outbox() == []  # decisions are drafts until the organiser sends them
    send_decision_mails(client, event)
    mails = outbox()
    assert [m["To"] for m in mails] == [founder.email]  # the later decision replaced the shortlist draft
    assert "Angenommen: Kohlekraft pitcht bei Pitch Day Essen" in mails[-1]["Subject"]


def test_a_step_that_is_not_allowed_is_refused(client, login, event, founder, startup, organiser, db):
    application = submitted(db, event, startup, founder)
    login(organiser)
    decide(client, application, "accepted")  # must be shortlisted first
    db.session.refresh(application)
    assert application.status == "submitted"


def test_rejection_uses_the_events_own_text_in_the_members_language(client, login, event, founder, startup,
                                                                    organiser, outbox, db):
    call = db.session.scalar(db.select(CallForPitches))
    call.rejection_text_de = "Leider nein, {startup}. Viel Erfolg nach {event}!"
    call.rejection_text_en = "Sorry, {startup}: not at {event} this time."
    founder.locale = "en"
    db.session.commit()
    application = submitted(db, event, startup, founder)
    login(organiser)
    decide(client, application, "rejected")
    send_decision_mails(client, event)
    body = outbox()[-1].get_body(("plain",)).get_content()
    assert "Sorry, Kohlekraft: not at Pitch Day Essen this time." in body


def test_bulk_decisions_skip_those_that_cannot_take_the_step(client, login, event, founder, organiser, db):
    apps = [submitted(db, event, make_startup(db, founder, name=f"Startup{i}"), founder) for i in range(3)]
    apps[2].status = ApplicationStatus.WITHDRAWN
    db.session.commit()
    login(organiser)
    url = f"/events/{event.id}/applications"
    response = client.post_form(url + "/bulk", {"status": "shortlisted", "ids": [str(a.id) for a in apps]}, page=url)
    assert response.status_code == 302
    statuses = [db.session.get(Application, a.id).status for a in apps]
    assert statuses == ["shortlisted", "shortlisted", "withdrawn"]
    page = client.get(url + "?status=shortlisted").get_data(as_text=True)
    assert "Startup0" in page and "Startup2" not in page
    assert "Engere Wahl (2)" in page


def test_notes_are_internal(client, login, event, founder, startup, organiser, db):
    application = submitted(db, event, startup, founder)
    login(organiser)
    page = f"/applications/{application.id}/review"
    client.post_form(f"/applications/{application.id}/notes", {"body": "Strong team, weak market slide"}, page=page)
    assert "Strong team, weak market slide" in client.get(page).get_data(as_text=True)
    client.post_form("/auth/logout")
    login(founder)
    assert "Strong team" not in client.get(f"/applications/{application.id}").get_data(as_text=True)


def test_csv_opens_in_a_german_spreadsheet(client, login, event, founder, organiser, db):
    startup = make_startup(db, founder, name="Größenwahn")
    startup.one_liner = "=HYPERLINK(evil)"
    application = submitted(db, event, startup, founder)
    with client.application.test_request_context():
        q = applications.call_for(event).questions[0]
    db.session.add(applications.ApplicationAnswer(application_id=application.id, question_id=q.id,
                                                  value="Netze; Speicher"))
    db.session.commit()
    login(organiser)
    response = client.get(f"/events/{event.id}/applications.csv")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Startup", "Status"] and "What problem do you solve?" in rows[0]
    assert rows[1][0] == "Größenwahn" and rows[1][1] == "Eingereicht"
    assert rows[1][3] == "'=HYPERLINK(evil)"  # no formula injection
    assert "Netze; Speicher" in rows[1]


def test_organiser_sees_the_startups_history_across_camps(client, login, camps, event, founder, startup, organiser,
                                                          db):
    from tests.applications.conftest import make_event

    other = make_event(db, camps["dortmund"], title="Pitch Day Dortmund", days=-60)
    db.session.add(Application(event_id=other.id, startup_id=startup.id, status=ApplicationStatus.ACCEPTED))
    application = submitted(db, event, startup, founder)
    login(organiser)
    page = client.get(f"/applications/{application.id}/review").get_data(as_text=True)
    assert "Pitch Day Dortmund" in page and "Camp Dortmund" in page


def test_co_founder_invitation(client, login, founder, startup, outbox, db):
    login(founder)
    url = f"/startups/{startup.slug}/members"
    client.post_form(url, {"email": "cofounder@example.org"}, page=url)
    link = [line for line in outbox()[-1].get_body(("plain",)).get_content().splitlines() if "/invitations/" in line][0]
    path = link.replace("http://localhost", "").strip()
    client.post_form("/auth/logout")
    cofounder = create_user("cofounder@example.org", "Cora")
    login(cofounder)
    assert client.post_form(path, page=path).status_code == 302
    assert "Kohlekraft" in client.get("/startups/mine").get_data(as_text=True)
    assert client.get(f"/startups/{startup.slug}/edit").status_code == 200
