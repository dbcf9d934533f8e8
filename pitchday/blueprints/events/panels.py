"""Sections that areas add to the event page (registration, call for pitches, line-up, results...).

A panel is a template and a function that gives its context for an event and the current viewer, or None
to hide it. The event page renders the panels in ``order``.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[object], dict | None]
    order: int = 50


EVENT_PANELS: list[Panel] = []


def register_event_panel(template: str, context: Callable[[object], dict | None], order: int = 50) -> None:
    EVENT_PANELS.append(Panel(template, context, order))


def event_panels(event) -> list[tuple[str, dict]]:
    """[(template, context)] of the panels that show for this event, in order."""
    shown = []
    for panel in sorted(EVENT_PANELS, key=lambda p: p.order):
        context = panel.context(event)
        if context is not None:
            shown.append((panel.template, context))
    return shown
