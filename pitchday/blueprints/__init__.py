"""Every blueprint of the app, listed in one place. HTTP in, HTTP out: domain rules live in services."""

from flask import has_request_context
from flask_babel import lazy_gettext as _l

from ..labels import role_label
from ..sectors import sector_label
from ..services.accounts import external_url
from . import account, admin, auth, camps, main
from . import applications, applications_founder, applications_manage, applications_startups
from . import checkin, checkin_admin
from . import events, events_manage, events_organiser
from . import impact, matchmaking, matchmaking_organiser
from . import jury, jury_admin, jury_results
from . import registrations, registrations_admin
from . import vote, vote_admin

BLUEPRINTS = [main.bp, auth.bp, account.bp, camps.bp, admin.bp]
BLUEPRINTS += [events.bp, events_manage.bp, events_organiser.bp]
BLUEPRINTS += [applications_startups.bp, applications_founder.bp, applications.bp, applications_manage.bp]
BLUEPRINTS += [registrations.bp, registrations_admin.bp]
BLUEPRINTS += [checkin.bp, checkin_admin.bp]  # checkin_api: the device API app (device_api.py)
BLUEPRINTS += [jury.bp, jury_admin.bp, jury_results.bp]
BLUEPRINTS += [matchmaking.bp, matchmaking_organiser.bp, impact.bp]
BLUEPRINTS += [vote.bp, vote_admin.bp]

# Navigation: (endpoint, label, rule). Entries whose endpoint is not registered are left out, so an area
# appears in the menu as soon as its blueprint is listed above.
NAVIGATION = [
    ("events.index", _l("Events"), "public"),
    ("camps.index", _l("Camps"), "public"),
    ("startups.mine", _l("My startups"), "authenticated"),
    ("organiser.dashboard", _l("Organise"), "organiser_area"),
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
