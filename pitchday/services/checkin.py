"""Checking tickets in at the door: exactly once per ticket, every scan logged, a retried nonce replayed.

``check_in`` is what the JSON API, the scanner page and the tests all call. It never raises for a refused
ticket: a refusal is an answer too, and it is logged like an acceptance. The one decision that two doors can
race on ("is this ticket already in?") is taken by the database: an INSERT ... ON CONFLICT DO NOTHING
RETURNING id on the unique ``checkins.registration_id``; whether a row came back says who won.
"""

import json
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.dialects import postgresql, sqlite

from ..database import utcnow
from ..errors import Conflict
from ..extensions import db
from ..models import Event, Registration, RegistrationStatus, User
from ..models.checkin import CheckIn, DeviceKind, ScanLog, ScannerDevice, ScanResult

ATTENDEE_TYPES = {
    "startup": _l("Startup"),
    "industry": _l("Industry / Mittelstand"),
    "investor": _l("Investor"),
    "academia": _l("University / research"),
    "public_sector": _l("Public sector"),
    "other": _l("Other"),
}

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


def attendee_type_label(value) -> str:
    return str(ATTENDEE_TYPES.get(str(value), value))


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


def _insert(model):
    """INSERT for the session's database, with ON CONFLICT support (SQLite and PostgreSQL both have it)."""
    dialect = db.session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(model)


def _decide(event: Event, registration: Registration | None, device: ScannerDevice, now: datetime):
    """The result of scanning this ticket now, writing the check-in when it is accepted."""
    if registration is None:
        return ScanResult.UNKNOWN, {"message": _("Unknown ticket.")}
    person = {"registration": _person(registration)}
    if registration.event_id != event.id:
        return ScanResult.OTHER_EVENT, {"message": _("This ticket is for another event."), **person}
    if registration.status == RegistrationStatus.CANCELLED:
        return ScanResult.CANCELLED, {"message": _("This ticket was cancelled."), **person}
    if registration.status == RegistrationStatus.WAITING:
        return ScanResult.WAITING_LIST, {"message": _("This person is on the waiting list, without a seat."),
                                         **person}
    # RETURNING tells whether this statement inserted the row (rowcount is not reliable for ON CONFLICT
    # across drivers: psycopg reports -1 under SQLAlchemy 2.1).
    inserted = db.session.execute(
        _insert(CheckIn).values(registration_id=registration.id, event_id=event.id, device_id=device.id,
                                checked_in_at=now)
        .on_conflict_do_nothing(index_elements=["registration_id"]).returning(CheckIn.id)
    ).scalar()
    if inserted is not None:
        return ScanResult.CHECKED_IN, {"message": _("Welcome, %(name)s!", name=registration.name),
                                       "checked_in_at": now.isoformat(), **person}
    first = db.session.execute(
        sa.select(CheckIn.checked_in_at, ScannerDevice.name)
        .outerjoin(ScannerDevice, ScannerDevice.id == CheckIn.device_id)
        .where(CheckIn.registration_id == registration.id)
    ).first()
    when, where = (first.checked_in_at, first.name or "") if first else (None, "")
    return ScanResult.ALREADY_CHECKED_IN, {"message": _("Already checked in."),
                                           "checked_in_at": when.isoformat() if when else None,
                                           "device": where, **person}


def _replay(device: ScannerDevice, nonce: str) -> ScanAnswer | None:
    row = db.session.execute(sa.select(ScanLog.http_status, ScanLog.answer)
                             .where(ScanLog.device_id == device.id, ScanLog.nonce == nonce)).first()
    return ScanAnswer(row.http_status, json.loads(row.answer), replayed=True) if row else None


def check_in(event: Event, secret: str, *, device: ScannerDevice, nonce: str | None = None,
             scanned_at: datetime | None = None) -> ScanAnswer:
    """Check the ticket ``secret`` in at ``event`` from ``device``; the same ``nonce`` again replays the answer."""
    if nonce and (earlier := _replay(device, nonce)):
        return earlier
    registration = db.session.scalar(sa.select(Registration).where(Registration.ticket_secret == secret))
    now = utcnow()
    result, details = _decide(event, registration, device, now)
    body = {"status": str(result), **details}
    logged = db.session.execute(
        _insert(ScanLog).values(event_id=event.id, device_id=device.id, nonce=nonce or None, result=result,
                                http_status=HTTP_STATUS[result], answer=json.dumps(body),
                                registration_id=registration.id if registration else None,
                                scanned_at=scanned_at, at=now)
        .on_conflict_do_nothing(index_elements=["device_id", "nonce"]).returning(ScanLog.id)
    ).scalar()
    if nonce and logged is None:
        # The same nonce was decided by a parallel retry of this scan, which committed first: its answer counts.
        return _replay(device, nonce) or ScanAnswer(HTTP_STATUS[result], body)
    return ScanAnswer(HTTP_STATUS[result], body)


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


def staff_device(event: Event, user: User) -> ScannerDevice:
    """The device entry standing for ``user`` scanning at ``event`` in the browser, created on first use."""
    db.session.execute(_insert(ScannerDevice).values(event_id=event.id, user_id=user.id, name=user.name,
                                                     kind=DeviceKind.ORGANISER, created_at=utcnow())
                       .on_conflict_do_nothing(index_elements=["event_id", "user_id"]))
    return db.session.scalar(sa.select(ScannerDevice).filter_by(event_id=event.id, user_id=user.id))
