"""What every open screen reads: the show's state (JSON, conditional on its version), the audience vote's QR
code, the stage screen behind its secret link, and the "on in about N minutes" of the event page and the
founders' application pages."""

from flask import Blueprint, Response, abort, current_app, render_template, request

from ...database import utcnow
from ...models import EventStatus
from ...permissions import can, guard
from ...sectors import SECTORS
from ...services.events.lookup import load_event
from ...services.live import channel, timing
from ...services.live import staff as live_staff
from ...services.live import view as live_view
from ...services.registrations.tickets import qr_svg
from ..events.panels import register_event_panel
from .poll import etag, next_poll_header, server_now_header

bp = Blueprint("live_screens", __name__, url_prefix="/events/<int:event_id>/live")
stage_bp = Blueprint("live_stage", __name__)

NO_STORE = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


@bp.get("/state")
@guard("live.watch", event=load_event)
def state(event):
    """The public state; 304 when the screen already has this version (usually answered by ``poll``)."""
    version, body = live_view.public_state_bytes(event)
    if event.status != EventStatus.DRAFT:  # public: the poll shortcut may hand it to the next screens
        channel.store_body(event.id, version, body, current_app.config)
    tag = etag(event.id, version)
    headers = {"ETag": tag, **NO_STORE, "Vary": "Cookie"}
    headers.update([server_now_header(), next_poll_header(bool(request.environ.get("wsgi.multithread")))])
    if request.headers.get("If-None-Match") == tag:
        return Response(status=304, headers=headers)
    return Response(body, mimetype="application/json", headers=headers)


@bp.get("/vote-qr.svg")
@guard("live.watch", event=load_event)
def vote_qr(event):
    vote = live_view.public_state(event)["vote"]
    if vote is None:
        abort(404)
    return Response(qr_svg(vote["url"]), mimetype="image/svg+xml", headers={"Cache-Control": "no-cache"})


def load_stage(secret: str):
    return live_staff.event_by_stage_secret(secret) or abort(404)


@stage_bp.get("/live/stage/<secret>")
@guard("live.stage", event=load_stage)
def stage(event):
    """The projector: nothing but the stage (no menu, no links), readable from the back of the room."""
    secret = request.view_args["secret"] if request.view_args else ""
    response = Response(render_template("live/stage.html", event=event, state=live_view.public_state(event),
                                        secret=secret, sectors={slug: str(label) for slug, label in SECTORS.items()}))
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _panel(event):
    """The event page while the show runs: who is on stage, who is next, and when each waiting startup is due."""
    if not live_view.is_running(event) or not can("live.watch", event=event):
        return None
    public = live_view.public_state(event)
    return {"event": event, "live": public, "control": can("live.control", event=event)}


# Personal: an organiser finds the control room link in it; everyone else gets the shared, cached version.
register_event_panel("live/_panel.html", _panel, order=55, personal=True)


@bp.app_context_processor
def _on_in_helper():
    """For the founder's application page: "on in about N minutes" while the show runs."""
    def live_on_in(application):
        event = application.event
        if not live_view.is_running(event):
            return None
        public = live_view.public_state(event)
        on_stage = (public["on_stage"] or {}).get("application_id") == application.id and public["phase"] != "waiting"
        when = live_view.expected_for(event, application.id)
        if not on_stage and when is None:
            return None  # pitched already
        return {"event": event, "application": application, "minutes": timing.minutes_until(when, utcnow()),
                "on_stage": on_stage}

    return {"live_on_in": live_on_in}
