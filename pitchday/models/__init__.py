"""All models, imported here so Alembic and the app see the whole schema."""

from .accounts import RoleChange, RoleGrant, User
from .applications import Application, ApplicationStatus, PitchSlot
from .camps import Camp
from .events import AgendaBlock, BlockKind, Event, EventStatus, EventType
from .jury import Award, Conflict, Criterion, Juror, JurorAssignment, JuryPublication, Score, ScoreSheet  # noqa: F401
from .registrations import AttendeeType, Registration, RegistrationStatus
from .startups import MemberRole, Stage, Startup, StartupMember

__all__ = [
    "AgendaBlock", "Application", "ApplicationStatus", "AttendeeType", "BlockKind", "Camp", "Event", "EventStatus",
    "EventType", "MemberRole", "PitchSlot", "Registration", "RegistrationStatus", "RoleChange", "RoleGrant", "Stage",
    "Startup", "StartupMember", "User",
]
