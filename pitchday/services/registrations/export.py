"""The attendee list as CSV, through the one CSV writer (``exports/csv_writer``): streamed by the download route,
or written to a file by the worker for very large events (``services/exports/prepared``). Rows are read in
batches (``lists.export_rows``), so the first bytes leave at once and memory stays flat at any size."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..exports import prepared
from .labels import STATUSES, attendee_type_label
from .lists import export_rows
from .questions import questions_of

COLUMNS = ("status", "position", "name", "email", "organisation", "type", "registered", "confirmed", "cancelled")
# Lazy texts: the file speaks its own language (English in the international one), whatever the page's.
HEADERS = {"status": _l("Status"), "position": _l("Place on waiting list"), "name": _l("Name"),
           "email": _l("E-mail"), "organisation": _l("Organisation"), "type": _l("Attendee type"),
           "registered": _l("Registered"), "confirmed": _l("Confirmed"),
           "cancelled": lazy_pgettext("registration", "Cancelled")}


def file_name(event) -> str:
    return f"registrations-event-{event.id}.csv"


def attendee_header(event) -> list:
    """The translated column names; the event's own questions follow."""
    return [HEADERS[key] for key in COLUMNS] + [q.label for q in questions_of(event)]


def attendee_rows(event):
    """One row per registration: confirmed, then the waiting list with each place, then cancelled."""
    questions = [str(q.id) for q in questions_of(event)]
    types = {}  # attendee type -> its label, looked up once rather than once a row
    for r in export_rows(event):
        status = str(r.status)
        label = types.get(r.attendee_type) or types.setdefault(r.attendee_type, attendee_type_label(r.attendee_type))
        answers = r.answers or {}
        yield [STATUSES[status], r[-1] if status == "waiting" else "", r.name,
               r.email if not r.anonymised_at else "", r.organisation, label,
               r.created_at, r.confirmed_at, r.cancelled_at, *(answers.get(q, "") for q in questions)]


prepared.register_source("registrations", lambda event: prepared.Source(
    file_name(event), attendee_header(event), attendee_rows(event)))
