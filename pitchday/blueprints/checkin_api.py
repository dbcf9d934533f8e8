"""The check-in API for scanning apps: bearer token per device, JSON in and out, described by OpenAPI.

CSRF protection is for browsers carrying cookies; this blueprint authenticates by a header a browser never
sends by itself, so it alone is exempt.
"""

from flask import Blueprint, jsonify, request, url_for
from flask_babel import gettext as _

from ..database import set_write_intent, write_intent
from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..permissions import guard
from ..services import checkin, checkin_staff
from ..services.checkin_openapi import openapi_document

bp = Blueprint("checkin_api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)
# No per-address rate limit: all door phones of a venue often share one address, and each call needs a token.
limiter.exempt(bp)


@bp.before_request
def _reads_first():
    """Scans start with reads (token, ticket) that need no write lock; ``create_checkin`` writes explicitly."""
    set_write_intent(False)


def load_device(event_id: int):
    """The scanning device named by the Authorization header; 401 or 403 (as JSON) otherwise."""
    return checkin_staff.authenticate(request.headers.get("Authorization"), event_id)


def _body() -> tuple[str, str | None, object]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise DomainError(_("The body must be a JSON object."), code="bad_request", status=400)
    secret, nonce = data.get("secret"), data.get("nonce")
    if not isinstance(secret, str) or not secret.strip() or len(secret) > 500:
        raise DomainError(_("“secret” must be the ticket code as text."), code="bad_request", status=400,
                          field="secret")
    if nonce is not None and (not isinstance(nonce, str) or not 0 < len(nonce) <= 64):
        raise DomainError(_("“nonce” must be a text of at most 64 characters."), code="bad_request", status=400,
                          field="nonce")
    return checkin.normalise_code(secret), nonce, checkin.parse_scanned_at(data.get("scanned_at"))


@bp.post("/events/<int:event_id>/checkins")
@guard("checkin.device", device=load_device)
def create_checkin(device):
    # No event query: a valid device token of this event (the loader checks it) proves the event exists.
    secret, nonce, scanned_at = _body()
    ticket = checkin.find_ticket(secret)
    if db.session.get_bind().dialect.name == "sqlite":
        # Reads done: end their transaction, so the write transaction (SQLite's database-wide write lock, which
        # every other door waits for) covers only the conditional inserts. PostgreSQL locks rows, not the file.
        db.session.rollback()
    with write_intent():
        answer = checkin.record_scan(device.event_id, ticket, device=device, nonce=nonce, scanned_at=scanned_at)
        db.session.commit()
    response = jsonify(answer.body)
    if answer.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response, answer.http_status


@bp.get("/openapi.json")
@guard("public")
def openapi():
    return jsonify(openapi_document(server=request.host_url.rstrip("/") + url_for("checkin_api.openapi")
                                    .removesuffix("/openapi.json")))
