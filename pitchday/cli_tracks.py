"""Command of the follow-up tracks: the reminders 30 and 90 days after a contact was made."""

import click
from flask.cli import with_appcontext

from .cli_registrations import mail_context
from .extensions import db


@click.command("remind-tracks")
@with_appcontext
def remind_tracks():
    """Ask both sides of each track how it went, 30 and 90 days after it started; once each, however often run."""
    from .services.tracks.reminders import send_due

    with mail_context():
        sent = send_due()
        db.session.commit()
    click.echo(f"Track reminders sent: {sent}")
