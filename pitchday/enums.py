"""States and kinds shared across the app. Imports nothing of ours."""

import enum


class Role(enum.StrEnum):
    HUB_ADMIN = "hub_admin"
    CAMP_ORGANISER = "camp_organiser"


class RoleAction(enum.StrEnum):
    GRANTED = "granted"
    REVOKED = "revoked"


class LinkScope(enum.StrEnum):
    """What a signed log-in link (no password) lets its holder do: that role, for that event, only."""

    JUROR = "juror"
    CHECKIN_STAFF = "checkin_staff"
    LIVE_STAFF = "live_staff"
