"""What the home page shows besides the camps."""

from .events.query import upcoming


def upcoming_events(limit: int) -> list:
    """Upcoming published events across camps, soonest first."""
    events, _more = upcoming(page_size=limit)
    return events
