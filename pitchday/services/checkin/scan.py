"""Checking tickets in at the door: exactly once per ticket, every scan logged, a retried nonce replayed.

``check_in`` is what the scanner page and the tests call; the JSON API calls its two halves, ``prepare_scan``
and ``record_scan``, around a transaction of its own. Neither raises for a refused ticket: a refusal is an
answer too, and it is logged like an acceptance. The one decision that two doors can race on ("is this ticket
already in?") is taken by the database: an INSERT ... ON CONFLICT DO NOTHING RETURNING id on the unique
``checkins.registration_id``; whether a row came back says who won. The statements are in ``checkin_sql``.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from ...database import utcnow
from ...driver_sql import DriverConnection
from ...errors import Conflict
from ...extensions import db
from ...models import Event, Registration, RegistrationStatus, User
from ...models.checkin import CheckIn, DeviceKind, ScanLog, ScannerDevice, ScanResult
from ..registrations.labels import attendee_type_label
from . import sql
from . import staff as checkin_staff

RESULT_LABELS = {
    "checked_in": _l("Checked in"),
    "already_checked_in": _l("Already checked in"),
    "unknown_ticket": _l("Unknown ticket"),
    "other_event": _l("Ticket for another event"),
    "cancelled": _l("Ticket cancelled"),
    "waiting_list": _l("On the waiting list: no seat"),
    "undone": _l("Check-in undone"),
}

HTTP_STATUS = {
    ScanResult.CHECKED_IN: 201,
    ScanResult.ALREADY_CHECKED_IN: 409,
    ScanResult.WAITING_LIST: 409,
    ScanResult.UNKNOWN: 404,
    ScanResult.OTHER_EVENT: 422,
    ScanResult.CANCELLED: 410,
    ScanResult.UNDONE: 200,
}


@dataclass(frozen=True)
class ScanAnswer:
    http_status: int
    body: dict
    replayed: bool = False

    @property
    def ok(self) -> bool:
        return self.http_status == 201


def _person(registration: Registration) -> dict:
    return {"id": registration.id, "name": registration.name, "organisation": registration.organisation,
            "attendee_type": str(registration.attendee_type),
            "attendee_type_label": attendee_type_label(registration.attendee_type)}


def normalise_code(code: str) -> str:
    """The ticket secret in what a scanner read: the bare secret, or a link whose last part is the secret."""
    code = code.strip()
    if "/" in code:
        code = code.rstrip("/").rsplit("/", 1)[-1]
    return code[:64]


def parse_scanned_at(value) -> datetime | None:
    """When an offline scan happened, as the device says (ISO 8601 with zone); ignored when unreadable."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


class Device(NamedTuple):
    id: int
    event_id: int
    name: str
    revoked_at: datetime | None


class Ticket(NamedTuple):
    id: int
    event_id: int
    status: str
    name: str
    organisation: str
    attendee_type: str


class Earlier(NamedTuple):
    """The check-in a ticket already has: when, and at which device."""
    checked_in_at: datetime
    device_name: str | None


def device_and_ticket(conn: DriverConnection, token: str, event_id: int,
                      secret: str) -> tuple[Device, Ticket | None, Earlier | None]:
    """The scanning device with bearer ``token`` (401/403 unless it may scan at this event), the ticket ``secret``
    names (None when there is none) and its check-in if it has one, read in one query on ``conn``."""
    row = conn.execute(sql.DEVICE_AND_TICKET, {"token_hash": checkin_staff.hash_token(token), "secret": secret}).first()
    device = checkin_staff.check_device(row and Device(row.id, row.event_id, row.name, row.revoked_at), event_id)
    ticket = earlier = None
    if row.ticket_id is not None:
        ticket = Ticket(row.ticket_id, row.ticket_event_id, row.status, row.ticket_name, row.organisation,
                        row.attendee_type)
    if row.checked_in_at is not None:
        earlier = Earlier(row.checked_in_at, row.device_name)
    return device, ticket, earlier


def session_connection() -> DriverConnection:
    """The ORM session's connection, inside its transaction (the scanner page and the tests scan through it)."""
    return DriverConnection(db.session.connection())


def find_ticket(secret: str):
    """The registration holding this ticket code (id, event, state, name, organisation, type), or None."""
    return session_connection().execute(sql.TICKET_BY_SECRET, {"secret": secret}).first()


@dataclass(frozen=True)
class Scan:
    """A scan as far as it is decided before anything is written (see ``prepare_scan``)."""
    event_id: int
    registration: object  # a Ticket, or a row with the same fields; None for an unknown code
    device: object  # anything with an ``id``
    nonce: str | None
    scanned_at: datetime | None
    at: datetime
    result: ScanResult
    details: dict


