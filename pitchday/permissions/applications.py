"""Rules about startups, their applications and pitch decks.

``DECK_READERS`` lets other areas widen who may read an application and download its deck without this
module knowing them: the jury area appends ``lambda user, application: <juror of that event without a
conflict with that startup>``. A reader returns True to allow; it never denies what the rules below allow.
"""

from collections.abc import Callable

from ..extensions import db
from ..models import StartupMember
from .core import rule
from .events import event_view, manages

DECK_READERS: list[Callable[[object, object], bool]] = []


def is_member(user, startup) -> bool:
    if user is None or startup is None or startup.id is None:
        return False
    return db.session.scalar(db.select(StartupMember.id).filter_by(startup_id=startup.id, user_id=user.id)) is not None


@rule("startup.view", public=True)
def startup_view(user, startup, **_objects):
    """The public startup page: when the startup made it public, or for its members and hub admins."""
    return startup.is_public or is_member(user, startup) or (user is not None and user.is_hub_admin)


@rule("startup.edit")
def startup_edit(user, startup, **_objects):
    """Only members edit a startup, invite co-founders, and apply for it."""
    return is_member(user, startup)


@rule("startup.apply")
def startup_apply(user, startup, event, **_objects):
    """Members apply for their startup to an event they can see."""
    return is_member(user, startup) and event_view(user, event)


@rule("event.apply")
def event_apply(user, event, **_objects):
    """Choosing which of one's startups applies: any logged-in person who sees the event."""
    return event_view(user, event)


@rule("application.own")
def application_own(user, application, **_objects):
    """The startup's members: edit, submit, withdraw."""
    return is_member(user, application.startup)


@rule("application.read", link_scopes=("juror",))
def application_read(user, application, **_objects):
    """Reading an application and its deck: the startup's members, the event's managers, registered readers."""
    return (is_member(user, application.startup) or manages(user, application.event)
            or any(reader(user, application) for reader in DECK_READERS))


@rule("application.decide")
def application_decide(user, application, **_objects):
    """Organisers of the event's camp (and hub admins) review, note and decide."""
    return manages(user, application.event)
