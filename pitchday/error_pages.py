"""Error pages in the site's layout and both languages; JSON errors for JSON routes."""

import contextlib
import logging

from flask import g, jsonify, make_response, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, InternalServerError, MethodNotAllowed

from .errors import DomainError
from .extensions import db
from .permissions import core

log = logging.getLogger(__name__)

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Please check what you entered.")),
    401: (_l("Please log in"), _l("You need to log in to see this page.")),
    403: (_l("Access denied"), _l("You are not allowed to see or change this.")),
    404: (_l("Not found"), _l("This page does not exist (any more).")),
    405: (_l("Not allowed"), _l("This action is not possible here.")),
    409: (_l("Conflict"), _l("This could not be done because something changed in the meantime.")),
    410: (_l("Gone"), _l("This is no longer available.")),
    413: (_l("File too large"), _l("The upload is too large. Please choose a smaller file.")),
    422: (_l("Invalid"), _l("The data could not be processed.")),
    429: (_l("Too many attempts"), _l("Too many attempts in a short time. Please wait a few minutes and try "
                                      "again.")),
    500: (_l("Something went wrong"), _l("An unexpected error occurred. It has been logged; please try again "
                                         "later.")),
    503: (_l("Unavailable"), _l("The service is temporarily unavailable.")),
}

JSON_STATUS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
               409: "conflict", 410: "gone", 413: "too_large", 422: "invalid", 429: "rate_limited",
               500: "server_error", 503: "unavailable"}


# Seconds a client should wait before trying again while the database is unreachable.
RETRY_AFTER = 30


def respond(status: int, message: str | None = None, *, code: str | None = None, details: dict | None = None,
            refusal: core.Refusal | None = None):
    title, default_message = MESSAGES.get(status, MESSAGES[500])
    message = message or str(default_message)
    if core.wants_json():
        body = {"status": code or JSON_STATUS.get(status, "error"), "message": str(message), **(details or {})}
        return jsonify(body), status
    return render_template("errors/error.html", status=status, title=title, message=message,
                           refusal=refusal), status


def init_app(app, *, orm_session: bool = True) -> None:
    """Error handlers for ``app``; ``orm_session=False`` for the device API, which uses no ORM session."""

    def rollback():
        if orm_session:
            db.session.rollback()

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        if isinstance(exc, CSRFError):
            return respond(400, str(_l("The form has expired or was sent from elsewhere. Please reload the page "
                                      "and try again.")), code="csrf_failed")
        if exc.code == 429:
            return respond(429)
        if isinstance(exc, core.Refused) and exc.refusal:
            return respond(403, str(exc.refusal.reason), code="forbidden", refusal=exc.refusal)
        body, status = respond(exc.code or 500)
        response = make_response(body, status)
        if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(exc.valid_methods))  # RFC 9110: say what is allowed
        return response

    @app.errorhandler(DomainError)
    def _domain_error(exc: DomainError):
        rollback()
        return respond(exc.status, exc.message, code=exc.code, details=exc.details)

    @app.errorhandler(sa_exc.DBAPIError)
    @app.errorhandler(sa_exc.TimeoutError)
    def _database_error(exc):
        """The database is down or unreachable: every page says so (503, try again shortly), not a 500."""
        if isinstance(exc, sa_exc.DataError):
            # The database refused a value (a number beyond its column, a NUL byte) that no check before it
            # caught: the request's data is at fault, so a 400, logged so that the missing check gets added.
            log.warning("database refused the request's data: %s", getattr(exc, "orig", None) or exc)
            with contextlib.suppress(sa_exc.SQLAlchemyError):
                rollback()
            return respond(400)
        if not database_unavailable(exc):
            return _server_error(InternalServerError(original_exception=exc))
        log.warning("database unavailable: %s", getattr(exc, "orig", None) or exc)
        with contextlib.suppress(sa_exc.SQLAlchemyError):  # the connection is gone; the pool makes a new one later
            rollback()
        _forget_the_user()
        response = _unavailable_response()
        response.headers["Retry-After"] = str(RETRY_AFTER)
        return response

    @app.errorhandler(InternalServerError)
    def _server_error(exc):
        rollback()
        original = getattr(exc, "original_exception", None)
        if original is not None:
            log.error("unhandled error", exc_info=original)
        return respond(500)


def database_unavailable(exc) -> bool:
    """An error that says the database cannot be reached now (refused, gone, locked, pool exhausted), as against
    one in the statement, which stays a 500."""
    if isinstance(exc, sa_exc.TimeoutError | sa_exc.OperationalError):
        return True
    return isinstance(exc, sa_exc.DBAPIError) and bool(exc.connection_invalidated)


def _forget_the_user() -> None:
    # The page's header asks who is logged in, which would query the database again and fail: show it to an
    # anonymous visitor (in the language of their cookie or browser), which needs no query.
    from .extensions import login_manager

    g._login_user = login_manager.anonymous_user()


def _unavailable_response():
    message = str(_l("The database cannot be reached at the moment. Please try again in a minute."))
    try:
        body, status = respond(503, message, code="unavailable")
    except sa_exc.SQLAlchemyError:  # something on the page still needed the database: a page without the layout
        body, status = f"<!doctype html><title>503</title><h1>503</h1><p>{message}</p>", 503
    return make_response(body, status)