def _verdict(event_id: int, registration, now: datetime) -> tuple[ScanResult, dict]:
    """A refusal the ticket's state already gives, or for a confirmed ticket the welcome it gets if its check-in
    is the one that lands."""
    if registration is None:
        return ScanResult.UNKNOWN, {"message": _("Unknown ticket.")}
    person = {"registration": _person(registration)}
    if registration.event_id != event_id:
        return ScanResult.OTHER_EVENT, {"message": _("This ticket is for another event."), **person}
    if registration.status == RegistrationStatus.CANCELLED:
        return ScanResult.CANCELLED, {"message": _("This ticket was cancelled."), **person}
    if registration.status == RegistrationStatus.WAITING:
        return ScanResult.WAITING_LIST, {"message": _("This person is on the waiting list, without a seat."),
                                         **person}
    return ScanResult.CHECKED_IN, {"message": _("Welcome, %(name)s!", name=registration.name),
                                   "checked_in_at": now.isoformat(), **person}


def prepare_scan(event_id: int, registration, *, device, nonce: str | None = None,
                 scanned_at: datetime | None = None, earlier: Earlier | None = None) -> Scan:
    """Everything about scanning ``registration`` (from ``find_ticket``) that needs no write: its verdict and the
    answer's words. Done before the write transaction, because on SQLite that holds the database-wide lock
    every door queues for: from BEGIN to COMMIT only SQL should run.

    ``earlier``, the ticket's check-in as read with it, makes a repeat scan a refusal at once: its write is then
    the log row alone. (A check-in undone between that read and the write still answers "already checked in":
    the answer of the moment the ticket was read. A check-in made in that time is caught by the write.)"""
    now = utcnow()
    result, details = _verdict(event_id, registration, now)
    if result == ScanResult.CHECKED_IN and earlier is not None:
        result, details = _already_checked_in(registration, earlier)
    return Scan(event_id, registration, device, nonce or None, scanned_at, now, result, details)


def _already_checked_in(registration, earlier) -> tuple[ScanResult, dict]:
    when, where = (earlier.checked_in_at, earlier.device_name or "") if earlier else (None, "")
    return ScanResult.ALREADY_CHECKED_IN, {"message": _("Already checked in."),
                                           "checked_in_at": when.isoformat() if when else None,
                                           "device": where, "registration": _person(registration)}


def _why_not_checked_in(conn, scan: Scan, earlier) -> tuple[ScanResult, dict]:
    """The refusal for a confirmed ticket whose conditional insert did not land: someone was first (``earlier``,
    when already known, is their check-in), or the ticket changed state since it was read."""
    registration = scan.registration
    earlier = earlier or conn.execute(sql.EARLIER_CHECK_IN, {"registration": registration.id}).first()
    if earlier is None:
        fresh = conn.execute(sql.TICKET_BY_ID, {"id": registration.id}).first()
        if fresh is not None and fresh.status != RegistrationStatus.CONFIRMED:
            return _verdict(scan.event_id, fresh, scan.at)
    return _already_checked_in(registration, earlier)


def _check_in_and_log(conn, params: dict):
    """Insert the check-in and, if it landed, its log row. Returns both ids (None where nothing was inserted)
    and, when the check-in did not land, the earlier one if this statement could see it (else None: ask)."""
    if conn.dialect == "postgresql":
        row = conn.execute(sql.CHECK_IN_AND_LOG, params).one()
        return row.checkin_id, row.log_id, (row if row.checked_in_at is not None else None)
    checkin_id = conn.execute(sql.CHECK_IN, params).scalar()
    return checkin_id, (conn.execute(sql.LOG, params).scalar() if checkin_id is not None else None), None


def _replay(conn, device, nonce: str) -> ScanAnswer:
    row = conn.execute(sql.REPLAY, {"device": device.id, "nonce": nonce}).first()
    return ScanAnswer(row.http_status, json.loads(row.answer), replayed=True)


def record_scan(scan: Scan, *, conn: DriverConnection | None = None) -> ScanAnswer:
    """Write a prepared scan and give its answer, on ``conn`` (the session's connection by default).

    A check-in never rests on what was read before: the ticket's state and "not yet in" are both conditions of
    the one conditional insert. (What was read can only refuse: a ticket read as checked in.) For a valid ticket
    that insert and its log row are the whole write (one statement on PostgreSQL, so the API needs no BEGIN or
    COMMIT), for a repeat scan the log row alone; other refusals and retries take a statement more.
    """
    conn = conn or session_connection()
    params = {"event": scan.event_id, "device": scan.device.id, "nonce": scan.nonce, "scanned_at": scan.scanned_at,
              "now": scan.at, "registration": scan.registration.id if scan.registration else None}
    result, details = scan.result, scan.details
    if result == ScanResult.CHECKED_IN:
        body = {"status": str(result), **details}
        checkin_id, log_id, earlier = _check_in_and_log(
            conn, {**params, "result": str(result), "http_status": HTTP_STATUS[result], "answer": json.dumps(body)})
        if log_id is not None:
            return ScanAnswer(HTTP_STATUS[result], body)
        if checkin_id is not None:
            # Checked in, but this nonce already has an answer (a retry racing its first attempt): the first
            # answer counts, and a retry must not change anything.
            conn.execute(sql.UNDO_CHECK_IN, {"id": checkin_id})
            return _replay(conn, scan.device, scan.nonce)
        result, details = _why_not_checked_in(conn, scan, earlier)
    body = {"status": str(result), **details}
    logged = conn.execute(sql.LOG, {**params, "result": str(result), "http_status": HTTP_STATUS[result],
                                    "answer": json.dumps(body)}).scalar()
    if scan.nonce and logged is None:
        return _replay(conn, scan.device, scan.nonce)  # a retry of a scan already decided: its first answer counts
    return ScanAnswer(HTTP_STATUS[result], body)


