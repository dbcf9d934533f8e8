"""Demo data for `flask seed-demo`: each area adds its own module to SEEDERS, in dependency order."""

from ..extensions import db
from . import applications as applications_demo
from . import checkin, events, foundation, jury, matchmaking, registrations
from . import challenges as challenges_demo
from . import jury_pool, tracks
from . import showcase as showcase_demo
from . import vote as vote_demo
from . import live as live_demo

SEEDERS = [foundation, events]
SEEDERS += [applications_demo]  # after events: uses each camp's pitch day
SEEDERS += [registrations]
SEEDERS += [checkin]  # after registrations: door staff and some check-ins at the demo pitch day
SEEDERS += [jury]  # after applications: scores the demo pitch day's running order
SEEDERS += [matchmaking]  # last: meetings between the demo pitch day's startups and attendees
SEEDERS += [vote_demo]  # after check-in and matchmaking: an open audience vote with some votes
SEEDERS += [showcase_demo]  # after every area that makes startups: who opted in, last summer's winners
SEEDERS += [challenges_demo]  # after the showcase: companies' challenges, answered by demo startups
SEEDERS += [jury_pool]  # after the jury and the showcase: pool profiles, loads and a stake carried over
SEEDERS += [tracks]  # last: follow-up tracks at every stage, for the impact report
SEEDERS += [live_demo]  # after the jury and the vote: the demo pitch day ready to run live (a rehearsal)


def seed_all() -> None:
    for module in SEEDERS:
        module.seed()
        db.session.commit()


def print_logins(echo) -> None:
    echo("")
    echo(f"Demo logins (password for all: {foundation.DEMO_PASSWORD})")
    for module in SEEDERS:
        for role, email in getattr(module, "LOGINS", []):
            echo(f"  {role:<34} {email}")
    echo(f"The hub admin also types a two-step code: add the key {foundation.DEMO_TOTP_SECRET} to an authenticator "
         "app, or run: .venv/bin/python -m pitchday.demo.totp")
    echo("")
