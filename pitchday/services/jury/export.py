"""CSV exports: every raw score, and both rankings, so anyone can recompute the results."""

import csv
import io

from .results import EventResults


def _fmt(value) -> str:
    return "" if value is None else f"{value:.4f}"


def scores_csv(results: EventResults) -> str:
    criteria = {c.id: c for c in results.criteria}
    jurors = results.juror_by_id
    slots = results.slot_by_app
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["juror_id", "juror", "juror_status", "position", "startup", "criterion", "weight",
                     "scale_min", "scale_max", "value", "counted"])
    for juror_id, app_id, crit_id, value in sorted(results.raw_scores):
        juror, slot, crit = jurors.get(juror_id), slots.get(app_id), criteria.get(crit_id)
        if juror is None or slot is None or crit is None:
            continue
        pitch = results.pitch(app_id)
        # Counted: a complete set from an active, assigned juror without a conflict.
        counted = pitch is not None and juror_id in pitch.totals
        writer.writerow([juror_id, juror.user.name, juror.status.value, slot.position, slot.startup.name, crit.name,
                         crit.weight, crit.scale_min, crit.scale_max, value, "yes" if counted else "no"])
    return out.getvalue()


def rankings_csv(results: EventResults) -> str:
    slots = results.slot_by_app
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["position", "startup", "count", "missing", "conflicts", "mean", "median", "sd",
                     "normalised_mean", "normalised_count", "raw_rank", "normalised_rank"])
    for p in results.stats.pitches:
        slot = slots[p.application_id]
        writer.writerow([slot.position, slot.startup.name, p.count, p.missing, p.conflicts, _fmt(p.mean),
                         _fmt(p.median), _fmt(p.sd), _fmt(p.norm_mean), len(p.z), p.raw_rank or "",
                         p.norm_rank or ""])
    return out.getvalue()
