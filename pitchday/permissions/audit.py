"""Rules about the audit trail: hub admins read all of it, a camp's organisers their camps' part."""

from .camps import organises
from .core import rule


@rule("audit.view")
def audit_view(user, **_objects):
    return user.is_hub_admin or bool(user.organised_camp_ids())


@rule("audit.camp")
def audit_camp(user, camp):
    """Narrowing the trail to one camp: only for those who may read that camp's trail."""
    return organises(user, camp)


def scope_of(user) -> frozenset[int] | None:
    """The camp ids whose entries ``user`` may read, or None for the whole trail (hub admins)."""
    return None if user.is_hub_admin else frozenset(user.organised_camp_ids())
