"""The control room (organisers, hub admins, control-room staff by link): the running order with the startup on
stage, one-tap actions, undo, the jury's progress; and its setup (staff links, the stage link, the rehearsal)."""

import hashlib
import json

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError, Invalid
from ...extensions import db
from ...forms.live import ConfirmForm, StaffForm
from ...forms.recipe import perform, submit
from ...models import EventStatus
from ...permissions import guard
from ...permissions.live import is_live_staff
from ...services.accounts import role_links
from ...services.events.lookup import load_event
from ...services.live import channel, transitions
from ...services.live import staff as live_staff
from ...services.live import view as live_view
from .poll import server_now_header

bp = Blueprint("live", __name__, url_prefix="/events/<int:event_id>/live")

role_links.register_scope("live_staff", is_live_staff, "live.control")


def _room(event, status=200):
    room = live_view.room_state(event)
    if request.args.get("fragment") == "1":
        # The tag comes from the state, not the HTML (which carries a fresh CSRF token each time), so an
        # unchanged room is a 304 and the page is not redrawn under the organiser's thumb.
        digest = hashlib.sha256(json.dumps(room, sort_keys=True, default=str).encode()).hexdigest()[:20]
        headers = {"ETag": f'"{digest}"', "Cache-Control": "no-cache", **dict([server_now_header()])}
        if request.headers.get("If-None-Match") == headers["ETag"]:
            return "", 304, headers
        return render_template("live/_room.html", event=event, room=room), status, headers
    body = render_template("live/_room.html", event=event, room=room)
    return render_template("live/control.html", event=event, room=room, room_html=body), status


@bp.get("")
@guard("live.control", event=load_event)
def control(event):
    response = _room(event)
    db.session.commit()  # the state row is made on the first visit
    return response


def _answer(event, change, success: str):
    """JSON for the control room's script (409 with the state when another tap came first); a redirect for the
    plain form."""
    if request.is_json:
        try:
            change()
        except DomainError as error:
            db.session.rollback()
            return jsonify({**error.to_json(), "room": live_view.room_state(event)}), error.status
        db.session.commit()
        _prebuild(event)
        return jsonify({"status": "ok", "message": success, "room": live_view.room_state(event)})
    if perform(change, success=success):
        _prebuild(event)
    return redirect(url_for("live.control", event_id=event.id))


def _prebuild(event) -> None:
    """Build the new public state right after the tap and share it (process and Redis), so the screens woken by
    the change are all answered by the poll shortcut and none has to wait for a build."""
    if event.status != EventStatus.DRAFT:
        version, body = live_view.public_state_bytes(event)
        channel.store_body(event.id, version, body, current_app.config)


def _tap() -> tuple[str, int]:
    data = request.get_json(silent=True) if request.is_json else request.form
    data = data if isinstance(data, dict) or hasattr(data, "get") else {}
    action, version = data.get("action"), data.get("version")
    if not isinstance(action, str) or not 0 < len(action) <= 20:
        raise Invalid(_("Unknown action."), code="unknown_action", status=400)
    try:
        version = int(version)
    except (TypeError, ValueError):
        raise Invalid(_("The state version must be a whole number."), code="bad_version", status=400) from None
    if not 0 < version < 2**31:
        raise Invalid(_("The state version must be a whole number."), code="bad_version", status=400)
    return action, version


@bp.post("/act")
@guard("live.control", event=load_event)
def act(event):
    action, version = _tap()
    label = transitions.MOVES[action].label if action in transitions.MOVES else action
    return _answer(event, lambda: transitions.act(event, action, by=current_user, seen_version=version),
                   _("Done: %(action)s.", action=label))


@bp.post("/undo")
@guard("live.control", event=load_event)
def undo(event):
    _action, version = _tap()
    return _answer(event, lambda: transitions.undo(event, by=current_user, seen_version=version), _("Undone."))


# --- setup: staff, stage link, rehearsal (organisers only) -----------------------------------------------

def _setup_page(event, *, form=None, new_link=None, status=200):
    return render_template("live/setup.html", event=event, form=form or StaffForm(), confirm=ConfirmForm(),
                           staff=live_staff.staff_of(event), stage_link=live_staff.stage_link(event),
                           new_link=new_link), status


@bp.get("/setup")
@guard("event.manage", event=load_event)
def setup(event):
    page = _setup_page(event)
    db.session.commit()  # the stage secret is made on first view
    return page


@bp.post("/setup/staff")
@guard("event.manage", event=load_event)
def add_staff(event):
    form = StaffForm()
    if outcome := submit(form, lambda: live_staff.add(event, email=form.email.data, name=form.name.data,
                                                      by=current_user),
                         success=lambda entry: _("%(name)s may now run the show. Send them the link below.",
                                                 name=entry.user.name), error_field="email"):
        return _setup_page(event, new_link=(outcome.result.user.name, live_staff.invitation_link(outcome.result)))
    return _setup_page(event, form=form, status=400)


@bp.post("/setup/staff/<int:entry_id>/revoke")
@guard("event.manage", event=load_event)
def revoke_staff(event, entry_id):
    perform(lambda: live_staff.revoke(event, entry_id, by=current_user), success=_("The link no longer works."))
    return redirect(url_for("live.setup", event_id=event.id))


@bp.post("/setup/stage-link")
@guard("event.manage", event=load_event)
def new_stage_link(event):
    perform(lambda: live_staff.new_stage_link(event, by=current_user),
            success=_("New stage link made: the old one shows nothing any more."))
    return redirect(url_for("live.setup", event_id=event.id))


@bp.post("/rehearsal")
@guard("event.manage", event=load_event)
def rehearsal(event):
    """Start over: for a rehearsal before the show (and the demo)."""
    perform(lambda: transitions.reset(event, by=current_user),
            success=_("The show is reset: the first startup is called, nothing has started."))
    return redirect(url_for("live.control", event_id=event.id))
