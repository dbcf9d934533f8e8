"""Readable names for attendee types and follow-up kinds in the report and the matchmaking pages."""

from flask_babel import gettext as _


def attendee_type_label(value) -> str:
    return {"startup": _("Startups"), "industry": _("Industry and Mittelstand"), "investor": _("Investors"),
            "academia": _("Universities and research"), "public_sector": _("Public sector"),
            "other": _("Other")}.get(str(value), str(value))


def follow_up_label(value) -> str:
    return {"meeting": _("Further meeting"), "pilot": _("Pilot project"), "investment": _("Investment"),
            "hire": _("Hire"), "other": _("Other")}.get(str(value), str(value))


def request_side_label(value) -> str:
    return {"attendee": _("Attendee"), "startup": _("Startup"), "juror": _("Juror")}.get(str(value), str(value))


def request_status_label(value) -> str:
    return {"pending": _("Waiting for an answer"), "accepted": _("Both agreed"), "declined": _("Declined"),
            "withdrawn": _("Withdrawn")}.get(str(value), str(value))


LABEL_FILTERS = {"kind_label": follow_up_label, "type_label": attendee_type_label, "side_label": request_side_label,
                 "status_label": request_status_label}
