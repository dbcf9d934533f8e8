"""The cron commands: reminders once the day before, and the retention of attendees' personal data."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.berlin import BERLIN
from pitchday.database import utcnow
from pitchday.models import Registration


def run(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def tomorrow_evening():
    now = utcnow().astimezone(BERLIN)
    return (now + timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0) - now


def test_reminders_go_out_once_the_day_before(app, db, make_event, register, outbox):
    soon = make_event(starts_in=tomorrow_evening(), capacity=2)
    later = make_event(starts_in=timedelta(days=5))
    a, b = register(soon, 1), register(soon, 2)
    register(later, 3)
    for n in range(4, 6):  # waiting people get no reminder
        register(soon, n)
    before = len(outbox())
    assert "Reminders sent: 2" in run(app, "send-reminders")
    reminders = outbox()[before:]
    assert sorted(m["To"] for m in reminders) == [a.email, b.email]
    assert all(m["Subject"].startswith("Morgen: Pitch Day Energie") for m in reminders)
    assert "Reminders sent: 0" in run(app, "send-reminders")
    assert len(outbox()) == before + 2


def test_purge_dry_run_says_what_it_would_do_and_changes_nothing(app, db, make_event, register):
    old = make_event(starts_in=timedelta(days=-400), registration_opens_at=None)
    recent = make_event(starts_in=timedelta(days=-10))
    # Registrations of past events are made directly: their window has long closed.
    for n, event in enumerate([old, old, recent], start=1):
        db.session.add(Registration(event_id=event.id, name=f"P{n}", email=f"p{n}@example.org",
                                    attendee_type="startup", status="confirmed", queue_number=n,
                                    consent_at=utcnow()))
    db.session.commit()
    assert "attendee details: 2 would be anonymised" in run(app, "purge-personal-data", "--dry-run")
    assert db.session.scalar(sa.select(sa.func.count()).where(Registration.anonymised_at.is_not(None))) == 0
    assert "attendee details: 2 were anonymised" in run(app, "purge-personal-data")
    db.session.expire_all()
    rows = db.session.scalars(sa.select(Registration).order_by(Registration.id)).all()
    assert [r.name for r in rows] == ["", "", "P3"]
    assert all(str(r.status) == "confirmed" and str(r.attendee_type) == "startup" for r in rows)  # counts survive
    assert "attendee details: 0 were anonymised" in run(app, "purge-personal-data")


def test_retention_period_is_a_setting(app, db, make_event):
    app.config["RETENTION_ATTENDEE_DAYS"] = 5
    event = make_event(starts_in=timedelta(days=-10))
    db.session.add(Registration(event_id=event.id, name="P", email="p@example.org", attendee_type="other",
                                status="cancelled", queue_number=1, consent_at=utcnow()))
    db.session.commit()
    assert "1 were anonymised" in run(app, "purge-personal-data")
