"""The attendee list as CSV, through the one CSV writer (``exports/csv_writer``) and streamed: rows are read in
batches (``lists.export_rows``), so the first bytes leave at once and memory stays flat at any size."""

from .labels import attendee_type_label
from .lists import export_rows
from .questions import questions_of

COLUMNS = ("status", "position", "name", "email", "organisation", "type", "registered", "confirmed", "cancelled")


def attendee_header(event, *, headers: dict) -> list[str]:
    """``headers``: translated column names by key; the event's own questions follow."""
    return [headers[key] for key in COLUMNS] + [q.label for q in questions_of(event)]


def attendee_rows(event, *, status_labels: dict):
    """One row per registration: confirmed, then the waiting list with each place, then cancelled."""
    questions = [str(q.id) for q in questions_of(event)]
    types = {}  # attendee type -> its label, looked up once rather than once a row
    for r in export_rows(event):
        status = str(r.status)
        label = types.get(r.attendee_type) or types.setdefault(r.attendee_type, attendee_type_label(r.attendee_type))
        answers = r.answers or {}
        yield [status_labels[status], r[-1] if status == "waiting" else "", r.name,
               r.email if not r.anonymised_at else "", r.organisation, label,
               r.created_at, r.confirmed_at, r.cancelled_at, *(answers.get(q, "") for q in questions)]
