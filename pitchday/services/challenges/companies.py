"""Company profiles: a company from industry or the Mittelstand and its contact people (accounts)."""

import re

from flask_babel import gettext as _

from ...errors import Conflict, Invalid
from ...extensions import db
from ...models import Company, CompanyMember, User
from ..accounts.account import normalise_email


def by_slug(slug: str) -> Company:
    from flask import abort

    return db.session.scalar(db.select(Company).filter_by(slug=slug)) or abort(404)


def companies_of(user: User) -> list[Company]:
    return list(db.session.scalars(db.select(Company).join(CompanyMember).filter(CompanyMember.user_id == user.id)
                                   .order_by(Company.name)))


def _unique_slug(name: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "company"
    slug, n = base, 1
    while db.session.scalar(db.select(Company.id).filter_by(slug=slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def create(*, by: User, name: str, sector_slugs: str, city: str = "", website: str = "",
           description: str = "") -> Company:
    """A company profile whose first contact person is ``by``."""
    name = name.strip()
    if not name:
        raise Invalid(_("Name the company."), field="name")
    company = Company(slug=_unique_slug(name), name=name, sector_slugs=sector_slugs, city=city.strip(),
                      website=website.strip(), description=description.strip())
    company.members.append(CompanyMember(user_id=by.id))
    db.session.add(company)
    db.session.flush()
    return company


def update(company: Company, *, by: User, **values) -> None:
    for key in ("name", "sector_slugs", "city", "website", "description"):
        if key in values:
            setattr(company, key, (values[key] or "").strip())
    db.session.flush()


def add_contact(company: Company, *, by: User, email: str) -> User:
    """Another contact person, who must have an account already (they sign up themselves: no account is made
    for someone without their consent)."""
    user = db.session.scalar(db.select(User).filter_by(email=normalise_email(email)))
    if user is None:
        raise Invalid(_("Nobody has an account with this address yet. Ask them to sign up first."), field="email")
    if db.session.scalar(db.select(CompanyMember.id).filter_by(company_id=company.id, user_id=user.id)):
        raise Conflict(_("%(name)s is already a contact person.", name=user.name), field="email")
    db.session.add(CompanyMember(company_id=company.id, user_id=user.id))
    db.session.flush()
    return user


def contacts_of(company: Company) -> list[User]:
    return list(db.session.scalars(db.select(User).join(CompanyMember, CompanyMember.user_id == User.id)
                                   .filter(CompanyMember.company_id == company.id).order_by(User.name)))
