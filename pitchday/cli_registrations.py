"""Cron commands for registrations: reminders the day before, and the retention of personal data."""

import contextlib

import click
from flask import current_app
from flask.cli import with_appcontext

from .database import write_intent
from .extensions import db


@contextlib.contextmanager
def mail_context():
    """A request context at BASE_URL: mail templates go through the app's context processors, which expect one."""
    with current_app.test_request_context("/", base_url=current_app.config["BASE_URL"]), write_intent():
        yield


@click.command("send-reminders")
@with_appcontext
def send_reminders():
    """Send the day-before reminder with the ticket; each registration gets it once however often this runs."""
    from .services.registrations.reminders import send_reminders as send

    with mail_context():
        sent = send()
        db.session.commit()
    click.echo(f"Reminders sent: {sent}")


@click.command("purge-personal-data")
@click.option("--dry-run", is_flag=True, help="Only say what would be anonymised or deleted.")
@with_appcontext
def purge_personal_data(dry_run):
    """Apply the retention periods (RETENTION_* settings): anonymise or delete personal data that is due."""
    from .services.registrations.retention import purge

    with mail_context():
        results = purge(dry_run=dry_run)
        if dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    verb = "would be" if dry_run else "were"
    for result in results:
        click.echo(f"{result.kind}: {result.count} {verb} {result.action}")
