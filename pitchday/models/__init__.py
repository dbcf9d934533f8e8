"""All models, imported here so Alembic and the app see the whole schema."""

from .accounts import RoleChange, RoleGrant, User
from .applications import Application, ApplicationStatus, PitchSlot
from .camps import Camp
from .checkin import CheckIn, DeviceKind, ScanLog, ScannerDevice, ScanResult
from .events import AgendaBlock, BlockKind, Event, EventStatus, EventType
from .registrations import AttendeeType, Registration, RegistrationStatus
from .startups import MemberRole, Stage, Startup, StartupMember

__all__ = [
    "AgendaBlock", "Application", "ApplicationStatus", "AttendeeType", "BlockKind", "Camp", "Event", "EventStatus",
    "CheckIn", "DeviceKind", "ScanLog", "ScanResult", "ScannerDevice",
    "EventType", "MemberRole", "PitchSlot", "Registration", "RegistrationStatus", "RoleChange", "RoleGrant", "Stage",
    "Startup", "StartupMember", "User",
]
