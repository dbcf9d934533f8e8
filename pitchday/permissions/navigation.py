"""What the site's header offers the visitor, decided from the rules here so templates only show it.

Each link names the rule that guards its page; a link whose endpoint is not registered is left out, so an area
appears in the header as soon as its blueprint is listed."""

from collections.abc import Container
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .core import can

# (endpoint, label, rule), in the order the header shows them.
LINKS = [
    ("events.index", _l("Events"), "public"),
    ("camps.index", _l("Camps"), "public"),
    ("showcase.index", _l("Startups"), "public"),
    ("challenges.index", _l("Challenges"), "public"),
    ("startups.mine", _l("My startups"), "authenticated"),
    ("organiser.dashboard", _l("Organise"), "organiser_area"),
    ("jury_pool.mine", _l("My jury"), "jury.pool.own"),
    ("companies.mine", _l("My companies"), "company.member"),
    ("impact.index", _l("Impact"), "impact.view"),
    ("admin.index", _l("Admin"), "hub_admin"),
]


@dataclass(frozen=True)
class Navigation:
    links: list[tuple[str, str]]  # (endpoint, label)
    account: bool  # "My account"
    log_in: bool  # "Log in" and "Sign up"
    log_out: bool  # the log-out button (also for a session opened by a juror's or door link)


NOBODY = Navigation(links=[], account=False, log_in=False, log_out=False)


def navigation(endpoints: Container[str]) -> Navigation:
    """The header's links for the current visitor, among the registered ``endpoints``."""
    signed_in = current_user.is_authenticated
    return Navigation(
        links=[(endpoint, label) for endpoint, label, rule in LINKS if endpoint in endpoints and can(rule)],
        account=can("authenticated"),
        log_in=not signed_in,
        log_out=signed_in,
    )
