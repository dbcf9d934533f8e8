"""Europe/Berlin, the hub's time zone: converting what people type and read to and from stored UTC."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def from_local(naive: datetime | None) -> datetime | None:
    """A wall-clock time in Berlin (as typed into a form) as aware UTC; correct across summer-time changes."""
    if naive is None:
        return None
    return naive.replace(tzinfo=BERLIN).astimezone(UTC)


def to_local(value: datetime | None) -> datetime | None:
    """Aware UTC as aware Berlin time."""
    return value.astimezone(BERLIN) if value else None


def to_local_naive(value: datetime | None) -> datetime | None:
    """For pre-filling ``datetime-local`` inputs."""
    return to_local(value).replace(tzinfo=None) if value else None


def quarters(year: int):
    """``("2026-Q1", start, end)`` for each quarter of ``year``, the bounds as aware UTC of Berlin's midnights."""
    for q in range(4):
        start = from_local(datetime(year, 3 * q + 1, 1))
        end = from_local(datetime(year + (q == 3), (3 * q + 3) % 12 + 1, 1))
        yield f"{year}-Q{q + 1}", start, end
