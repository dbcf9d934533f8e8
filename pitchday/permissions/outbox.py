"""Rules about the mail log and decision mails: an event's organisers see its messages, hub admins all."""

from .core import rule
from .events import manages


@rule("outbox.event")
def event_mails(user, event, **_objects):
    """The event's organisers (and hub admins) read its mail log, resend and send its decision mails."""
    return manages(user, event)


@rule("outbox.message")
def message(user, message, **_objects):
    """A message of an event: its organisers; a message of no event (a password reset): hub admins only."""
    if message.event is not None:
        return manages(user, message.event)
    return user is not None and user.is_hub_admin


@rule("outbox.all")
def everything(user, **_objects):
    return user is not None and user.is_hub_admin
