"""Decision mails: decisions collect as drafts, the organiser previews them per decision in German and English
and sends them in one batch; "shortlisted" is mailed only when the organiser chooses so."""

import sqlalchemy as sa

from pitchday.models import Application, ApplicationStatus, OutboxMessage
from tests.applications.conftest import make_event, make_startup
from tests.conftest import create_user, deliver_outbox, log_in


def decide(client, application, status, seen):
    page = f"/applications/{application.id}/review"
    response = client.post_form(f"/applications/{application.id}/decide", {"status": status, "seen": seen},
                                page=page)
    assert response.status_code == 302


def states(db):
    db.session.commit()
    return sorted((r.recipient, str(r.state)) for r in db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.template == "applications_decision")))


def test_decisions_wait_as_drafts_and_go_out_in_one_batch_without_the_shortlist(app, db, client, camps, organiser,
                                                                                 smtp):
    smtp.start()
    event = make_event(db, camps["essen"])
    founders = [create_user(f"f{n}@example.org", f"Founder {n}", locale=("en" if n == 0 else "de"))
                for n in range(3)]
    apps = []
    for n, founder in enumerate(founders):
        startup = make_startup(db, founder, name=f"Startup{n}")
        apps.append(Application(event_id=event.id, startup_id=startup.id, status=ApplicationStatus.SUBMITTED))
    db.session.add_all(apps)
    db.session.commit()
    log_in(client, organiser)
    decide(client, apps[0], "shortlisted", "submitted")
    decide(client, apps[0], "accepted", "shortlisted")
    decide(client, apps[1], "shortlisted", "submitted")
    decide(client, apps[2], "rejected", "submitted")
    deliver_outbox(app)
    assert smtp.handler.received == []  # nothing mailed at once
    assert states(db) == [("f0@example.org", "discarded"), ("f0@example.org", "held"),
                          ("f1@example.org", "held"), ("f2@example.org", "held")]

    url = f"/events/{event.id}/decision-mails"
    page = client.get(url).get_data(as_text=True)
    # per decision, a preview in both languages
    assert "Angenommen: Startup0 pitcht bei Pitch Day Essen" in page
    assert "Accepted: Startup0 pitches at Pitch Day Essen" in page
    assert 'value="accepted" checked' in page and 'value="rejected" checked' in page
    assert 'value="shortlisted">' in page  # offered, not ticked

    response = client.post_form(url, {"status": ["accepted", "rejected"], "action": "send"}, page=url)
    assert response.status_code == 302
    deliver_outbox(app)
    assert smtp.copies() == {"f0@example.org": 1, "f2@example.org": 1}
    assert states(db) == [("f0@example.org", "delivered"), ("f0@example.org", "discarded"),
                          ("f1@example.org", "held"), ("f2@example.org", "delivered")]
    assert "Entscheidungsmails" in client.get(f"/events/{event.id}/applications").get_data(as_text=True)

    # Back to "submitted": the shortlist draft is moot and goes.
    decide(client, apps[1], "submitted", "shortlisted")
    assert ("f1@example.org", "held") not in states(db)
    assert "Keine Entscheidungsmails warten" in client.get(url).get_data(as_text=True)


def test_sending_with_nothing_chosen_says_so(app, db, client, camps, organiser):
    event = make_event(db, camps["essen"])
    log_in(client, organiser)
    url = f"/events/{event.id}/decision-mails"
    response = client.post_form(url, {"action": "send"}, page=url, follow_redirects=True)
    assert "Wählen Sie mindestens eine Entscheidung." in response.get_data(as_text=True)
