"""Command-line tools: thin wrappers over services."""

import secrets
import sqlite3
from pathlib import Path

import click
from flask.cli import with_appcontext

from .cli_outbox import outbox, worker
from .cli_registrations import purge_personal_data, send_reminders
from .cli_run import dev
from .enums import Role
from .errors import DomainError
from .extensions import db
from .models import User


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only seed when the database has no camps yet.")
@with_appcontext
def seed_demo(if_empty):
    """Fill the database with the hub's camps and demo data (idempotent) and print the demo logins."""
    from .demo import seed_all
    from .models import Camp

    if if_empty and db.session.scalar(db.select(db.func.count()).select_from(Camp)):
        click.echo("Database already has data; not seeding.")
    else:
        seed_all()
    from .demo import print_logins

    print_logins(click.echo)


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default=None, help="Display name (defaults to the part of the address before @).")
@click.option("--password", default=None, help="Password; a random one is generated and printed if omitted.")
@with_appcontext
def create_admin(email, name, password):
    """Create a hub admin (or make an existing account one)."""
    from .services.accounts import account as accounts
    from .services.accounts import roles

    user = accounts.find_by_email(email)
    generated = None
    if user is None:
        generated = password or secrets.token_urlsafe(12)
        user = User(email=accounts.normalise_email(email), name=name or email.split("@")[0], locale="de")
        try:
            accounts.set_password(user, generated)
        except DomainError as error:  # a --password the password rules refuse
            raise click.UsageError(error.message) from None
        from .database import utcnow

        user.email_confirmed_at = utcnow()
        db.session.add(user)
        db.session.flush()
    if not user.is_hub_admin:
        roles.grant(actor=None, user=user, role=Role.HUB_ADMIN)
    db.session.commit()
    click.echo(f"{user.email} is a hub admin.")
    if generated and not password:
        click.echo(f"Password: {generated}")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup(path):
    """A consistent copy of the SQLite database, safe while the app runs (SQLite's online backup)."""
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise click.ClickException("For PostgreSQL use pg_dump (see the README's operations section).")
    target = Path(path)
    if target.exists():
        raise click.ClickException(f"{target} exists; choose a new file.")
    source = sqlite3.connect(url.database)
    try:
        dest = sqlite3.connect(target)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    click.echo(f"Backed up {url.database} to {target}.")


from .cli_checkin import issue_scanner_token  # noqa: E402
from .cli_tracks import remind_tracks  # noqa: E402

COMMANDS = [seed_demo, create_admin, backup, send_reminders, purge_personal_data, issue_scanner_token]
COMMANDS += [remind_tracks]
COMMANDS += [outbox, worker, dev]


def register_commands(app) -> None:
    for command in COMMANDS:
        app.cli.add_command(command)
