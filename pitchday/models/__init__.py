"""All models, imported here so Alembic and the app see the whole schema."""

from .accounts import RoleChange, RoleGrant, User
from .applications import Application, ApplicationStatus, PitchSlot
from .applications import ApplicationAnswer, ApplicationDecision, ApplicationNote
from .applications_cfp import CallForPitches, CfpQuestion, QuestionKind
from .camps import Camp
from .events import AgendaBlock, BlockKind, Event, EventStatus, EventType
from .registrations import AttendeeType, Registration, RegistrationStatus
from .startups import MemberRole, Stage, Startup, StartupMember
from .startups import StartupInvitation

__all__ = [
    "AgendaBlock", "Application", "ApplicationStatus", "AttendeeType", "BlockKind", "Camp", "Event", "EventStatus",
    "EventType", "MemberRole", "PitchSlot", "Registration", "RegistrationStatus", "RoleChange", "RoleGrant", "Stage",
    "Startup", "StartupMember", "User",
    "ApplicationAnswer", "ApplicationDecision", "ApplicationNote", "CallForPitches", "CfpQuestion", "QuestionKind",
    "StartupInvitation",
]
