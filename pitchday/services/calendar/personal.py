"""What belongs in a person's private calendar feed: each area adds entries (registrations, pitch slots,
jury duties) for a user."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PersonalEntry:
    event: object  # the Event
    role: str  # "attendee", "pitch", "juror", "meeting"
    # For entries narrower than the whole event (a pitch slot, a meeting): their own time and a stable UID.
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    uid: str | None = None
    title: str | None = None


PROVIDERS: list[Callable] = []


def register(provider: Callable) -> Callable:
    PROVIDERS.append(provider)
    return provider


def entries_for(user) -> list[PersonalEntry]:
    return [entry for provider in PROVIDERS for entry in provider(user)]
