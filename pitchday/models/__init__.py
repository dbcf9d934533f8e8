"""All models, imported here so Alembic and the app see the whole schema."""

from . import matchmaking  # noqa: F401  (issue 8: its models import from pitchday.models.matchmaking)
from .accounts import RoleChange, RoleGrant, User
from .account_security import RecoveryCode, UserSession  # noqa: F401  (issue 14)
from .audit import AuditEntry  # noqa: F401  (the audit trail, issue 14)
from .applications import (
    Application,
    ApplicationAnswer,
    ApplicationDecision,
    ApplicationNote,
    ApplicationStatus,
    PitchSlot,
)
from .applications_cfp import CallForPitches, CfpQuestion, QuestionKind
from .cache import CacheVersion  # noqa: F401  (versions of cached output, issue 17)
from .camps import Camp
from .tracks import FeedbackShare, Track, TrackSource, TrackStage, TrackStep  # noqa: F401  (issue 19)
from .challenges import Challenge, ChallengeProposal, ChallengeStatus, Company, CompanyMember  # noqa: F401
from .challenges import ProposalStatus, Visibility  # noqa: F401
from .checkin import CheckIn, DeviceKind, ScanLog, ScannerDevice, ScanResult
from .events import AgendaBlock, BlockKind, Event, EventStatus, EventType
from .vote import AudienceVote, AudienceVoteSettings  # noqa: F401  (audience vote, issue 5)
from .live import LiveAction, LiveStaff, LiveState  # noqa: F401  (the live show, issue 18)
from .jury import Award, Conflict, Criterion, Juror, JurorAssignment, JuryPublication, Score, ScoreSheet  # noqa: F401
from .jury import JurorProfile  # noqa: F401  (the hub's juror pool, issue 19)
from .registrations import AttendeeType, Registration, RegistrationQuestion, RegistrationQueue, RegistrationStatus
from .outbox import MessageState, OutboxMessage  # noqa: F401  (issue 15)
from .exports import ExportState, PreparedExport  # noqa: F401  (exports the worker prepares, issue 17)
from .startups import MemberRole, Stage, Startup, StartupInvitation, StartupMember

__all__ = [
    "AgendaBlock", "Application", "ApplicationStatus", "AttendeeType", "BlockKind", "Camp", "Event", "EventStatus",
    "CheckIn", "DeviceKind", "ScanLog", "ScanResult", "ScannerDevice",
    "EventType", "MemberRole", "PitchSlot", "Registration", "RegistrationStatus", "RoleChange", "RoleGrant", "Stage",
    "Startup", "StartupMember", "User",
    "ApplicationAnswer", "ApplicationDecision", "ApplicationNote", "CallForPitches", "CfpQuestion", "QuestionKind",
    "StartupInvitation",
]
__all__ += ["RegistrationQuestion", "RegistrationQueue"]
