"""Every blueprint of the app, listed in one place. HTTP in, HTTP out: domain rules live in services."""

from flask import has_request_context
from flask_babel import lazy_gettext as _l

from ..labels import role_label
from ..sectors import sector_label
from ..services.accounts.account import external_url
# Areas join the shared extension points (an event's audience, personal calendars, dashboard figures) when
# their hooks module is imported; nothing else imports these two, so they are imported here, once.
from ..services.applications import hooks as application_hooks  # noqa: F401
from ..services.registrations import hooks as registration_hooks  # noqa: F401
from . import account, admin, auth, camps, impact, main, showcase, startups, two_step
from .challenges import board as challenge_board, company as companies
from .tracks import links as track_links, report as track_report, startup as startup_tracks
from .applications import founder as application_founder, manage as call_setup, review as application_review
from .checkin import admin as checkin_admin, door
from .events import dashboard, manage as event_manage, public as event_pages
from .jury import admin as jury_admin, pool as jury_pool, results as jury_results, scoring as jury_scoring
from .matchmaking import organiser as matchmaking_organiser, requests as meeting_requests
from .registrations import admin as registrations_admin, attendee
from .vote import admin as vote_admin, ballot

BLUEPRINTS = [main.bp, auth.bp, two_step.bp, account.bp, camps.bp, admin.bp]
BLUEPRINTS += [event_pages.bp, event_manage.bp, dashboard.bp]
BLUEPRINTS += [showcase.bp, startups.bp, application_founder.bp, application_review.bp, call_setup.bp]
BLUEPRINTS += [attendee.bp, registrations_admin.bp]
BLUEPRINTS += [door.bp, checkin_admin.bp]  # checkin.api: the device API app (device_api.py)
BLUEPRINTS += [jury_scoring.bp, jury_admin.bp, jury_results.bp, jury_pool.bp]
BLUEPRINTS += [meeting_requests.bp, matchmaking_organiser.bp, impact.bp]
BLUEPRINTS += [ballot.bp, vote_admin.bp]
BLUEPRINTS += [challenge_board.bp, companies.bp]
BLUEPRINTS += [track_links.bp, startup_tracks.bp, track_report.bp]

# Navigation: (endpoint, label, rule). Entries whose endpoint is not registered are left out, so an area
# appears in the menu as soon as its blueprint is listed above.
NAVIGATION = [
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


def register_blueprints(app) -> None:
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)

    @app.context_processor
    def _navigation():
        from ..permissions import can

        if not has_request_context():  # e-mails rendered by the CLI have no visitor
            return {"navigation": [], "can": lambda *args, **kwargs: False}
        items = [(endpoint, label) for endpoint, label, rule in NAVIGATION
                 if endpoint in app.view_functions and can(rule)]
        return {"navigation": items, "can": can}

    app.jinja_env.globals.update(
        has_endpoint=lambda endpoint: endpoint in app.view_functions,
        external_url=external_url,
        sector_label=sector_label,
        role_label=role_label,
    )
