"""All models, imported here so Alembic and the app see the whole schema."""

from .accounts import RoleChange, RoleGrant, User
from .camps import Camp

__all__ = ["Camp", "RoleChange", "RoleGrant", "User"]
