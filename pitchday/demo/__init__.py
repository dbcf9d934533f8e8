"""Demo data for `flask seed-demo`: each area adds its own module to SEEDERS, in dependency order."""

from ..extensions import db
from . import checkin, foundation

SEEDERS = [foundation, checkin]  # checkin after the events and registrations seeders


def seed_all() -> None:
    for module in SEEDERS:
        module.seed()
        db.session.commit()


def print_logins(echo) -> None:
    echo("")
    echo(f"Demo logins (password for all: {foundation.DEMO_PASSWORD})")
    for module in SEEDERS:
        for role, email in getattr(module, "LOGINS", []):
            echo(f"  {role:<28} {email}")
    echo("")
