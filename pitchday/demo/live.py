"""Demo data for the live show: the demo pitch day is ready to be run live from the seeded accounts.

The Essen organiser (``orga-essen@pitchday.example``) opens the event's control room (``/events/<id>/live``),
the stage link is on its setup page, and the demo jurors follow on their phones. Seeding again is the rehearsal:
the show goes back to its start (the first startup called, nothing started), as the setup page's "Reset the
show (rehearsal)" button does.
"""

from ..services.applications.running_order import slots_for
from ..services.live import state as live_state
from ..services.live import transitions
from .events import demo_pitch_day

LOGINS = [("control room (demo pitch day)", "orga-essen@pitchday.example")]


def rehearsal(event) -> None:
    """Reset the event's live show to its start."""
    live_state.ensure_state(event)
    transitions.reset(event, by=None)


def seed() -> None:
    event = demo_pitch_day()
    if event is None or not slots_for(event):
        return
    rehearsal(event)
