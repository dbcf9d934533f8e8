"""The mail log keeps addresses, names and ticket links: its messages go when the attendees' details go
(``purge-personal-data``), and an attendee who deletes their data takes the event's messages to them along."""

import re
from datetime import timedelta

import sqlalchemy as sa

from pitchday import mail
from pitchday.database import utcnow
from pitchday.models import OutboxMessage
from pitchday.services.registrations.retention import delete_own_data
from tests.conftest import log_in
from tests.registrations.test_cron import run


def _message(db, to: str, *, event=None, days_ago: int = 0, state: str = "delivered") -> None:
    row = mail.queue(mail.Mail(to=to, subject=f"Nachricht an {to}", text="Hallo",
                               event_id=event.id if event else None))
    row.created_at, row.state = utcnow() - timedelta(days=days_ago), state
    db.session.commit()


def _recipients(db) -> list[str]:
    db.session.expire_all()
    return sorted(db.session.scalars(sa.select(OutboxMessage.recipient)))


def test_the_purge_deletes_the_messages_of_events_past_retention_and_old_ones_of_no_event(app, db, make_event):
    old = make_event(starts_in=timedelta(days=-400), registration_opens_at=None)
    recent = make_event(starts_in=timedelta(days=-10))
    _message(db, "old-event@example.org", event=old, days_ago=400)
    _message(db, "old-event-failed@example.org", event=old, days_ago=400, state="given_up")
    _message(db, "recent-event@example.org", event=recent, days_ago=12)
    _message(db, "old-reset@example.org", days_ago=200)
    _message(db, "new-reset@example.org", days_ago=1)
    _message(db, "in-flight@example.org", event=old, days_ago=400, state="sending")

    assert "sent messages: 3 would be deleted" in run(app, "purge-personal-data", "--dry-run")
    assert len(_recipients(db)) == 6
    assert "sent messages: 3 were deleted" in run(app, "purge-personal-data")
    assert _recipients(db) == ["in-flight@example.org", "new-reset@example.org", "recent-event@example.org"]


def test_deleting_my_data_removes_my_messages_from_the_events_mail_log(app, db, client, event, register, outbox,
                                                                       organiser):
    anna = register(event, 1)
    register(event, 2)
    assert len(outbox()) == 2  # both tickets delivered and in the log
    delete_own_data(anna)
    db.session.commit()
    assert _recipients(db) == ["p2@example.org"]

    log_in(client, organiser)
    page = client.get(f"/events/{event.id}/mails").get_data(as_text=True)
    assert "p1@example.org" not in page and "p2@example.org" in page
    assert re.search(r"1 Nachricht\b", page)
