"""Answer a screen's poll "is the show still at version N?" before Flask sees the request.

Every open screen (stage, jurors' phones, founders, the event page) asks about once a second with
``If-None-Match``. When the version is unchanged, this answers 304 from the shared store (Redis, or the process's
copy of the database row, see ``services/live/channel``) without sessions, routing, a log line or the database;
anything else falls through to the guarded route, which builds the new state once per version and process.
The 304 tells nothing but "unchanged", so it needs no permission check.
"""

import re
import time

from ...services.live import channel

STATE_PATH = re.compile(r"^/events/(\d{1,9})/live/state$")


def etag(event_id: int, version: int) -> str:
    return f'"live-{event_id}-{version}"'


def server_now_header() -> tuple[str, str]:
    """The server's clock in epoch milliseconds: screens correct their own clock by it (``static/js/live.js``)."""
    return "X-Server-Now", str(int(time.time() * 1000))


class PollShortcut:
    def __init__(self, app, flask_app):
        self.app = app
        self.config = flask_app.config
        self.flask_app = flask_app
        self.engine = None

    def __call__(self, environ, start_response):
        tag = environ.get("HTTP_IF_NONE_MATCH")
        if tag and environ.get("REQUEST_METHOD") == "GET":
            match = STATE_PATH.match(environ.get("PATH_INFO", ""))
            if match:
                event_id = int(match.group(1))
                version = channel.current_version(event_id, self.config, self._engine())
                if version is not None and tag == etag(event_id, version):
                    start_response("304 Not Modified", [
                        ("ETag", tag), ("Cache-Control", "no-cache"), server_now_header(),
                        ("X-Accel-Buffering", "no")])
                    return [b""]
        return self.app(environ, start_response)

    def _engine(self):
        if self.engine is None:
            from ...extensions import db

            with self.flask_app.app_context():
                self.engine = db.engine
        return self.engine


def mount(app) -> None:
    app.wsgi_app = PollShortcut(app.wsgi_app, app)