def check_in(event_id: int, secret: str, *, device, nonce: str | None = None,
             scanned_at: datetime | None = None) -> ScanAnswer:
    """Check the ticket ``secret`` in at event ``event_id`` from ``device`` (anything with an ``id``).

    A ``nonce`` this device sent before gets the first answer again. That is found when the scan's log row
    collides with the earlier one on the unique (device, nonce), so a fresh scan costs no extra query.
    """
    return record_scan(prepare_scan(event_id, find_ticket(secret), device=device, nonce=nonce,
                                    scanned_at=scanned_at))


def undo(event: Event, registration_id: int, *, device: ScannerDevice) -> Registration:
    """Take back a check-in (wrong person let in, a scan by mistake): the CheckIn row is deleted and logged."""
    registration = db.session.get(Registration, registration_id)
    deleted = db.session.execute(
        sa.delete(CheckIn).where(CheckIn.registration_id == registration_id, CheckIn.event_id == event.id)
    ).rowcount
    if not deleted or registration is None:
        raise Conflict(_("This ticket is not checked in."), code="not_checked_in")
    body = {"status": str(ScanResult.UNDONE), "message": _("Check-in of %(name)s undone.", name=registration.name),
            "registration": _person(registration)}
    db.session.add(ScanLog(event_id=event.id, device_id=device.id, registration_id=registration.id,
                           result=ScanResult.UNDONE, http_status=200, answer=json.dumps(body)))
    db.session.flush()
    return registration


def is_checked_in(registration_ids) -> set[int]:
    """Which of these registrations are checked in now (the jury area's audience vote asks this)."""
    ids = list(registration_ids)
    if not ids:
        return set()
    return set(db.session.scalars(sa.select(CheckIn.registration_id).where(CheckIn.registration_id.in_(ids))))


def counts(event: Event) -> dict:
    """The live counter: checked in / confirmed, in one query."""
    checked_in = sa.select(sa.func.count()).select_from(CheckIn).where(CheckIn.event_id == event.id)
    confirmed = (sa.select(sa.func.count()).select_from(Registration)
                 .where(Registration.event_id == event.id, Registration.status == RegistrationStatus.CONFIRMED))
    row = db.session.execute(sa.select(checked_in.scalar_subquery(), confirmed.scalar_subquery())).one()
    return {"checked_in": row[0], "confirmed": row[1]}


def count_by_event(event_ids: list[int]) -> dict[int, int]:
    """The dashboard's "check-ins" figure for each event, in one query."""
    if not event_ids:
        return {}
    rows = db.session.execute(sa.select(CheckIn.event_id, sa.func.count()).where(CheckIn.event_id.in_(event_ids))
                              .group_by(CheckIn.event_id))
    return dict(rows.all())


def count_attended(event_ids: list[int]) -> dict[int, int]:
    """The impact report's "check-ins": checked-in tickets that are still confirmed, per event, in one query.

    Only confirmed registrations count, like the report's registrations, so the attendance rate never passes
    100 % (someone who deletes their data after the event leaves both figures)."""
    if not event_ids:
        return {}
    rows = db.session.execute(
        sa.select(CheckIn.event_id, sa.func.count()).join(Registration, Registration.id == CheckIn.registration_id)
        .where(CheckIn.event_id.in_(event_ids), Registration.status == RegistrationStatus.CONFIRMED)
        .group_by(CheckIn.event_id))
    return dict(rows.all())


def staff_device(event: Event, user: User) -> ScannerDevice:
    """The device entry standing for ``user`` scanning at ``event`` in the browser, created on first use."""
    dialect = db.session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ScannerDevice)
    db.session.execute(insert.values(event_id=event.id, user_id=user.id, name=user.name,
                                                     kind=DeviceKind.ORGANISER, created_at=utcnow())
                       .on_conflict_do_nothing(index_elements=["event_id", "user_id"]))
    return db.session.scalar(sa.select(ScannerDevice).filter_by(event_id=event.id, user_id=user.id))
