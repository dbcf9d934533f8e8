"""What the home page shows besides the camps."""


def upcoming_events(limit: int) -> list:
    """Upcoming published events across camps (filled in by the events area)."""
    return []
