"""Rules of follow-up tracks and shared feedback.

A track's mail link and a shared feedback link carry their own secret: the loader answers 404 for an unknown or
revoked one, so the rule itself lets anyone with the link in. A startup's feedback history and its share links
are for its members (and hub admins).
"""

from .applications import is_member
from .core import rule


@rule("track.by_link", public=True)
def track_by_link(user, track, **_objects):
    return track is not None


@rule("feedback.shared", public=True)
def feedback_shared(user, share, **_objects):
    return share is not None


@rule("startup.feedback")
def startup_feedback(user, startup, **_objects):
    return is_member(user, startup) or user.is_hub_admin
