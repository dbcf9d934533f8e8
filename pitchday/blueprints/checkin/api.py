"""The check-in API for scanning apps: bearer token per device, JSON in and out, described by OpenAPI.

Served by the device API app (``device_api``): no session, no CSRF (a browser never sends the bearer token by
itself), no per-address rate limit (all door phones of a venue often share one address; each call needs a token).
"""

from datetime import datetime
from typing import NamedTuple

from flask import Blueprint, g, jsonify, request, url_for
from flask_babel import gettext as _

from ...database import checkpoint_sqlite, queue_for_sqlite_writes, sqlite_checkpoint_due
from ...driver_sql import DriverConnection
from ...errors import DomainError
from ...extensions import current_engine
from ...permissions import guard
from ...services.checkin import scan as checkin
from ...services.checkin import staff as checkin_staff
from ...services.checkin.openapi import openapi_document

bp = Blueprint("checkin_api", __name__)  # mounted under device_api.PREFIX by the device API app


def scan_connection() -> DriverConnection:
    """This request's database connection. A scan is one read and one write on the driver, not through the ORM
    session: it builds no objects, and SQLAlchemy's execution layer cost more CPU than the SQL (``driver_sql``)."""
    if "scan_connection" not in g:
        conn = current_engine().connect()
        if conn.dialect.name == "postgresql":
            # Each statement of a scan is atomic by itself (see checkin.record_scan): no BEGIN or COMMIT needed,
            # two round trips fewer. SQLite needs a real transaction for its two inserts and keeps it.
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        g.scan_connection = DriverConnection(conn)
    return g.scan_connection


@bp.teardown_request
def _close_scan_connection(_exc):
    conn = g.pop("scan_connection", None)
    if conn is not None:
        conn.connection.close()


class ScanRequest(NamedTuple):
    device: checkin.Device
    ticket: checkin.Ticket | None
    earlier: checkin.Earlier | None
    nonce: str | None
    scanned_at: datetime | None


def load_scan(event_id: int) -> ScanRequest:
    """The scanning device (401/403 as JSON unless its token may scan at this event) and the scanned ticket.

    A scan is the one request a queue at the door waits on, so the device and the ticket are read together.
    """
    token = checkin_staff.bearer_token(request.headers.get("Authorization"))  # 401 before the body is read
    secret, nonce, scanned_at = _body()
    # Outside the write transaction, so that on SQLite the write lock (which every other door waits for) covers
    # only the inserts.
    device, ticket, earlier = checkin.device_and_ticket(scan_connection(), token, event_id, secret)
    return ScanRequest(device, ticket, earlier, nonce, scanned_at)


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
                                    scanned_at=scan.scanned_at, earlier=scan.earlier)
    conn = scan_connection()
    with queue_for_sqlite_writes(conn.connection), conn.write_transaction():
        answer = checkin.record_scan(prepared, conn=conn)
    response = jsonify(answer.body)
    if answer.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    if sqlite_checkpoint_due():
        engine = conn.connection.engine
        response.call_on_close(lambda: checkpoint_sqlite(engine))  # once the answer is out, not while it waits
    return response, answer.http_status


@bp.get("/openapi.json")
@guard("checkin.api_description")
def openapi():
    return jsonify(openapi_document(server=request.host_url.rstrip("/") + url_for("checkin_api.openapi")
                                    .removesuffix("/openapi.json")))
