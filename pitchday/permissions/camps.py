"""Rules about camps."""

from .core import rule


def organises(user, camp) -> bool:
    return user.is_hub_admin or camp.id in user.organised_camp_ids()


@rule("camp.edit")
def camp_edit(user, camp):
    return organises(user, camp)


@rule("camp.appoint_organiser")
def camp_appoint_organiser(user, camp):
    """A hub admin, or an organiser of that camp, appoints organisers (issue 2)."""
    return organises(user, camp)


@rule("organiser_area")
def organiser_area(user):
    return user.is_hub_admin or bool(user.organised_camp_ids())
