"""Kempe-chain repair: place a pair the greedy left out by swapping two slots along an alternating path.

When startup s is free in slot a and counterpart c is free in slot b but no slot frees both, follow c's
meetings alternately in slot a, slot b, a, ... and swap a and b along that path; c is then free in a, and in
a bipartite graph the path never reaches s (it would arrive by an a-meeting, and s has none). This is the step
of König's edge-colouring proof. Paths through fixed meetings are not used, and a swap must fit the tables.
"""

from collections import defaultdict


def repair(pairs: list, slots: int, capacity: dict, fixed_slots: dict, chosen: dict, rounds: int = 2) -> dict:
    """``chosen`` {key: slot} (fixed ones included) improved in place and returned."""
    by_key = {p.key: p for p in pairs}
    at = defaultdict(dict)  # party -> {slot: key}
    load = defaultdict(int)
    for key, slot in chosen.items():
        p = by_key[key]
        at[p.startup][slot] = at[p.counterpart][slot] = key
        load[slot] += 1
    for _ in range(rounds):
        placed_any = False
        for p in pairs:
            if p.key in chosen:
                continue
            if _place(p, slots, capacity, fixed_slots, chosen, at, load, by_key):
                placed_any = True
        if not placed_any:
            break
    return chosen


def _place(p, slots, capacity, fixed_slots, chosen, at, load, by_key) -> bool:
    free_s = [s for s in range(slots) if s not in at[p.startup]]
    free_c = [s for s in range(slots) if s not in at[p.counterpart]]
    both = [s for s in free_s if s in set(free_c) and load[s] < capacity[s]]
    if both:
        _put(p, both[0], chosen, at, load)
        return True
    for a in free_s:
        for b in free_c:
            if a == b:
                continue
            path = _path(p.counterpart, a, b, at, by_key)
            if path is None or any(k in fixed_slots for k in path):
                continue
            n_a = sum(1 for k in path if chosen[k] == a)
            n_b = len(path) - n_a
            if load[a] + n_b - n_a + 1 > capacity[a] or load[b] + n_a - n_b > capacity[b]:
                continue
            _swap(path, a, b, chosen, at, load, by_key)
            _put(p, a, chosen, at, load)
            return True
    return False


def _path(start, a, b, at, by_key, limit=10_000):
    """Keys of the alternating a/b path from ``start`` (first edge in slot a), or None when it runs too long."""
    keys, party, colour = [], start, a
    while colour in at[party] and len(keys) < limit:
        key = at[party][colour]
        keys.append(key)
        pair = by_key[key]
        party = pair.startup if pair.counterpart == party else pair.counterpart
        colour = b if colour == a else a
    return keys if len(keys) < limit else None


def _swap(path, a, b, chosen, at, load, by_key):
    for key in path:  # unhook first, then re-hook, so the swapped meetings never overwrite each other
        p = by_key[key]
        del at[p.startup][chosen[key]], at[p.counterpart][chosen[key]]
        load[chosen[key]] -= 1
    for key in path:
        new = b if chosen[key] == a else a
        chosen[key] = new
        p = by_key[key]
        at[p.startup][new] = at[p.counterpart][new] = key
        load[new] += 1


def _put(p, slot, chosen, at, load):
    chosen[p.key] = slot
    at[p.startup][slot] = at[p.counterpart][slot] = p.key
    load[slot] += 1
