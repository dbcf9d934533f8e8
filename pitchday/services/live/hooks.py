"""Who hears about a control-room action: the audit trail, where one exists (registered there, not imported
here, so the live area does not depend on it)."""

from collections.abc import Callable

_LISTENERS: list[Callable] = []


def on_action(listener: Callable) -> Callable:
    """Register ``listener(event, action, by)``; called inside the action's transaction, after its log entry."""
    _LISTENERS.append(listener)
    return listener


def after_action(event, action, by) -> None:
    for listener in _LISTENERS:
        listener(event, action, by)
