"""The arithmetic of the results, checked against hand-computed examples."""

import pytest

from pitchday.services.jury.stats import Crit, compute, juror_total

# Two criteria on 0–10, weights 1 and 3: a total is 10 × (v1 + 3·v2) / 4 percent.
CRITS = [Crit(1, 1.0, 0, 10), Crit(2, 3.0, 0, 10)]


def rows(juror, app, v1, v2):
    return [(juror, app, 1, v1), (juror, app, 2, v2)]


def test_a_juror_total_is_the_weighted_mean_as_percent_of_the_scale():
    assert juror_total(CRITS, {1: 10, 2: 2}) == pytest.approx(40.0)  # (10 + 6) / 4 × 10
    assert juror_total([Crit(1, 1, 1, 10)], {1: 10}) == 100 and juror_total([Crit(1, 1, 1, 10)], {1: 1}) == 0


def test_an_incomplete_set_of_values_is_no_total():
    assert juror_total(CRITS, {1: 10}) is None


def test_mean_median_spread_and_count_per_pitch():
    scores = rows(1, 100, 10, 10) + rows(2, 100, 0, 0) + rows(3, 100, 4, 4)
    result = compute(criteria=CRITS, pitch_ids=[100], juror_ids=[1, 2, 3], scores=scores)
    pitch = result.pitches[0]
    # Totals 100, 0, 40: mean 46.67, median 40, population sd sqrt(((53.3)² + (46.7)² + (6.7)²)/3) = 41.1
    assert pitch.count == 3 and pitch.missing == 0
    assert pitch.mean == pytest.approx(140 / 3)
    assert pitch.median == pytest.approx(40)
    assert pitch.sd == pytest.approx(41.096, abs=1e-3)


def test_missing_scores_are_counted_and_left_out_of_the_mean():
    scores = rows(1, 100, 10, 10) + [(2, 100, 1, 5)]  # juror 2 scored only one criterion
    pitch = compute(criteria=CRITS, pitch_ids=[100], juror_ids=[1, 2, 3], scores=scores).pitches[0]
    assert pitch.count == 1 and pitch.missing == 2 and pitch.mean == 100


def test_a_conflicted_juror_is_neither_expected_nor_counted():
    scores = rows(1, 100, 10, 10) + rows(2, 100, 0, 0)
    pitch = compute(criteria=CRITS, pitch_ids=[100], juror_ids=[1, 2], scores=scores,
                    conflicts=[(2, 100)]).pitches[0]
    assert pitch.count == 1 and pitch.missing == 0 and pitch.conflicts == 1 and pitch.mean == 100


def test_revoked_jurors_do_not_count():
    scores = rows(1, 100, 10, 10) + rows(9, 100, 0, 0)
    pitch = compute(criteria=CRITS, pitch_ids=[100], juror_ids=[1], scores=scores).pitches[0]
    assert pitch.count == 1 and pitch.mean == 100


def test_normalisation_makes_a_harsh_and_a_lenient_juror_weigh_the_same():
    # Lenient juror 1: 100, 80, 90 for pitches A, B, C. Harsh juror 2: 0, 40, 20 (reverse taste).
    # Juror 1: mean 90, sd sqrt(200/3) = 8.165 → z = +1.2247, -1.2247, 0.
    # Juror 2: mean 20, sd 16.33 → z = -1.2247, +1.2247, 0. Both equal: each pitch's mean z is 0.
    scores = (rows(1, 1, 10, 10) + rows(1, 2, 8, 8) + rows(1, 3, 9, 9)
              + rows(2, 1, 0, 0) + rows(2, 2, 4, 4) + rows(2, 3, 2, 2))
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1, 2], scores=scores)
    a, b, c = result.pitches
    assert a.z[1] == pytest.approx(1.2247, abs=1e-4) and a.z[2] == pytest.approx(-1.2247, abs=1e-4)
    assert a.norm_mean == pytest.approx(0) and b.norm_mean == pytest.approx(0) and c.norm_mean == pytest.approx(0)
    # Raw means: A 50, B 60, C 55: the lenient juror's numbers dominate nothing here; the harsh juror's do.
    assert [p.raw_rank for p in (a, b, c)] == [3, 1, 2]
    # Normalised: all equal at 0 → tie-break by raw mean gives the same order.
    assert [p.norm_rank for p in (a, b, c)] == [3, 1, 2]


