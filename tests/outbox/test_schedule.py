"""Scheduled work runs in the worker: its periodic tasks exist with their clocks, and each does its service's job
(day-before reminders into the outbox; stale door and juror links expired)."""

from datetime import timedelta

import sqlalchemy as sa

from pitchday.database import write_intent
from pitchday.models import Juror, OutboxMessage, ScannerDevice
from pitchday.models.checkin import DeviceKind
from pitchday.models.jury import JurorStatus
from pitchday.services.registrations import seats as registrations
from pitchday.tasks import huey_of
from tests.conftest import create_user
from tests.registrations.conftest import create_event


def test_the_worker_schedules_reminders_purge_sweep_and_link_expiry(app):
    huey = huey_of(app)
    periodic = {task.__name__ for task in huey._registry._periodic_tasks}
    assert periodic == {"sweep_outbox", "day_before_reminders", "retention_purge", "expire_stale_links",
                        "track_reminders", "sweep_exports", "purge_exports"}


def test_the_reminder_task_writes_tomorrows_reminders_to_the_outbox_once(app, db, camps):
    event = create_event(db, camps["essen"], starts_in=timedelta(hours=20))
    with write_intent():
        registrations.register(event, name="Ria", email="ria@example.org", attendee_type="startup")
        db.session.commit()
    task = huey_of(app).pitchday_tasks["day_before_reminders"]
    task.call_local()
    task.call_local()
    db.session.commit()
    kinds = [t for (t,) in db.session.execute(sa.select(OutboxMessage.template).where(
        OutboxMessage.recipient == "ria@example.org"))]
    assert kinds == ["registrations_ticket", "registrations_ticket"]  # the ticket, then one reminder


def test_links_of_events_over_for_a_day_are_expired_and_jurors_who_took_part_stay(app, db, camps):
    past = create_event(db, camps["essen"], starts_in=timedelta(days=-3))
    coming = create_event(db, camps["essen"], starts_in=timedelta(days=3))
    people = [create_user(f"j{n}@example.org", f"Juror {n}") for n in range(3)]
    db.session.add_all([
        Juror(event_id=past.id, user_id=people[0].id, status=JurorStatus.INVITED),
        Juror(event_id=past.id, user_id=people[1].id, status=JurorStatus.ACCEPTED),
        Juror(event_id=coming.id, user_id=people[2].id, status=JurorStatus.INVITED),
        ScannerDevice(event_id=past.id, name="Tür 1", kind=DeviceKind.DEVICE, token_hash="a" * 64),
        ScannerDevice(event_id=coming.id, name="Tür 2", kind=DeviceKind.DEVICE, token_hash="b" * 64)])
    db.session.commit()
    huey_of(app).pitchday_tasks["expire_stale_links"].call_local()
    db.session.commit()
    jurors = {j.user_id: str(j.status) for j in db.session.scalars(sa.select(Juror))}
    assert jurors == {people[0].id: "revoked", people[1].id: "accepted", people[2].id: "invited"}
    devices = {d.name: d.revoked_at is not None for d in db.session.scalars(sa.select(ScannerDevice))}
    assert devices == {"Tür 1": True, "Tür 2": False}
