"""Writing the audit trail. The API other areas call, kept small and stable (docs/audit.md):

    audit.record(by, "event.published", subject=event, before={"status": "draft"}, after={"status": "published"})
    audit.record_export(by, "registrations", rows=120, subject=event)

``record`` adds the entry to the current transaction: it is kept exactly when the change it describes is
committed, and rolled back with it. ``record_export`` commits at once in a short transaction of its own, since a
download (a GET) changes nothing and its request commits nothing; in a request that writes (a POST) it joins that
request's transaction instead.
"""

import enum
import re
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa

from ...database import utcnow, write_intent, writes_intended
from ...extensions import current_engine, db
from ...models import AuditEntry, Event

# Objects whose label would name someone who is not staff (an attendee): only their number is kept, so the trail
# holds no attendee data past the attendee retention period.
NUMBER_ONLY = {"registration"}
# A long text (an event's description) is kept in part: the entry says that it changed, not the whole text.
LONGEST_TEXT = 300


def record(by, action: str, *, subject=None, camp=None, event=None, before: dict | None = None,
           after: dict | None = None, label: str | None = None) -> AuditEntry:
    """Add an entry for ``action`` by ``by`` (a user, or None for the system) to the current transaction.

    ``camp`` and ``event`` default to the subject's own (an event's camp, an application's event ...); ``before``
    and ``after`` are small dicts of what changed, made JSON-safe here (enums, datetimes, lazy texts).
    """
    entry = AuditEntry(**_values(by, action, subject=subject, camp=camp, event=event, before=before, after=after,
                                 label=label))
    db.session.add(entry)
    return entry


def record_export(by, what: str, *, rows: int, subject=None, camp=None, event=None, details: dict | None = None,
                  ) -> None:
    """Record that ``by`` downloaded ``what`` with ``rows`` rows, committed at once in its own transaction.

    Call it before the first byte is sent: the download is on record even if the browser stops reading.
    """
    values = _values(by, f"export.{what}", subject=subject, camp=camp, event=event, before={},
                     after={"rows": rows, **(details or {})}, label=None)
    if writes_intended():
        # A request that writes holds SQLite's write lock already: a second connection would wait for it. The
        # entry joins that transaction and is committed with it, at the edge.
        db.session.add(AuditEntry(**values))
        return
    # A separate connection: the request's own transaction (a read snapshot on SQLite) is left as it is.
    with write_intent(), current_engine().begin() as conn:
        conn.execute(sa.insert(AuditEntry).values(**values))


def _values(by, action, *, subject, camp, event, before, after, label) -> dict:
    if not re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", action) or len(action) > 64:
        raise ValueError(f"audit action must look like 'area.verb': {action!r}")
    actor = by if by is not None and getattr(by, "is_authenticated", True) else None
    event_id = _event_id(subject, event)
    return {
        "at": utcnow(),
        "actor_id": actor.id if actor else None,
        "actor_name": (actor.name if actor else "")[:120],
        "actor_email": (actor.email if actor else "")[:254],
        "action": action,
        "camp_id": _camp_id(subject, camp, event_id),
        "event_id": event_id,
        "subject_type": subject_type(subject),
        "subject_id": getattr(subject, "id", None),
        "subject_label": (label if label is not None else subject_label(subject))[:200],
        "before": plain(before or {}),
        "after": plain(after or {}),
    }


def subject_type(subject) -> str:
    """``ScannerDevice`` → ``"scanner_device"``; "" without a subject."""
    if subject is None:
        return ""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(subject).__name__).lower()


def subject_label(subject) -> str:
    """How the subject read at the time: a title or name; a person's name only for staff-side objects."""
    if subject is None:
        return ""
    kind = subject_type(subject)
    if kind in NUMBER_ONLY:
        return f"#{subject.id}"
    for path in ("title", "name", "startup.name", "user.name"):
        value = subject
        for part in path.split("."):
            value = getattr(value, part, None)
        if isinstance(value, str) and value:
            return value
    return f"#{getattr(subject, 'id', '')}"


def _event_id(subject, event) -> int | None:
    if event is not None:
        return event.id
    if isinstance(subject, Event):
        return subject.id
    return getattr(subject, "event_id", None)


def _camp_id(subject, camp, event_id) -> int | None:
    if camp is not None:
        return camp.id
    if isinstance(subject, Event):
        return subject.camp_id
    if event_id is not None:
        found = db.session.get(Event, event_id)  # usually in the session already: no query
        return found.camp_id if found else None
    return getattr(subject, "camp_id", None)


def plain(value):
    """A JSON-safe copy: enums by value, datetimes in ISO form (UTC), long texts cut, anything else as text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return value if len(value) <= LONGEST_TEXT else value[:LONGEST_TEXT - 1] + "…"
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)
