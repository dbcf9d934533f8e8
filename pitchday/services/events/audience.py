"""Who must hear about a change to an event: each area adds the people it knows (attendees, startups, jurors).

A provider takes the event and returns Recipients; the events area mails them when a published event's time,
place or status changes.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    locale: str = "de"
    reason: str = ""  # "attendee", "startup", "juror": lets the mail say why they get it


PROVIDERS: list[Callable] = []


def register(provider: Callable) -> Callable:
    PROVIDERS.append(provider)
    return provider


def recipients_for(event) -> list[Recipient]:
    """Everyone concerned, each address once."""
    seen: dict[str, Recipient] = {}
    for provider in PROVIDERS:
        for recipient in provider(event):
            seen.setdefault(recipient.email.lower(), recipient)
    return list(seen.values())
