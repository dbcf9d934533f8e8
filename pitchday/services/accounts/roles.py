"""Giving and taking roles, always with a record of who did it."""

from flask_babel import gettext as _

from ...enums import Role, RoleAction
from ...errors import Conflict, NotFound
from ...extensions import db
from ...models import Camp, RoleChange, RoleGrant, User
from ..audit import trail as audit


def record(*, actor: User | None, subject: User, role: str, action: RoleAction, camp: Camp | None = None,
           scope: str | None = None) -> RoleChange:
    """Append to the role log; also used by later areas for event-scoped roles (juror, door staff)."""
    change = RoleChange(actor=actor, subject=subject, subject_email=subject.email, role=str(role),
                        action=action, camp=camp, scope=scope)
    db.session.add(change)
    return change


def _find(user: User, role: Role, camp: Camp | None) -> RoleGrant | None:
    return db.session.scalar(db.select(RoleGrant).filter_by(user_id=user.id, role=role,
                                                            camp_id=camp.id if camp else None))


def grant(*, actor: User | None, user: User, role: Role, camp: Camp | None = None) -> RoleGrant:
    if role == Role.CAMP_ORGANISER and camp is None:
        raise ValueError("a camp organiser needs a camp")
    if _find(user, role, camp):
        raise Conflict(_("%(name)s already has this role.", name=user.name))
    grant_ = RoleGrant(user=user, role=role, camp=camp, granted_by_id=actor.id if actor else None)
    db.session.add(grant_)
    record(actor=actor, subject=user, role=role, action=RoleAction.GRANTED, camp=camp)
    audit.record(actor, "role.granted", subject=user, camp=camp, after={"role": role, "person": user.email})
    db.session.flush()
    return grant_


def appoint_by_email(*, actor: User, email: str, role: Role, camp: Camp | None = None) -> User:
    """Give ``role`` to the account with this address; a clear error when nobody has one yet."""
    from .account import find_by_email

    user = find_by_email(email)
    if user is None:
        raise NotFound(_("Nobody has an account with this address yet. Ask them to sign up first."), field="email")
    grant(actor=actor, user=user, role=role, camp=camp)
    return user


def revoke(*, actor: User | None, user: User, role: Role, camp: Camp | None = None) -> None:
    grant_ = _find(user, role, camp)
    if grant_ is None:
        raise NotFound(_("%(name)s does not have this role.", name=user.name))
    if role == Role.HUB_ADMIN and _count_admins() <= 1:
        raise Conflict(_("The last hub admin cannot be removed."))
    user.grants.remove(grant_)
    record(actor=actor, subject=user, role=role, action=RoleAction.REVOKED, camp=camp)
    audit.record(actor, "role.revoked", subject=user, camp=camp, before={"role": role, "person": user.email})
    db.session.flush()


def _count_admins() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(RoleGrant).filter_by(role=Role.HUB_ADMIN))


def organisers_of(camp: Camp) -> list[User]:
    stmt = (db.select(User).join(RoleGrant, RoleGrant.user_id == User.id)
            .filter(RoleGrant.role == Role.CAMP_ORGANISER, RoleGrant.camp_id == camp.id).order_by(User.name))
    return list(db.session.scalars(stmt))


def recent_changes(limit: int = 200) -> list[RoleChange]:
    return list(db.session.scalars(db.select(RoleChange).order_by(RoleChange.at.desc(), RoleChange.id.desc())
                                   .limit(limit)))
