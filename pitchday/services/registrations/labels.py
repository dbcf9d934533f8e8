"""Human names for attendee types and registration statuses, translated."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

ATTENDEE_TYPES = [
    ("startup", _l("Startup")),
    ("industry", _l("Industry or Mittelstand")),
    ("investor", _l("Investor")),
    ("academia", _l("University or research")),
    ("public_sector", _l("Public sector")),
    ("other", _l("Other")),
]

STATUSES = {
    "confirmed": _l("Confirmed"),
    "waiting": _l("Waiting list"),
    "cancelled": lazy_pgettext("registration", "Cancelled"),
}


def attendee_type_label(value) -> str:
    return str(dict(ATTENDEE_TYPES).get(str(value), value))


def status_label(value) -> str:
    return str(STATUSES.get(str(value), value))