def test_normalised_ranking_differs_from_the_raw_one_when_spreads_differ():
    # Juror 1 (wide spread): A 100, B 0, C 50. Juror 2 (narrow): A 40, B 60, C 50.
    # Raw: A 70, B 30, C 50. z1: A +1.2247, B -1.2247, C 0; z2: A -1.2247, B +1.2247, C 0 → all 0 → raw tie-break.
    # Add juror 3 narrow too: A 40, B 60, C 50 → z3 like z2. Norm: A -0.408, B +0.408, C 0: B first.
    scores = (rows(1, 1, 10, 10) + rows(1, 2, 0, 0) + rows(1, 3, 5, 5)
              + rows(2, 1, 4, 4) + rows(2, 2, 6, 6) + rows(2, 3, 5, 5)
              + rows(3, 1, 4, 4) + rows(3, 2, 6, 6) + rows(3, 3, 5, 5))
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1, 2, 3], scores=scores)
    a, b, c = result.pitches
    assert a.mean == pytest.approx(60) and b.mean == pytest.approx(40) and c.mean == pytest.approx(50)
    assert (a.raw_rank, c.raw_rank, b.raw_rank) == (1, 2, 3)
    assert b.norm_mean == pytest.approx(1.2247 / 3, abs=1e-4)
    assert (b.norm_rank, c.norm_rank, a.norm_rank) == (1, 2, 3)
    assert a.ranks_differ and b.ranks_differ and not c.ranks_differ


def test_a_juror_with_all_equal_scores_is_not_normalised():
    scores = rows(1, 1, 5, 5) + rows(1, 2, 5, 5) + rows(1, 3, 5, 5) + rows(2, 1, 10, 10) + rows(2, 2, 0, 0) + \
        rows(2, 3, 5, 5)
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1, 2], scores=scores)
    assert not result.jurors[1].normalised and result.jurors[1].reason == "no_spread"
    assert result.jurors[1].sd == 0
    assert result.jurors[2].normalised
    a = result.pitches[0]
    assert set(a.z) == {2}  # only juror 2 in the normalised mean
    assert a.mean == pytest.approx(75)  # raw keeps both: (50 + 100) / 2


def test_a_juror_below_the_threshold_is_not_normalised():
    scores = rows(1, 1, 10, 10) + rows(1, 2, 0, 0)
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1], scores=scores, min_scores=3)
    assert result.jurors[1].reason == "too_few" and result.jurors[1].complete == 2
    assert all(p.norm_rank is None for p in result.pitches)
    assert [p.raw_rank for p in result.pitches] == [1, 2, None]


def test_ties_are_broken_by_the_other_score_then_shared():
    # Raw means A = B = 50. Juror 1 (normalised): A 60, B 40, C 50 → z: A +1.22, B -1.22, C 0.
    # Juror 2 (too few scores, raw only): A 40, B 60. Raw: A 50, B 50, C 50 → all tied on raw;
    # tie-break by normalised mean: A (+1.22) 1st, C (0) 2nd, B (-1.22) 3rd.
    scores = rows(1, 1, 6, 6) + rows(1, 2, 4, 4) + rows(1, 3, 5, 5) + rows(2, 1, 4, 4) + rows(2, 2, 6, 6)
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1, 2], scores=scores)
    a, b, c = result.pitches
    assert a.mean == b.mean == c.mean == pytest.approx(50)
    assert (a.raw_rank, c.raw_rank, b.raw_rank) == (1, 2, 3)


def test_pitches_equal_on_both_scores_share_the_place():
    scores = rows(1, 1, 5, 5) + rows(1, 2, 5, 5) + rows(1, 3, 0, 0)
    result = compute(criteria=CRITS, pitch_ids=[1, 2, 3], juror_ids=[1], scores=scores)
    assert [p.raw_rank for p in result.pitches] == [1, 1, 3]
