"""Figures shown per event on the organiser's dashboard; each area adds its own counter.

A counter takes a list of event ids and returns ``{event_id: number}`` in one query, so the dashboard costs
a fixed number of queries however many events it lists.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Counter:
    key: str
    label: object  # a lazy translated string
    count: Callable[[list[int]], dict[int, int]]
    endpoint: str | None = None  # where the figure links to, given ``event_id`` (the area's own page)


COUNTERS: list[Counter] = []


def register(key: str, label, count: Callable[[list[int]], dict[int, int]], endpoint: str | None = None) -> None:
    COUNTERS.append(Counter(key, label, count, endpoint))


def counts_for(event_ids: list[int]) -> dict[str, dict[int, int]]:
    return {c.key: c.count(event_ids) for c in COUNTERS}
