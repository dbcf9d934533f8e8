"""The worker's tasks: deliver one outbox row, and the scheduled work that used to need cron lines.

Each task opens the app's context and calls one service; the services are idempotent (a conditional UPDATE
decides), so a task that runs twice, or on two hosts at once, does no harm.
"""

import logging

from flask import Flask
from huey import crontab
from huey.api import Huey

from ..extensions import db

log = logging.getLogger(__name__)


def register(huey: Huey, app: Flask) -> None:
    """Define the tasks on ``huey`` for ``app``; the delivery task is kept as ``huey.pitchday_tasks``."""

    @huey.task(name="deliver")
    def deliver(row_id: int):
        from ..services.outbox import delivery

        with app.app_context():
            outcome = delivery.deliver(row_id)
        if outcome.retry_in is not None:
            deliver.schedule((row_id,), delay=outcome.retry_in.total_seconds())

    @huey.periodic_task(crontab(minute="*"), name="sweep_outbox")
    def sweep_outbox():
        from ..services.outbox import delivery

        with app.app_context():
            ids = delivery.sweep()
        for row_id in ids:
            deliver(row_id)
        if ids:
            log.info("outbox sweep queued %d overdue message(s) again", len(ids))

    @huey.task(name="prepare_export")
    def prepare_export(export_id: int):
        from ..services.exports import prepared

        with app.app_context():
            prepared.prepare(export_id)

    @huey.periodic_task(crontab(minute="*"), name="sweep_exports")
    def sweep_exports():
        from ..services.exports import prepared

        with app.app_context():
            ids = prepared.sweep()
        for export_id in ids:
            prepare_export(export_id)

    @huey.periodic_task(crontab(minute="50"), name="purge_exports")
    def purge_exports():
        from ..services.exports import prepared

        _in_app(app, prepared.purge)

    @huey.periodic_task(crontab(minute="5"), name="day_before_reminders")
    def day_before_reminders():
        from ..services.registrations.reminders import send_reminders

        _in_app(app, send_reminders)

    @huey.periodic_task(crontab(minute="35", hour="3"), name="retention_purge")
    def retention_purge():
        from ..services.registrations.retention import purge

        _in_app(app, purge)

    @huey.periodic_task(crontab(minute="45", hour="3"), name="expire_stale_links")
    def expire_stale_links():
        from ..services.outbox.stale_links import expire

        _in_app(app, expire)

    @huey.periodic_task(crontab(minute="15", hour="9"), name="track_reminders")
    def track_reminders():
        from ..services.tracks.reminders import send_due

        _in_app(app, send_due)

    huey.pitchday_tasks = {"deliver": deliver, "sweep_outbox": sweep_outbox,
                           "day_before_reminders": day_before_reminders, "retention_purge": retention_purge,
                           "expire_stale_links": expire_stale_links, "track_reminders": track_reminders,
                           "prepare_export": prepare_export, "sweep_exports": sweep_exports,
                           "purge_exports": purge_exports}


def _in_app(app: Flask, work) -> None:
    """Run a service in the app with a request context at BASE_URL (mail templates expect one), then commit."""
    from ..cli_registrations import mail_context

    with app.app_context(), mail_context():
        result = work()
        db.session.commit()
    log.info("%s: %s", work.__name__, result)
