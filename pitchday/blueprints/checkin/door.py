"""The door: the scanner page and the JSON it talks to (session and CSRF header, not a bearer token)."""

from flask import Blueprint, Response, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ...errors import DomainError
from ...extensions import db
from ...forms.checkin import CodeForm
from ...permissions import can, guard
from ...permissions.checkin import is_staff
from ...services.accounts import role_links
from ...services.checkin import lists as checkin_lists
from ...services.checkin import scan as checkin
from ...services.checkin import ticket_list
from ...services.events.counts import register as register_count
from ...services.events.lookup import load_event
from ...services.impact import report as impact
from ..events.panels import register_event_panel

bp = Blueprint("checkin", __name__, url_prefix="/events/<int:event_id>/checkin")

role_links.register_scope("checkin_staff", lambda user, event_id: is_staff(user, _EventRef(event_id)),
                          "checkin.scanner")
register_count("checkins", _l("Checked in"), checkin.count_by_event)
impact.register_figure("checkins", _l("Check-ins"), checkin.count_attended)


def _panel(event):
    """The event page's check-in section, for door staff and organisers only."""
    if not can("checkin.scan", event=event):
        return None
    return {"event": event, "counts": checkin.counts(event), "manage": can("checkin.manage", event=event)}


register_event_panel("checkin/_panel.html", _panel, order=80, personal=True)


class _EventRef:
    """Just the id, which is all the staff check needs (no query for the event)."""

    def __init__(self, event_id: int):
        self.id = event_id


def _read_scan() -> tuple[str, str | None, object]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("secret"), str) or not data["secret"].strip():
        raise DomainError(_("Send a JSON body with the ticket code in “secret”."), code="bad_request", status=400)
    nonce = data.get("nonce")
    if nonce is not None and (not isinstance(nonce, str) or not 0 < len(nonce) <= 64):
        raise DomainError(_("“nonce” must be a text of at most 64 characters."), code="bad_request", status=400)
    return checkin.normalise_code(data["secret"]), nonce, checkin.parse_scanned_at(data.get("scanned_at"))


@bp.get("/")
@guard("checkin.scan", event=load_event)
def scanner(event):
    return render_template("checkin/scanner.html", event=event, form=CodeForm(), counts=checkin.counts(event),
                           camera_off=request.args.get("camera") == "0")


@bp.post("/scan")
@guard("checkin.scan", event=load_event)
def scan(event):
    """JSON from the scanner script, or the plain code form when scripts are off."""
    if request.is_json:
        secret, nonce, scanned_at = _read_scan()
        answer = checkin.check_in(event.id, secret, device=checkin.staff_device(event, current_user), nonce=nonce,
                                  scanned_at=scanned_at)
        db.session.commit()
        return jsonify({**answer.body, "counts": checkin.counts(event)}), answer.http_status
    form = CodeForm()
    answer = None
    if form.validate_on_submit():
        answer = checkin.check_in(event.id, checkin.normalise_code(form.code.data),
                                  device=checkin.staff_device(event, current_user), nonce=form.nonce.data or None)
        db.session.commit()
        form = CodeForm(formdata=None)
    return render_template("checkin/scanner.html", event=event, form=form, counts=checkin.counts(event),
                           answer=answer, camera_off=True), (answer.http_status if answer else 400)


@bp.post("/registrations/<int:registration_id>/checkin")
@guard("checkin.scan", event=load_event)
def check_in_found(event, registration_id):
    """Check in someone found by name or e-mail: the same path as a scan of their ticket."""
    secret = checkin_lists.secret_of(event, registration_id)
    if secret is None:
        return jsonify({"status": "unknown_ticket", "message": _("Unknown ticket.")}), 404
    data = request.get_json(silent=True) or {}
    nonce = data.get("nonce") if isinstance(data.get("nonce"), str) else None
    answer = checkin.check_in(event.id, secret, device=checkin.staff_device(event, current_user), nonce=nonce)
    db.session.commit()
    return jsonify({**answer.body, "counts": checkin.counts(event)}), answer.http_status


@bp.post("/registrations/<int:registration_id>/undo")
@guard("checkin.scan", event=load_event)
def undo(event, registration_id):
    registration = checkin.undo(event, registration_id, device=checkin.staff_device(event, current_user))
    db.session.commit()
    return jsonify({"status": "undone", "message": _("Check-in of %(name)s undone.", name=registration.name),
                    "counts": checkin.counts(event)})


@bp.get("/search")
@guard("checkin.scan", event=load_event)
def search(event):
    return jsonify({"status": "ok", "results": checkin_lists.search(event, request.args.get("q", ""))})


@bp.get("/tickets")
@guard("checkin.scan", event=load_event)
def tickets(event):
    """The offline list: hashes of secrets, names, types and states; never the secrets or e-mails. With the
    ETag of the device's list a 304; with ``since`` (the ``synced_at`` of its last answer) only what changed."""
    list_version = ticket_list.version(event)
    since = ticket_list.parse_since(request.args.get("since"))
    etag = f"{list_version}-{'delta' if since else 'full'}"
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        extra = {"status": "ok", "event_id": event.id, "synced_at": ticket_list.synced_at(),
                 "counts": checkin.counts(event)}
        body = (ticket_list.delta_body(event, list_version, since, extra) if since
                else ticket_list.full_body(event, list_version, extra))
        response = Response(body, mimetype="application/json")
    response.set_etag(etag)
    # Kept by the browser but asked again each time; it names people, so never in a shared cache.
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.get("/counts")
@guard("checkin.scan", event=load_event)
def counts(event):
    # A fresh CSRF token with every poll: the scanner page stays open all evening, longer than a token lives.
    response = jsonify({"status": "ok", **checkin.counts(event), "csrf": generate_csrf()})
    response.headers["Cache-Control"] = "no-store"
    return response
