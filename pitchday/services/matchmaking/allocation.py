"""Placing agreed meetings into the networking block: slots x tables, nobody in two places at once.

Pure Python, no Flask and no database: the service layer turns rows into ``Pair`` values and back.

The problem: each agreed pair (a startup and a counterpart) gets at most one (slot, table); a party sits at
most one meeting per slot; a table holds one meeting per slot; meetings already fixed (confirmed by both
sides, or placed by an organiser) keep their slot and table. Maximise the number placed.

Without fixed meetings this is a bounded edge colouring of a bipartite graph, which a flow solves; fixed
meetings make some slots unavailable to some parties, and that variant (list edge colouring) is NP-hard, so
slot-by-slot matching can miss the optimum. We solve it exactly as a 0/1 programme with OR-Tools CP-SAT,
seeded with a greedy placement, under a time limit. Among maximum placements the solver prefers the one that
leaves meetings in the slot they had before, so a re-run moves as few people as it must.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from .repair import repair


@dataclass(frozen=True)
class Pair:
    key: Hashable  # the agreed request's id
    startup: Hashable  # the startup side, e.g. ("s", 7)
    counterpart: Hashable  # the attendee or juror side, e.g. ("u", 12) or ("r", 40)


@dataclass
class Allocation:
    placements: dict  # key -> (slot, table)
    unplaced: list  # keys that found no place
    optimal: bool  # proved the largest possible number placed
    upper_bound: int  # no allocation can place more than this
    solver: str = "cp-sat"
    stats: dict = field(default_factory=dict)

    @property
    def placed(self) -> int:
        return len(self.placements)


class AllocationError(ValueError):
    """The fixed meetings already break a rule (a party or a table twice in one slot)."""


def _check_fixed(pairs_by_key: dict, slots: int, tables: list, fixed: dict):
    busy, used = set(), set()
    for key, (slot, table) in fixed.items():
        pair = pairs_by_key.get(key)
        if pair is None:
            raise AllocationError(f"fixed meeting {key!r} is not an agreed pair")
        if not 0 <= slot < slots or table not in tables:
            raise AllocationError(f"fixed meeting {key!r} lies outside the grid")
        for mark in ((pair.startup, slot), (pair.counterpart, slot), ("table", table, slot)):
            if mark in busy or mark in used:
                raise AllocationError(f"fixed meeting {key!r} collides at slot {slot}")
            busy.add(mark)
    return busy


def greedy(pairs: Iterable[Pair], slots: int, tables: list, fixed: dict | None = None,
           order: str = "given", previous: dict | None = None) -> dict:
    """First fit: each pair in turn takes the earliest slot where both sides and a table are free.

    ``order="given"`` is the naive baseline; ``"hardest_first"`` starts with the parties that want most and
    tries each pair's ``previous`` slot before the others.
    """
    previous = previous or {}
    pairs = list(pairs)
    fixed = dict(fixed or {})
    by_key = {p.key: p for p in pairs}
    busy = _check_fixed(by_key, slots, tables, fixed)
    free_tables = {s: [t for t in tables if ("table", t, s) not in busy] for s in range(slots)}
    result = dict(fixed)
    todo = [p for p in pairs if p.key not in fixed]
    if order == "hardest_first":
        degree = defaultdict(int)
        for p in pairs:
            degree[p.startup] += 1
            degree[p.counterpart] += 1
        todo.sort(key=lambda p: (p.key not in previous, -(degree[p.startup] + degree[p.counterpart])))
    for p in todo:
        before = previous.get(p.key)
        candidates = ([before[0]] if before and 0 <= before[0] < slots else []) + list(range(slots))
        for s in candidates:
            if free_tables[s] and (p.startup, s) not in busy and (p.counterpart, s) not in busy:
                result[p.key] = (s, free_tables[s].pop(0))
                busy.update({(p.startup, s), (p.counterpart, s)})
                break
    return result


def degree_bound(pairs: list, slots: int, tables: list, fixed: dict) -> int:
    """An upper bound: a max flow where each party meets at most once per free slot, tables in total.

    It ignores which slots are free, so it may exceed the true optimum when fixed meetings exist.
    """
    from ortools.graph.python import max_flow

    fixed_count = defaultdict(int)
    by_key = {p.key: p for p in pairs}
    for key in fixed:
        fixed_count[by_key[key].startup] += 1
        fixed_count[by_key[key].counterpart] += 1
    free = [p for p in pairs if p.key not in fixed]
    ids: dict = {}

    def node(name):
        return ids.setdefault(name, len(ids))

    flow = max_flow.SimpleMaxFlow()
    source, hub, sink = node("source"), node("hub"), node("sink")
    flow.add_arc_with_capacity(source, hub, max(0, slots * len(tables) - len(fixed)))
    for party in {p.startup for p in free}:
        flow.add_arc_with_capacity(node(("S", party)), sink, max(0, slots - fixed_count[party]))
    for party in {p.counterpart for p in free}:
        flow.add_arc_with_capacity(hub, node(("C", party)), max(0, slots - fixed_count[party]))
    for p in free:
        flow.add_arc_with_capacity(node(("C", p.counterpart)), node(("S", p.startup)), 1)
    flow.solve(source, sink)
    return len(fixed) + flow.optimal_flow()


def allocate(pairs: Iterable[Pair], slots: int, tables: list, fixed: dict | None = None,
             previous: dict | None = None, time_limit: float = 3.0, workers: int = 2,
             shortcut: bool = True) -> Allocation:
    """Place as many pairs as possible; ``fixed`` {key: (slot, table)} stay put, ``previous`` is a preference.

    ``shortcut=False`` always runs the solver (the benchmark uses it to time the exact path).
    """
    from ortools.sat.python import cp_model

    pairs = list({p.key: p for p in pairs}.values())
    fixed = dict(fixed or {})
    previous = {k: v for k, v in (previous or {}).items() if k not in fixed}
    by_key = {p.key: p for p in pairs}
    busy = _check_fixed(by_key, slots, tables, fixed)
    if slots <= 0 or not tables:
        return Allocation(dict(fixed), [p.key for p in pairs if p.key not in fixed], True, len(fixed))

    hint = {key: place[0] for key, place in
            greedy(pairs, slots, tables, fixed, order="hardest_first", previous=previous).items()}
    hint = repair(pairs, slots, dict.fromkeys(range(slots), len(tables)), fixed, hint)
    bound = degree_bound(pairs, slots, tables, fixed)
    if shortcut and len(hint) >= bound:
        # The greedy placement (with Kempe-chain repairs) reaches an upper bound: it is a maximum, no solver needed.
        chosen = {key: slot for key, slot in hint.items() if key not in fixed}
        return Allocation(placements=_assign_tables(chosen, tables, fixed, previous, busy),
                          unplaced=[p.key for p in pairs if p.key not in hint], optimal=True, upper_bound=bound,
                          solver="greedy", stats={"status": "greedy and repairs reached the flow bound"})

    capacity = {s: sum(1 for t in tables if ("table", t, s) not in busy) for s in range(slots)}
    free = [p for p in pairs if p.key not in fixed]
    model = cp_model.CpModel()
    x = {}
    for p in free:
        for s in range(slots):
            if capacity[s] and (p.startup, s) not in busy and (p.counterpart, s) not in busy:
                x[p.key, s] = model.new_bool_var(f"x{len(x)}")
    by_pair, by_party_slot, by_slot = defaultdict(list), defaultdict(list), defaultdict(list)
    for (key, s), var in x.items():
        p = by_key[key]
        by_pair[key].append(var)
        by_party_slot[p.startup, s].append(var)
        by_party_slot[p.counterpart, s].append(var)
        by_slot[s].append(var)
    for vars_ in by_pair.values():
        model.add_at_most_one(vars_)
    for vars_ in by_party_slot.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for s, vars_ in by_slot.items():
        if len(vars_) > capacity[s]:
            model.add(sum(vars_) <= capacity[s])
    # Placing one more meeting always outweighs keeping every earlier slot.
    weight = len(free) + 1
    model.maximize(sum(weight * v for v in x.values())
                   + sum(x[k, s] for k, (s, _t) in previous.items() if (k, s) in x))
    for (key, s), var in x.items():
        model.add_hint(var, hint.get(key) == s)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        chosen = {key: s for (key, s), var in x.items() if solver.value(var)}
        bound = min(bound, len(fixed) + int(solver.best_objective_bound // weight))
        optimal = status == cp_model.OPTIMAL or len(chosen) >= bound - len(fixed)
    else:  # no answer in time: fall back on the greedy placement, which is always valid
        chosen = {key: slot for key, slot in hint.items() if key not in fixed}
        optimal = len(fixed) + len(chosen) >= bound
    placements = _assign_tables(chosen, tables, fixed, previous, busy)
    return Allocation(placements=placements, unplaced=[p.key for p in pairs if p.key not in placements],
                      optimal=optimal, upper_bound=max(bound, len(placements)),
                      stats={"status": solver.status_name(status), "variables": len(x),
                             "seconds": solver.wall_time})


def _assign_tables(chosen: dict, tables: list, fixed: dict, previous: dict, busy: set) -> dict:
    """Give each chosen (key, slot) a table: its previous table when still free, else the first free one."""
    placements = dict(fixed)
    taken = {(s, t) for (kind, t, s) in (m for m in busy if m[0] == "table")}
    waiting = []
    for key, s in sorted(chosen.items(), key=lambda item: str(item[0])):
        before = previous.get(key)
        if before and before[0] == s and (s, before[1]) not in taken and before[1] in tables:
            placements[key] = (s, before[1])
            taken.add((s, before[1]))
        else:
            waiting.append((key, s))
    for key, s in waiting:
        table = next(t for t in tables if (s, t) not in taken)
        placements[key] = (s, table)
        taken.add((s, table))
    return placements


def check(pairs: Iterable[Pair], slots: int, tables: list, placements: dict, fixed: dict | None = None) -> list:
    """The rule breaks in ``placements`` (empty when valid): used by tests and after manual moves."""
    by_key = {p.key: p for p in pairs}
    problems, seen = [], {}
    for key, (slot, table) in placements.items():
        pair = by_key.get(key)
        if pair is None:
            problems.append(f"{key!r} is not an agreed pair")
            continue
        if not 0 <= slot < slots or table not in tables:
            problems.append(f"{key!r} lies outside the grid")
        for mark in ((pair.startup, slot), (pair.counterpart, slot), ("table", table, slot)):
            if mark in seen:
                problems.append(f"{key!r} and {seen[mark]!r} collide on {mark!r}")
            seen[mark] = key
    for key, place in (fixed or {}).items():
        if placements.get(key) != place:
            problems.append(f"fixed meeting {key!r} moved")
    return problems
