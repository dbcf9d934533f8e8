"""The check-in API for scanning apps: bearer token per device, JSON in and out, described by OpenAPI.

CSRF protection is for browsers carrying cookies; this blueprint authenticates by a header a browser never
sends by itself, so it alone is exempt.
"""

from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask import Blueprint, g, jsonify, request, url_for
from flask_babel import gettext as _

from ..database import queue_for_sqlite_writes, set_write_intent, write_intent
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


def scan_connection() -> sa.Connection:
    """This request's database connection. A scan is one read and one write, on a plain connection rather than
    the ORM session: it builds no objects, and the session's transaction bookkeeping cost more than the SQL."""
    if "scan_connection" not in g:
        conn = db.engine.connect()
        if conn.dialect.name == "postgresql":
            # Each statement of a scan is atomic by itself (see checkin.record_scan): no BEGIN or COMMIT needed,
            # two round trips fewer. SQLite needs a real transaction for its two inserts and keeps it.
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        g.scan_connection = conn
    return g.scan_connection


@bp.teardown_request
def _close_scan_connection(_exc):
    conn = g.pop("scan_connection", None)
    if conn is not None:
        conn.close()


class ScanRequest(NamedTuple):
    device: checkin.Device
    ticket: checkin.Ticket | None
    nonce: str | None
    scanned_at: datetime | None


def load_scan(event_id: int) -> ScanRequest:
    """The scanning device (401/403 as JSON unless its token may scan at this event) and the scanned ticket.

    A scan is the one request a queue at the door waits on, so the device and the ticket are read together.
    """
    token = checkin_staff.bearer_token(request.headers.get("Authorization"))  # 401 before the body is read
    secret, nonce, scanned_at = _body()
    conn = scan_connection()
    # Its own transaction, ended before the write, so that on SQLite the write lock (which every other door
    # waits for) covers only the inserts.
    with conn.begin():
        device, ticket = checkin.device_and_ticket(conn, token, event_id, secret)
    return ScanRequest(device, ticket, nonce, scanned_at)


def _body() -> tuple[str, str | None, datetime | None]:
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
@guard("checkin.device", scan=load_scan)
def create_checkin(scan: ScanRequest):
    # No event query: a valid device token of this event (the loader checks it) proves the event exists.
    prepared = checkin.prepare_scan(scan.device.event_id, scan.ticket, device=scan.device, nonce=scan.nonce,
                                    scanned_at=scan.scanned_at)
    conn = scan_connection()
    with queue_for_sqlite_writes(conn), write_intent(), conn.begin():
        answer = checkin.record_scan(prepared, conn=conn)
    response = jsonify(answer.body)
    if answer.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response, answer.http_status


@bp.get("/openapi.json")
@guard("public")
def openapi():
    return jsonify(openapi_document(server=request.host_url.rstrip("/") + url_for("checkin_api.openapi")
                                    .removesuffix("/openapi.json")))
