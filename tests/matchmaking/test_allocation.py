"""The allocation places the most agreed meetings the grid allows, and never breaks a rule."""

import random

import pytest

from pitchday.services.matchmaking.allocation import AllocationError, Pair, allocate, check, greedy


def best_by_exhaustive_search(pairs, slots, tables, fixed):
    """The largest number of pairs placeable: every pair tried in every free slot or left out."""
    busy = set()
    load = [0] * slots
    for key, (slot, _table) in fixed.items():
        p = next(p for p in pairs if p.key == key)
        busy |= {(p.startup, slot), (p.counterpart, slot)}
        load[slot] += 1
    todo = [p for p in pairs if p.key not in fixed]
    best = 0

    def search(i, placed):
        nonlocal best
        if placed + len(todo) - i <= best:
            return  # even placing all the rest would not beat the best found
        if i == len(todo):
            best = placed
            return
        p = todo[i]
        for s in range(slots):
            if load[s] < len(tables) and (p.startup, s) not in busy and (p.counterpart, s) not in busy:
                busy.update({(p.startup, s), (p.counterpart, s)})
                load[s] += 1
                search(i + 1, placed + 1)
                load[s] -= 1
                busy.difference_update({(p.startup, s), (p.counterpart, s)})
        search(i + 1, placed)

    search(0, 0)
    return len(fixed) + best


def random_case(rng):
    startups, people = rng.randint(2, 4), rng.randint(2, 6)
    all_pairs = [(s, a) for s in range(startups) for a in range(people)]
    chosen = rng.sample(all_pairs, rng.randint(1, min(11, len(all_pairs))))
    pairs = [Pair(i, ("s", s), ("a", a)) for i, (s, a) in enumerate(chosen)]
    slots, tables = rng.randint(1, 3), [f"T{i}" for i in range(rng.randint(1, 3))]
    # Fix a few meetings in place the way an earlier, confirmed run would have.
    earlier = greedy(rng.sample(pairs, len(pairs)), slots, tables)
    fixed = dict(rng.sample(sorted(earlier.items()), rng.randint(0, min(3, len(earlier)))))
    return pairs, slots, tables, fixed


@pytest.mark.parametrize("seed", range(60))
def test_allocation_reaches_the_best_possible_placement_on_small_cases(seed):
    pairs, slots, tables, fixed = random_case(random.Random(seed))
    result = allocate(pairs, slots, tables, fixed=fixed)
    assert check(pairs, slots, tables, result.placements, fixed) == []
    assert result.placed == best_by_exhaustive_search(pairs, slots, tables, fixed)
    assert result.optimal


def test_the_small_cases_include_ones_where_first_fit_falls_short():
    # So the comparison above really exercises the exact solve, not only the greedy shortcut.
    short = 0
    for seed in range(60):
        pairs, slots, tables, fixed = random_case(random.Random(seed))
        best = best_by_exhaustive_search(pairs, slots, tables, fixed)
        short += len(greedy(pairs, slots, tables, fixed, order="hardest_first")) < best
    assert short >= 2


def test_confirmed_meetings_stay_at_their_slot_and_table():
    pairs = [Pair("Ax", "A", "x"), Pair("Bx", "B", "x"), Pair("Ay", "A", "y"), Pair("Cy", "C", "y")]
    fixed = {"Cy": (0, "T2"), "Bx": (1, "T1")}
    result = allocate(pairs, 2, ["T1", "T2"], fixed=fixed)
    assert result.placements["Cy"] == (0, "T2") and result.placements["Bx"] == (1, "T1")
    assert result.placed == best_by_exhaustive_search(pairs, 2, ["T1", "T2"], fixed) == 4
    assert check(pairs, 2, ["T1", "T2"], result.placements, fixed) == []


def test_a_re_run_keeps_unconfirmed_meetings_where_they_were_when_it_can():
    pairs = [Pair(i, ("s", i % 3), ("a", i)) for i in range(6)]
    previous = {0: (2, "T2"), 1: (1, "T1"), 2: (0, "T1"), 3: (1, "T2")}
    result = allocate(pairs, 3, ["T1", "T2"], previous=previous)
    assert result.placed == 6
    for key, place in previous.items():
        assert result.placements[key] == place


def test_no_slots_or_no_tables_place_nothing_but_the_fixed():
    pairs = [Pair(1, "A", "x")]
    assert allocate(pairs, 0, ["T1"]).placed == 0
    assert allocate(pairs, 2, []).unplaced == [1]


def test_fixed_meetings_that_collide_are_refused():
    pairs = [Pair(1, "A", "x"), Pair(2, "A", "y")]
    with pytest.raises(AllocationError):
        allocate(pairs, 2, ["T1", "T2"], fixed={1: (0, "T1"), 2: (0, "T2")})


def test_a_large_allocation_keeps_every_rule():
    from bench.matchmaking_allocation import large_case

    pairs = large_case(seed=3)
    tables = [f"T{i}" for i in range(45)]
    fixed = dict(list(greedy(pairs, 10, tables).items())[:80])
    result = allocate(pairs, 10, tables, fixed=fixed)
    assert check(pairs, 10, tables, result.placements, fixed) == []
    assert result.placed >= len(greedy(pairs, 10, tables, fixed))
    assert result.placed <= result.upper_bound


def test_the_small_cases_exercise_both_the_shortcut_and_the_exact_solver():
    used = {allocate(*random_case(random.Random(seed))[:3], fixed=random_case(random.Random(seed))[3]).solver
            for seed in range(60)}
    assert used == {"greedy", "cp-sat"}
