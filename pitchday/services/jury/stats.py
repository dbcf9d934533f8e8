"""The arithmetic of the results, free of the database so it can be checked by hand.

A juror's total for a pitch is the weighted mean of their criterion values, each as 0–100 % of its scale; it
counts once every criterion is scored. The normalised score is that total standardised against the juror's
own mean and (population) standard deviation, for jurors with at least ``min_scores`` totals and some spread.
"""

import math
import statistics
from dataclasses import dataclass, field

NORMALISE_MIN_SCORES = 3
_EPS = 1e-9


@dataclass(frozen=True)
class Crit:
    id: int
    weight: float
    scale_min: int
    scale_max: int


@dataclass
class PitchResult:
    application_id: int
    expected: int = 0  # eligible jurors: active, assigned, not in conflict
    conflicts: int = 0
    totals: dict[int, float] = field(default_factory=dict)  # juror id -> total (complete only)
    z: dict[int, float] = field(default_factory=dict)  # normalised jurors only
    criterion_means: dict[int, float] = field(default_factory=dict)  # raw scale, over counted jurors
    raw_rank: int | None = None
    norm_rank: int | None = None

    mean: float | None = None
    median: float | None = None
    sd: float | None = None  # population standard deviation of the juror totals
    norm_mean: float | None = None

    @property
    def count(self) -> int:
        return len(self.totals)

    @property
    def missing(self) -> int:
        return max(self.expected - self.count, 0)

    def summarise(self) -> None:
        """Fix mean, median, spread and normalised mean once all totals are in."""
        values = list(self.totals.values())
        if values:
            self.mean, self.sd = _mean_sd(values)
            self.median = statistics.median(values)
        if self.z:
            self.norm_mean = sum(self.z.values()) / len(self.z)

    @property
    def ranks_differ(self) -> bool:
        return self.raw_rank is not None and self.norm_rank is not None and self.raw_rank != self.norm_rank


@dataclass
class JurorResult:
    juror_id: int
    expected: int = 0
    complete: int = 0
    mean: float | None = None
    sd: float | None = None
    normalised: bool = False
    reason: str = ""  # why not normalised: "too_few" or "no_spread"


@dataclass
class Results:
    pitches: list[PitchResult]
    jurors: dict[int, JurorResult]
    min_scores: int

    def ranked(self, key: str) -> list[PitchResult]:
        """Pitches by ``raw_rank`` or ``norm_rank``; unranked ones last, in running order."""
        order = {p.application_id: i for i, p in enumerate(self.pitches)}
        return sorted(self.pitches, key=lambda p: (getattr(p, key) is None, getattr(p, key) or 0,
                                                   order[p.application_id]))


def _mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation (plain floats: statistics.pstdev is exact and slow)."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def juror_total(criteria: list[Crit], values: dict[int, int]) -> float | None:
    """0–100; None unless every criterion has a value."""
    if not criteria or any(c.id not in values for c in criteria):
        return None
    weight = sum(c.weight for c in criteria)
    return 100 * sum(c.weight * (values[c.id] - c.scale_min) / (c.scale_max - c.scale_min)
                     for c in criteria) / weight


def _rank(pitches: list[PitchResult], primary, secondary, attr: str) -> None:
    """Competition ranking (1, 1, 3): higher ``primary`` first, ties broken by higher ``secondary``; pitches
    still equal share the place."""
    def key(p):
        s = secondary(p)
        return (round(primary(p), 9), round(s, 9) if s is not None else float("-inf"))

    scored = sorted((p for p in pitches if primary(p) is not None), key=key, reverse=True)
    previous, place = None, 0
    for i, pitch in enumerate(scored, start=1):
        if key(pitch) != previous:
            place, previous = i, key(pitch)
        setattr(pitch, attr, place)


def compute(*, criteria: list[Crit], pitch_ids: list[int], juror_ids: list[int], scores, conflicts=(),
            unassigned=(), min_scores: int = NORMALISE_MIN_SCORES) -> Results:
    """``scores``: (juror_id, application_id, criterion_id, value) rows; ``conflicts`` and ``unassigned``:
    (juror_id, application_id) pairs that do not count. Jurors not in ``juror_ids`` (revoked) do not count."""
    excluded_conflict, excluded_other = set(conflicts), set(unassigned)
    jurors = {j: JurorResult(j) for j in juror_ids}
    pitches = {p: PitchResult(p) for p in pitch_ids}
    cells: dict[tuple[int, int], dict[int, int]] = {}
    for juror_id, app_id, crit_id, value in scores:
        if juror_id in jurors and app_id in pitches:
            cells.setdefault((juror_id, app_id), {})[crit_id] = value
    for p in pitches.values():
        for j in jurors.values():
            pair = (j.juror_id, p.application_id)
            if pair in excluded_conflict:
                p.conflicts += 1
            elif pair not in excluded_other:
                p.expected += 1
                j.expected += 1
                total = juror_total(criteria, cells.get(pair, {}))
                if total is not None:
                    p.totals[j.juror_id] = total
    for j in jurors.values():
        own = [p.totals[j.juror_id] for p in pitches.values() if j.juror_id in p.totals]
        j.complete = len(own)
        if own:
            j.mean, j.sd = _mean_sd(own)
        if j.complete < min_scores:
            j.reason = "too_few"
        elif j.sd < _EPS:
            j.reason = "no_spread"
        else:
            j.normalised = True
            for p in pitches.values():
                if j.juror_id in p.totals:
                    p.z[j.juror_id] = (p.totals[j.juror_id] - j.mean) / j.sd
    for p in pitches.values():
        counted = [cells[(j, p.application_id)] for j in p.totals]
        for c in criteria:
            if counted:
                p.criterion_means[c.id] = sum(v[c.id] for v in counted) / len(counted)
        p.summarise()
    ordered = [pitches[p] for p in pitch_ids]
    _rank(ordered, lambda p: p.mean, lambda p: p.norm_mean, "raw_rank")
    _rank(ordered, lambda p: p.norm_mean, lambda p: p.mean, "norm_rank")
    return Results(ordered, jurors, min_scores)
