"""CSV exports: every raw score, and both rankings, so anyone can recompute the results.

Each export is a header and rows of plain values; the one CSV writer (``exports/csv_writer.py``) formats numbers
for the reader's dialect and neutralises text a spreadsheet would run as a formula (startup, juror and criterion
names are typed by other people). Labels are lazy, so the file speaks the language it is written in.
"""

from collections.abc import Iterator

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from .results import EventResults

SCORES_HEADER = [_l("Juror no."), _l("Juror"), _l("Juror status"), _l("Position"), _l("Startup"), _l("Criterion"),
                 _l("Weight"), _l("Lowest value"), _l("Highest value"), _l("Value"), _l("Counted")]
RANKINGS_HEADER = [_l("Position"), _l("Startup"), _l("Complete score sheets"), _l("Missing score sheets"),
                   _l("Conflicts"), _l("Mean"), _l("Median"), _l("Standard deviation"), _l("Normalised mean"),
                   _l("Normalised score sheets"), _l("Rank (raw)"), _l("Rank (normalised)")]
JUROR_STATUS = {"invited": _l("invited"), "accepted": _l("accepted"), "revoked": lazy_pgettext("jury", "revoked")}


def score_rows(results: EventResults) -> Iterator[list]:
    criteria = {c.id: c for c in results.criteria}
    jurors = results.juror_by_id
    slots = results.slot_by_app
    for juror_id, app_id, crit_id, value in sorted(results.raw_scores):
        juror, slot, crit = jurors.get(juror_id), slots.get(app_id), criteria.get(crit_id)
        if juror is None or slot is None or crit is None:
            continue
        pitch = results.pitch(app_id)
        # Counted: a complete set from an active, assigned juror without a conflict.
        counted = pitch is not None and juror_id in pitch.totals
        yield [juror_id, juror.user.name, JUROR_STATUS.get(juror.status.value, juror.status.value), slot.position,
               slot.startup.name, crit.name, crit.weight, crit.scale_min, crit.scale_max, value,
               _l("yes") if counted else _l("no")]


def ranking_rows(results: EventResults) -> Iterator[list]:
    slots = results.slot_by_app
    for p in results.stats.pitches:
        slot = slots[p.application_id]
        yield [slot.position, slot.startup.name, p.count, p.missing, p.conflicts, p.mean, p.median, p.sd,
               p.norm_mean, len(p.z), p.raw_rank, p.norm_rank]
