"""Camps: lookup and editing."""

from flask import abort

from ..extensions import db
from ..models import Camp
from .audit import trail as audit

EDITABLE_FIELDS = ("name", "sector_slugs", "description_de", "description_en", "address", "contact_email",
                   "contact_phone")


def all_camps() -> list[Camp]:
    return list(db.session.scalars(db.select(Camp).order_by(Camp.is_home.desc(), Camp.name)))


def by_slug(slug: str) -> Camp:
    """Loader for routes: the camp or 404."""
    camp = db.session.scalar(db.select(Camp).filter_by(slug=slug))
    if camp is None:
        abort(404)
    return camp


def update(camp: Camp, *, by=None, **values) -> None:
    for key in values:
        if key not in EDITABLE_FIELDS:
            raise ValueError(f"{key} is not editable")
    changed = [k for k, v in values.items() if getattr(camp, k) != v]
    if changed:
        audit.record(by, "camp.updated", subject=camp, camp=camp, before={k: getattr(camp, k) for k in changed},
                     after={k: values[k] for k in changed})
    for key, value in values.items():
        setattr(camp, key, value)
