"""Rules about the jury: who scores, who manages the jury, who reads a pitch's feedback or deck.

A juror may hold a session opened by their invitation link; such a session is limited to the event in the
link, so every juror rule also checks the link's event.
"""

from flask import has_request_context, url_for
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import (
    ApplicationStatus,
    CallForPitches,
    Conflict,
    Juror,
    JurorAssignment,
    JuryPublication,
    PitchSlot,
    StartupMember,
)
from ..models.jury import JurorStatus
from .applications import DECK_READERS
from .core import Refusal, link_scope, refusal, rule
from .events import manages


def _link_allows(event_id: int) -> bool:
    """A juror link session reaches only its own event."""
    scope = link_scope() if has_request_context() else None
    return not scope or scope.get("event_id") == event_id


def active_juror(user, event_id: int) -> Juror | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(db.select(Juror).filter(Juror.event_id == event_id, Juror.user_id == user.id,
                                                     Juror.status != JurorStatus.REVOKED))


def in_conflict(juror: Juror, startup_id: int) -> bool:
    return db.session.scalar(db.select(db.func.count()).select_from(Conflict)
                             .filter_by(juror_id=juror.id, startup_id=startup_id)) > 0


def assigned(juror: Juror, application_id: int) -> bool:
    if juror.all_pitches:
        return True
    return db.session.scalar(db.select(db.func.count()).select_from(JurorAssignment)
                             .filter_by(juror_id=juror.id, application_id=application_id)) > 0


# Never shown to a juror, whatever the running order says (issue 14).
HIDDEN_FROM_JURORS = frozenset({ApplicationStatus.DRAFT, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN})


def in_published_line_up(application) -> bool:
    """The application has a slot in its event's running order, and the organisers published that order."""
    return db.session.scalar(
        db.select(db.func.count()).select_from(PitchSlot)
        .join(CallForPitches, CallForPitches.event_id == PitchSlot.event_id)
        .filter(PitchSlot.application_id == application.id, CallForPitches.lineup_published_at.is_not(None))) > 0


def assigned_explicitly(juror: Juror, application_id: int) -> bool:
    """The organisers gave this juror this pitch by name (not just "all pitches")."""
    return db.session.scalar(db.select(db.func.count()).select_from(JurorAssignment)
                             .filter_by(juror_id=juror.id, application_id=application_id)) > 0


def juror_reads_deck(user, application) -> bool:
    """For DECK_READERS (reading an application and its deck): a juror of the application's event who has accepted
    the invitation, is not in conflict with the startup, and the application is in the published running order or
    assigned to them by name; never a draft, rejected or withdrawn one."""
    if application.status in HIDDEN_FROM_JURORS or not _link_allows(application.event_id):
        return False
    juror = active_juror(user, application.event_id)
    if juror is None or juror.status != JurorStatus.ACCEPTED or in_conflict(juror, application.startup_id):
        return False
    return in_published_line_up(application) or assigned_explicitly(juror, application.id)


@rule("jury.score", link_scopes=("juror",))
def jury_score(user, event, **_objects):
    """The juror's own pages of this event (their pitches, their scores, their conflicts)."""
    return _link_allows(event.id) and active_juror(user, event.id) is not None


@rule("jury.score_pitch", link_scopes=("juror",))
def jury_score_pitch(user, event, application, **_objects):
    """Scoring one pitch: assigned to it and not in conflict with its startup."""
    if application.event_id != event.id or not _link_allows(event.id):
        return False
    juror = active_juror(user, event.id)
    return (juror is not None and assigned(juror, application.id)
            and not in_conflict(juror, application.startup_id))


@rule("jury.follow_up", link_scopes=("juror",))
def jury_follow_up(user, event, application, **_objects):
    """"I want a follow-up talk with this startup": an accepted juror of the event, not in conflict with it."""
    if application.event_id != event.id or not _link_allows(event.id):
        return False
    juror = active_juror(user, event.id)
    return (juror is not None and juror.status == JurorStatus.ACCEPTED
            and not in_conflict(juror, application.startup_id))


@rule("jury.manage")
def jury_manage(user, event, **_objects):
    """Rubric, jurors, conflicts, live results, publishing: the event's organisers and hub admins."""
    return manages(user, event)


def results_published(event_id: int) -> bool:
    return db.session.get(JuryPublication, event_id) is not None


@rule("jury.feedback")
def jury_feedback(user, event, application, **_objects):
    """A startup's feedback: its members (and the organisers), once results are published."""
    if application.event_id != event.id:
        return False
    if manages(user, event):
        return True
    is_member = db.session.scalar(db.select(db.func.count()).select_from(StartupMember)
                                  .filter_by(startup_id=application.startup_id, user_id=user.id)) > 0
    return is_member and results_published(event.id)


@refusal("jury.feedback")
def jury_feedback_refused(user, event, application, **_objects) -> Refusal | None:
    is_member = db.session.scalar(db.select(db.func.count()).select_from(StartupMember)
                                  .filter_by(startup_id=application.startup_id, user_id=user.id)) > 0
    if not is_member or application.event_id != event.id:
        return Refusal(_l("Only the startup's members read its feedback."))
    return Refusal(_l("The jury's feedback is shown once the organisers publish the results; we send you an e-mail "
                      "then."), url_for("apply.show", application_id=application.id), _l("To your application"))


# Accepted jurors of the event without a conflict read the line-up's applications and decks (issues 4, 14).
DECK_READERS.append(juror_reads_deck)
