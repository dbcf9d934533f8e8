"""Fixtures of industry challenges: a company with a contact person, a startup with its founder, a challenge."""

from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.models import Challenge, ChallengeStatus, Company, CompanyMember, Visibility
from tests.applications.conftest import make_startup
from tests.conftest import create_user


@pytest.fixture
def contact(db, camps):
    return create_user("kontakt@stahlwerk.example", "Karla Kontakt")


@pytest.fixture
def company(db, contact):
    company = Company(slug="stahlwerk", name="Stahlwerk Ruhr GmbH", sector_slugs="energy,industry", city="Duisburg")
    company.members.append(CompanyMember(user_id=contact.id))
    db.session.add(company)
    db.session.commit()
    return company


@pytest.fixture
def founder(db, camps):
    return create_user("gruenderin@gridwise.example", "Greta Gründerin")


@pytest.fixture
def startup(db, founder):
    return make_startup(db, founder, name="Gridwise", sectors="energy")


def make_challenge(db, company, camp, *, status=ChallengeStatus.PUBLISHED, visibility=Visibility.PUBLIC,
                   title="Abwärme nutzen", days=30, sector="energy") -> Challenge:
    challenge = Challenge(company_id=company.id, camp_id=camp.id, title=title,
                          problem="Unsere Hochöfen geben Wärme ab, die niemand nutzt.",
                          pilot="Drei Monate an einem Ofen.",
                          sector_slug=sector, deadline=utcnow() + timedelta(days=days), visibility=visibility,
                          status=status)
    db.session.add(challenge)
    db.session.commit()
    return challenge


@pytest.fixture
def challenge(db, company, camps):
    return make_challenge(db, company, camps["essen"])
