"""Logs on stderr, one line per request with a request id, and nothing personal beyond what is needed."""

import logging
import secrets
import sys
import time

from flask import g, request

log = logging.getLogger("pitchday.request")


def configure_logging(level: str) -> None:
    root = logging.getLogger("pitchday")
    if not any(getattr(h, "_pitchday", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        handler._pitchday = True
        root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False


def init_app(app) -> None:
    configure_logging(app.config["LOG_LEVEL"])

    @app.before_request
    def _start():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if 0 < len(incoming) <= 64 and incoming.isprintable() else secrets.token_hex(8)
        g.request_started = time.perf_counter()

    @app.after_request
    def _finish(response):
        elapsed = (time.perf_counter() - g.get("request_started", time.perf_counter())) * 1000
        response.headers["X-Request-ID"] = g.get("request_id", "-")
        # The path's secret parts (tickets, feed tokens) stay out of the log: only the route's rule is logged.
        route = request.url_rule.rule if request.url_rule else "-"
        log.info("rid=%s %s %s status=%s %.1fms", g.get("request_id", "-"), request.method, route,
                 response.status_code, elapsed)
        return response
