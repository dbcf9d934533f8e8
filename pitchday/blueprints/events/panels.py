"""Sections that areas add to the event page (registration, call for pitches, line-up, results...).

A panel is a template and a function that gives its context for an event and the current viewer, or None
to hide it. The event page renders the panels in ``order``.

The page is built once per version of the event for everyone (``page_cache``), as an anonymous visitor sees
it. A panel that looks different for a signed-in viewer (their own registration, the organiser's links) is
registered ``personal=True``: for such a viewer it is rendered again and takes the place of the public one.
While the public page is built, ``building_public_page()`` is true: a panel then leaves out what belongs to
one browser (a form with its CSRF token, figures that change with every registration).
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import g


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[object], dict | None]
    order: int = 50
    personal: bool = False


EVENT_PANELS: list[Panel] = []


def register_event_panel(template: str, context: Callable[[object], dict | None], order: int = 50,
                         personal: bool = False) -> None:
    EVENT_PANELS.append(Panel(template, context, order, personal))


def building_public_page() -> bool:
    return bool(g.get("pitchday_public_page"))


def shown_panels(event, *, personal_only: bool = False) -> list[tuple[Panel, dict]]:
    """[(panel, context)] of the panels that show for this event and viewer, in order."""
    shown = []
    for panel in sorted(EVENT_PANELS, key=lambda p: p.order):
        if personal_only and not panel.personal:
            continue
        context = panel.context(event)
        if context is not None:
            shown.append((panel, context))
    return shown


def event_panels(event) -> list[tuple[str, dict]]:
    """[(template, context)] of the panels that show for this event and viewer, in order."""
    return [(panel.template, context) for panel, context in shown_panels(event)]
