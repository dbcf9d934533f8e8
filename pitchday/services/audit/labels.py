"""What the trail's codes mean to a reader: actions and areas by name, changed fields and their values.

Other areas that record their own actions add their names with ``register`` (an unknown action shows its code).
"""

from datetime import datetime

from flask_babel import lazy_gettext as _l

from ...berlin import to_local
from ...labels import role_label
from ..applications.labels import status_label as application_status
from ..events.labels import STATUS_LABELS as EVENT_STATUSES
from ..events.labels import type_label
from ..registrations.labels import status_label as registration_status

AREAS = {
    "event": _l("Events"),
    "application": _l("Applications"),
    "jury": _l("Jury"),
    "role": _l("Roles"),
    "registration": _l("Registrations"),
    "checkin": _l("Check-in"),
    "camp": _l("Camps"),
    "challenge": _l("Challenges"),
    "vote": _l("Audience vote"),
    "export": _l("Exports"),
}

ACTIONS = {
    "event.created": _l("Event created"),
    "event.updated": _l("Event changed"),
    "event.copied": _l("Event copied"),
    "event.published": _l("Event published"),
    "event.postponed": _l("Event postponed"),
    "event.cancelled": _l("Event cancelled"),
    "event.republished": _l("Event published again"),
    "event.block_added": _l("Agenda block added"),
    "event.block_changed": _l("Agenda block changed"),
    "event.block_removed": _l("Agenda block removed"),
    "application.decided": _l("Application decided"),
    "application.call_changed": _l("Call for pitches changed"),
    "application.lineup_published": _l("Line-up published"),
    "application.lineup_withdrawn": _l("Line-up withdrawn"),
    "jury.juror_invited": _l("Juror invited"),
    "jury.juror_revoked": _l("Juror revoked"),
    "jury.criterion_added": _l("Criterion added"),
    "jury.criterion_changed": _l("Criterion changed"),
    "jury.criterion_removed": _l("Criterion removed"),
    "jury.scores_reset": _l("Scores reset"),
    "jury.sheet_reopened": _l("A juror's scores reopened"),
    "jury.results_published": _l("Results published"),
    "jury.award_added": _l("Award given"),
    "jury.award_removed": _l("Award removed"),
    "vote.results_published": _l("Audience award published"),
    "vote.results_withdrawn": _l("Audience award withdrawn"),
    "role.granted": _l("Role granted"),
    "role.revoked": _l("Role revoked"),
    "registration.cancelled": _l("Registration cancelled by staff"),
    "registration.confirmed": _l("Registration confirmed by staff"),
    "registration.capacity_changed": _l("Seats changed"),
    "registration.question_added": _l("Registration question added"),
    "registration.question_removed": _l("Registration question removed"),
    "camp.updated": _l("Camp page changed"),
    "challenge.published": _l("Challenge published"),
    "challenge.returned": _l("Challenge returned for changes"),
    "checkin.staff_added": _l("Check-in staff added"),
    "checkin.device_issued": _l("Scanning device added"),
    "checkin.device_revoked": _l("Check-in access revoked"),
    "export.registrations": _l("Registrations exported"),
    "export.applications": _l("Applications exported"),
    "export.jury_scores": _l("Jury scores exported"),
    "export.jury_rankings": _l("Jury rankings exported"),
    "export.impact_report": _l("Impact report exported"),
    "export.tracks": _l("Follow-up tracks exported"),
    "export.challenges": _l("Challenge figures exported"),
    "export.contacts": _l("Contacts exported"),
    "export.badges": _l("Name badges printed"),
    "export.audit": _l("Audit trail exported"),
}

FIELDS = {
    "status": _l("Status"),
    "title": _l("Title"),
    "type": _l("Type"),
    "starts_at": _l("Starts"),
    "ends_at": _l("Ends"),
    "venue_name": _l("Venue"),
    "venue_address": _l("Address"),
    "online_url": _l("Online link"),
    "capacity": _l("Seats"),
    "role": _l("Role"),
    "person": _l("Person"),
    "name": _l("Name"),
    "weight": _l("Weight"),
    "scale_min": _l("Lowest value"),
    "scale_max": _l("Highest value"),
    "rows": _l("Rows"),
    "scores": _l("Number of scores"),
    "filters": _l("Filters"),
    "from_event": _l("Copied from"),
    "cfp_opens_at": _l("Call opens"),
    "cfp_closes_at": _l("Call closes"),
    "deck_required": _l("Pitch deck required"),
    "label": _l("Question"),
    "startup": _l("Startup"),
    "year": _l("Year"),
    "note": _l("Note"),
}


def register(action: str, label) -> None:
    """Name an action another area records (e.g. ``"live.stage_started"``)."""
    ACTIONS[action] = label


def register_area(area: str, label) -> None:
    AREAS[area] = label


def register_field(field: str, label) -> None:
    """Name a field that another area's ``before``/``after`` use (an unknown field shows its code)."""
    FIELDS[field] = label


def action_label(action: str) -> str:
    return str(ACTIONS.get(action, action))


def area_of(action: str) -> str:
    return action.split(".", 1)[0]


def field_label(field: str) -> str:
    return str(FIELDS.get(field, field.replace("_", " ")))


def value_text(action: str, field: str, value) -> str:
    """A stored value as a reader reads it: statuses and roles translated, times in Berlin time."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_l("yes") if value else _l("no"))
    if isinstance(value, list):
        return ", ".join(value_text(action, field, v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_label(k)}: {value_text(action, k, v)}" for k, v in value.items())
    text = str(value)
    if field == "status":
        return _status_text(area_of(action), text)
    if field == "role":
        return role_label(text)
    if field == "type" and area_of(action) == "event":
        return _safe(type_label, text)
    if field.endswith("_at"):
        return _time_text(text)
    return text


def _status_text(area: str, text: str) -> str:
    if area == "event":
        return str(EVENT_STATUSES.get(text, text))
    if area == "application":
        return application_status(text)
    if area == "registration":
        return registration_status(text)
    return text


def _time_text(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        return text
    return to_local(moment).strftime("%d.%m.%Y %H:%M")


def _safe(label, text: str) -> str:
    try:
        return label(text)
    except ValueError:
        return text


def changes(entry) -> list[tuple[str, str, str]]:
    """(field, before, after) for each field the entry names, in the order they were recorded."""
    before, after = entry.before or {}, entry.after or {}
    fields = list(dict.fromkeys([*before, *after]))
    return [(field_label(f), value_text(entry.action, f, before.get(f)), value_text(entry.action, f, after.get(f)))
            for f in fields]
