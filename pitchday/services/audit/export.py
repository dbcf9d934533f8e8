"""The audit trail as CSV rows for the shared download helper (which neutralises every cell)."""

from collections.abc import Iterator

from flask_babel import gettext as _

from . import labels
from . import query as audit_query


def header() -> list[str]:
    return [_("When"), _("Who"), _("E-mail"), _("What"), _("Code"), _("Camp"), _("Changed item"), _("Number"),
            _("Change")]


def rows(filters: audit_query.Filters, *, scope, camp_names: dict[int, str]) -> Iterator[list]:
    """One row per entry, newest first; ``camp_names`` maps camp ids to names (camps are few)."""
    for entry in audit_query.each(filters, scope=scope):
        change = "; ".join(f"{field}: {old} → {new}" for field, old, new in labels.changes(entry))
        yield [entry.at, entry.actor_name or _("system"), entry.actor_email, labels.action_label(entry.action),
               entry.action, camp_names.get(entry.camp_id, ""), entry.subject_label, entry.subject_id, change]
