"""Every blueprint of the app, listed in one place. HTTP in, HTTP out: domain rules live in services."""

from flask_babel import lazy_gettext as _l

from ..labels import role_label
from ..sectors import sector_label
from ..services.accounts import external_url
from . import account, admin, auth, camps, checkin, checkin_admin, checkin_api, main

BLUEPRINTS = [main.bp, auth.bp, account.bp, camps.bp, admin.bp, checkin.bp, checkin_admin.bp, checkin_api.bp]

# Navigation: (endpoint, label, rule). Entries whose endpoint is not registered are left out, so an area
# appears in the menu as soon as its blueprint is listed above.
NAVIGATION = [
    ("events.index", _l("Events"), "public"),
    ("camps.index", _l("Camps"), "public"),
    ("startups.mine", _l("My startups"), "authenticated"),
    ("organiser.dashboard", _l("Organise"), "organiser_area"),
    ("admin.index", _l("Admin"), "hub_admin"),
]


def register_blueprints(app) -> None:
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)

    @app.context_processor
    def _navigation():
        from ..permissions import can

        items = [(endpoint, label) for endpoint, label, rule in NAVIGATION
                 if endpoint in app.view_functions and can(rule)]
        return {"navigation": items, "can": can}

    app.jinja_env.globals.update(
        has_endpoint=lambda endpoint: endpoint in app.view_functions,
        external_url=external_url,
        sector_label=sector_label,
        role_label=role_label,
    )
