"""Rules about registrations and tickets."""

from .core import rule
from .events import event_view, manages


@rule("registration.register", public=True)
def register(user, event, **_objects):
    """Whoever sees the event may register (the window and seats are the service's business)."""
    return event_view(user, event)


@rule("ticket.holder", public=True)
def ticket_holder(user, registration, **_objects):
    """Knowing the ticket's secret is the permission: the loader has already found the ticket by it."""
    return registration is not None


@rule("registrations.manage")
def manage(user, event, **_objects):
    """The event's organisers (and hub admins) see and change its registrations."""
    return manages(user, event)
