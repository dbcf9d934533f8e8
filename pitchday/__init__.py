"""pitchday: events and pitch days of a regional startup hub."""

import os
from pathlib import Path

from flask import Flask, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as settings
from .database import ping_idle_connections, set_write_intent
from .extensions import babel, csrf, db, limiter, login_manager, migrate

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")

def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: defaults, then instance/config.py, then PITCHDAY_* variables, then ``overrides``."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(settings.defaults())
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_mapping(settings.from_environment())
    app.config.from_mapping(overrides or {})
    settings.finish(app.config, app.instance_path)

    _init_extensions(app)
    _init_request_hooks(app)

    from . import error_pages, i18n, observability, request_guard, security_headers, tasks
    from .blueprints import register_blueprints
    from .cli import register_commands

    request_guard.init_app(app)
    i18n.init_app(app)
    observability.init_app(app)
    security_headers.init_app(app)
    error_pages.init_app(app)
    register_blueprints(app)
    register_commands(app)
    tasks.init_app(app)
    _mount_device_api(app)
    return app


def _mount_device_api(app: Flask) -> None:
    """The scanning devices' API beside the site, both behind the proxy's headers when there is one."""
    from .device_api import Mount, create_device_api, url

    app.extensions["pitchday.device_api"] = api = create_device_api(app)
    app.jinja_env.globals["api_url"] = lambda endpoint, **values: url(api, endpoint, **values)
    app.wsgi_app = Mount(app.wsgi_app, api)
    if app.config["PROXY_COUNT"]:
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)


def _init_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (the schema must be known before migrations or queries run)
    from .i18n import select_locale
    from .services.accounts.session import load_user

    db.init_app(app)
    with app.app_context():
        ping_idle_connections(db.engine)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True, compare_type=True)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    from . import caching
    from .services.cache import versions  # noqa: F401  (its session hooks move the cache's version counters)

    caching.init_app(app)


def _init_request_hooks(app: Flask) -> None:
    @app.before_request
    def _declare_write_intent():
        view = app.view_functions.get(request.endpoint)
        set_write_intent(request.method not in ("GET", "HEAD", "OPTIONS")
                         and not getattr(view, "writes_in_blocks", False))
        g.declared_write_intent = True

    @app.teardown_request
    def _clear_write_intent(_exc):
        # Only after a real request: a request context pushed to render a mail outside one (the worker, a
        # command, a test) must not switch off the write intent of the code around it.
        if g.pop("declared_write_intent", False):
            set_write_intent(False)
