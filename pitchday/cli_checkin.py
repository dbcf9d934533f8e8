"""Command-line tools of the check-in area."""

import click
from flask.cli import with_appcontext

from .extensions import db
from .models import Event


@click.command("issue-scanner-token")
@click.argument("event_id", type=int)
@click.option("--name", required=True, help='What the device is called in the scan log, e.g. "Door 1".')
@with_appcontext
def issue_scanner_token(event_id, name):
    """Issue a bearer token for a scanning device at EVENT_ID and print it (it is shown only this once)."""
    from .errors import DomainError
    from .services.checkin import staff as checkin_staff

    event = db.session.get(Event, event_id)
    if event is None:
        raise click.ClickException(f"No event with id {event_id}.")
    try:
        device, token = checkin_staff.issue_device(event, name=name, by=None)
    except DomainError as error:
        raise click.ClickException(error.message) from error
    db.session.commit()
    click.echo(token)
    click.echo(f"Device {device.id} {device.name!r} for event {event.id} ({event.title}); "
               f"POST {{\"secret\", \"nonce\"}} to /api/v1/events/{event.id}/checkins with "
               f"'Authorization: Bearer <token>'. Revoke it on the event's check-in staff page.", err=True)
