"""Every blueprint of the app, listed in one place. HTTP in, HTTP out: domain rules live in services."""

from flask import has_request_context

from ..labels import role_label
from ..sectors import sector_label
from ..services.accounts.account import external_url
# Areas join the shared extension points (an event's audience, personal calendars, dashboard figures) when
# their hooks module is imported; nothing else imports these two, so they are imported here, once.
from ..services.applications import hooks as application_hooks  # noqa: F401
from ..services.registrations import hooks as registration_hooks  # noqa: F401
from ..services.audit import retention as audit_retention  # noqa: F401  (joins purge-personal-data)
from ..services.outbox import retention as outbox_retention  # noqa: F401  (joins purge-personal-data)
from . import account, admin, audit, auth, camps, impact, main, outbox, showcase, startups, two_step
from .challenges import board as challenge_board, company as companies
from .tracks import links as track_links, report as track_report, startup as startup_tracks
from .applications import founder as application_founder, manage as call_setup, review as application_review
from .checkin import admin as checkin_admin, door
from .events import dashboard, manage as event_manage, public as event_pages
from .jury import admin as jury_admin, pool as jury_pool, results as jury_results, scoring as jury_scoring
from .matchmaking import organiser as matchmaking_organiser, requests as meeting_requests
from .registrations import admin as registrations_admin, attendee
from .vote import admin as vote_admin, ballot
from .live import control as live_control, poll as live_poll, screens as live_screens

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
BLUEPRINTS += [live_control.bp, live_screens.bp, live_screens.stage_bp]
BLUEPRINTS += [audit.bp]
BLUEPRINTS += [outbox.bp]  # the mail log and decision mails (issue 15)

def register_blueprints(app) -> None:
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
    live_poll.mount(app)  # screens' polls answered before Flask (docs/live.md)

    @app.context_processor
    def _navigation():
        from ..permissions import can
        from ..permissions.navigation import NOBODY, navigation

        if not has_request_context():  # e-mails rendered by the CLI have no visitor
            return {"navigation": NOBODY, "can": lambda *args, **kwargs: False}
        return {"navigation": navigation(app.view_functions), "can": can}

    app.jinja_env.globals.update(
        has_endpoint=lambda endpoint: endpoint in app.view_functions,
        external_url=external_url,
        sector_label=sector_label,
        role_label=role_label,
    )
