"""The API for scanning devices (``/api/v1``) as a small WSGI app of its own, mounted beside the site.

Its callers are door phones and handheld scanners with a bearer token, never a browser with cookies: they have
no session, nothing to protect from cross-site requests, and no per-address rate limit (a venue's doors share
one address; every call needs a token). So this app leaves out what only a browser needs (session cookie,
Flask-Login, CSRF, Flask-Limiter) and keeps what every request needs: the site's config and database engine,
the permission rules (every route wears ``guard`` with a ``sessionless`` rule), JSON errors, both languages (from
``Accept-Language``), the request log and security headers (those meant for JSON). A door scan is the one
request a queue waits on: measured in-process, the browser machinery was a fifth of its CPU time
(docs/checkin.md, "Speed").
"""

from flask import Flask, request
from flask.sessions import SessionInterface

from .extensions import SHARED_ENGINE, babel, db

PREFIX = "/api/v1/"


class NoSessions(SessionInterface):
    """Every request is anonymous: a cookie sent anyway is neither read nor answered with a new one."""

    def open_session(self, app, request):
        return self.make_null_session(app)

    def save_session(self, app, session, response):
        return None


def create_device_api(site: Flask) -> Flask:
    """The device API app, sharing ``site``'s config object and its database engine."""
    from . import error_pages, i18n, observability, request_guard, security_headers
    from .blueprints.checkin import api as checkin_api

    api = Flask(__name__, instance_path=site.instance_path)
    api.config = site.config  # one config: a setting changed at run time (tests do) holds for both apps
    api.session_interface = NoSessions()
    api.extensions[SHARED_ENGINE] = _engine_of(site)
    babel.init_app(api, locale_selector=i18n.select_request_locale)
    observability.init_app(api)
    security_headers.init_app(api, api=True)
    error_pages.init_app(api, orm_session=False)
    request_guard.init_app(api)
    api.register_blueprint(checkin_api.bp, url_prefix=PREFIX.rstrip("/"))
    return api


def _engine_of(site: Flask):
    # One pool per process for both apps: a second engine would double the connections a worker holds.
    with site.app_context():
        return db.engine


class Mount:
    """WSGI: requests under ``/api/v1/`` go to the device API, all others to the site; paths stay as they are."""

    def __init__(self, site_wsgi, api: Flask):
        self.site_wsgi = site_wsgi
        self.api = api

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").startswith(PREFIX):
            return self.api(environ, start_response)
        return self.site_wsgi(environ, start_response)


def url(api: Flask, endpoint: str, **values) -> str:
    """A path in the device API, for the site's pages (the site's ``url_for`` knows only its own routes)."""
    adapter = api.url_map.bind("", script_name=request.script_root or "/")
    return adapter.build(endpoint, values)
