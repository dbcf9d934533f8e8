"""The attendee list as CSV for German spreadsheet programs: UTF-8 with BOM, semicolons, German dates."""

import csv
import io

from ...berlin import to_local
from .labels import attendee_type_label
from .questions import questions_of

STATUS_ORDER = {"confirmed": 0, "waiting": 1, "cancelled": 2}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A cell starting like a formula would be run by the spreadsheet (CSV injection): make it plain text.
    return "'" + text if text.startswith(FORMULA_START) else text


def _date(value) -> str:
    return to_local(value).strftime("%d.%m.%Y %H:%M") if value else ""


def attendees_csv(event, rows, *, headers: dict, status_labels: dict) -> bytes:
    """``rows``: the event's registrations. ``headers`` and ``status_labels``: translated column and status names."""
    questions = questions_of(event)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([headers[key] for key in ("status", "position", "name", "email", "organisation", "type",
                                              "registered", "confirmed", "cancelled")]
                    + [q.label for q in questions])
    ordered = sorted(rows, key=lambda r: (STATUS_ORDER[str(r.status)], r.queue_number))
    waiting_place = 0
    for r in ordered:
        place = ""
        if str(r.status) == "waiting":
            waiting_place += 1
            place = waiting_place
        writer.writerow([_cell(v) for v in (
            status_labels[str(r.status)], place, r.name, r.email if not r.anonymised_at else "", r.organisation,
            attendee_type_label(r.attendee_type), _date(r.created_at), _date(r.confirmed_at), _date(r.cancelled_at),
        )] + [_cell((r.answers or {}).get(str(q.id), "")) for q in questions])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
