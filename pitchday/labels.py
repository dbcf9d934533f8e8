"""Human names for the app's enums, translated."""

from flask_babel import lazy_gettext as _l

ROLE_LABELS = {
    "hub_admin": _l("Hub admin"),
    "camp_organiser": _l("Camp organiser"),
    "juror": _l("Juror"),
    "checkin_staff": _l("Check-in staff"),
    "startup_member": _l("Startup member"),
}


def role_label(role: str) -> str:
    return str(ROLE_LABELS.get(str(role), role))
