"""Human names for the states and kinds of the applications area, translated."""

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Submitted"),
    "shortlisted": _l("Shortlisted"),
    "accepted": _l("Accepted"),
    "waitlisted": _l("Waitlisted"),
    "rejected": _l("Rejected"),
    "withdrawn": _l("Withdrawn"),
}
STATUS_BADGES = {"accepted": "ok", "rejected": "bad", "withdrawn": "bad", "waitlisted": "warn",
                 "shortlisted": "warn", "submitted": "", "draft": ""}
STAGE_LABELS = {
    "idea": _l("Idea"),
    "pre_seed": _l("Pre-seed"),
    "seed": _l("Seed"),
    "series_a_plus": _l("Series A and later"),
}
KIND_LABELS = {
    "short_text": _l("Short text"),
    "long_text": _l("Long text"),
    "single_choice": _l("Single choice"),
    "multiple_choice": _l("Multiple choice"),
    "yes_no": _l("Yes/no"),
}


def status_label(status) -> str:
    return str(STATUS_LABELS.get(str(status), status))


def stage_label(stage) -> str:
    return str(STAGE_LABELS.get(str(stage), stage))


def kind_label(kind) -> str:
    return str(KIND_LABELS.get(str(kind), kind))
