"""Answer a screen's poll "is the show still at version N?" before Flask sees the request.

Every open screen (stage, jurors' phones, founders, the event page) asks about once a second with
``If-None-Match``. When the version is unchanged, this answers 304 from the shared store (Redis, or the process's
copy of the database row, see ``services/live/channel``) without sessions, routing, a log line or the database.
When the show has moved and some process has already built the new state of a public event, its bytes are
handed out from the same store; anything else (the first screen to ask, a draft event's state) falls through to the
guarded route. The 304 tells nothing but "unchanged", and the bodies
kept are only those of public events, which anyone may read, so neither needs a permission check.
"""

import re
import threading
import time

from ...services.live import channel, waiting

STATE_PATH = re.compile(r"^/events/(\d{1,9})/live/state$")


def etag(event_id: int, version: int) -> str:
    return f'"live-{event_id}-{version}"'


def next_poll_header(held: bool) -> tuple[str, str]:
    """When the screen should ask again, in ms: at once after a held poll, else in a second (static/js/live.js)."""
    return "X-Live-Next-Poll", "0" if held else "1000"


def server_now_header() -> tuple[str, str]:
    """The server's clock in epoch milliseconds: screens correct their own clock by it (``static/js/live.js``)."""
    return "X-Server-Now", str(int(time.time() * 1000))


class PollShortcut:
    def __init__(self, app, flask_app):
        self.app = app
        self.config = flask_app.config
        self.flask_app = flask_app
        self.engine = None
        self._locks: dict[int, threading.Lock] = {}
        self._locks_lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "GET":
            match = STATE_PATH.match(environ.get("PATH_INFO", ""))
            if match:
                event_id = int(match.group(1))
                version = channel.current_version(event_id, self.config, self._engine())
                if version is not None:
                    hold = self._can_hold(environ)
                    if hold and environ.get("HTTP_IF_NONE_MATCH") == etag(event_id, version):
                        waiting.wait_for_change(event_id, version, self._read_version)
                        version = channel.current_version(event_id, self.config, self._engine())
                    tag = etag(event_id, version)
                    headers = [("ETag", tag), ("Cache-Control", "no-cache"), server_now_header(),
                               ("Vary", "Cookie"), next_poll_header(hold)]
                    if environ.get("HTTP_IF_NONE_MATCH") == tag:
                        start_response("304 Not Modified", headers)
                        return [b""]
                    body = channel.body_for(event_id, version, self.config)
                    if body is None:
                        # The show just moved and this process has not built the new state yet: one request
                        # builds it (the route stores it), the others woken with it wait here and share it.
                        with self._builder(event_id):
                            body = channel.body_for(event_id, version, self.config)
                            if body is None:
                                return list(self.app(environ, start_response))
                    start_response("200 OK", [*headers, ("Content-Type", "application/json"),
                                              ("Content-Length", str(len(body)))])
                    return [body]
        return self.app(environ, start_response)

    def _builder(self, event_id: int) -> threading.Lock:
        with self._locks_lock:
            return self._locks.setdefault(event_id, threading.Lock())

    def _can_hold(self, environ) -> bool:
        """Only where a held request does not hold up others, and only so many per process."""
        return (bool(environ.get("wsgi.multithread")) and "wait=1" in environ.get("QUERY_STRING", "")
                and waiting.held() < waiting.hold_limit(self.config["LIVE_HELD_POLLS"]))

    def _read_version(self, event_id: int):
        return channel.fresh_version(event_id, self.config, self._engine())

    def _engine(self):
        if self.engine is None:
            from ...extensions import db

            with self.flask_app.app_context():
                self.engine = db.engine
        return self.engine


def mount(app) -> None:
    app.wsgi_app = PollShortcut(app.wsgi_app, app)
