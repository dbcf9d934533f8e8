"""Giving and taking roles, and the record of it."""

import pytest

from pitchday.enums import Role, RoleAction
from pitchday.errors import Conflict
from pitchday.models import RoleChange
from pitchday.services.accounts import roles


def test_appointing_an_organiser_is_recorded_with_actor_and_camp(db, hub_admin, member, camps):
    roles.grant(actor=hub_admin, user=member, role=Role.CAMP_ORGANISER, camp=camps["bochum"])
    db.session.commit()
    assert camps["bochum"].id in member.organised_camp_ids()
    change = db.session.scalars(db.select(RoleChange).filter_by(subject_id=member.id)).one()
    assert (change.actor_id, change.action, change.role, change.camp_id) == (
        hub_admin.id, RoleAction.GRANTED, "camp_organiser", camps["bochum"].id)


def test_the_same_role_cannot_be_given_twice(db, hub_admin, organiser, camps):
    with pytest.raises(Conflict):
        roles.grant(actor=hub_admin, user=organiser, role=Role.CAMP_ORGANISER, camp=camps["essen"])


def test_hub_admin_twice_is_refused_by_the_database_too(db, hub_admin):
    from pitchday.models import RoleGrant

    db.session.add(RoleGrant(user_id=hub_admin.id, role=Role.HUB_ADMIN, camp_id=None))
    with pytest.raises(Exception, match="(?i)unique"):
        db.session.flush()
    db.session.rollback()


def test_revoking_is_recorded(db, hub_admin, organiser, camps):
    roles.revoke(actor=hub_admin, user=organiser, role=Role.CAMP_ORGANISER, camp=camps["essen"])
    db.session.commit()
    assert organiser.organised_camp_ids() == set()
    actions = [c.action for c in roles.recent_changes()]
    assert actions[0] == RoleAction.REVOKED


def test_the_last_hub_admin_cannot_be_removed(db, hub_admin):
    with pytest.raises(Conflict):
        roles.revoke(actor=hub_admin, user=hub_admin, role=Role.HUB_ADMIN)
    assert hub_admin.is_hub_admin
