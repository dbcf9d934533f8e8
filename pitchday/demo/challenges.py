"""Demo data for industry challenges: three companies with a contact each, challenges in every state of review,
and answers from demo startups (one shortlisted, one invited to talk).

Idempotent: companies and challenges are found by slug and title; answers by their (challenge, startup) pair.
"""

from datetime import timedelta

from ..database import utcnow
from ..extensions import db
from ..models import (
    Camp,
    Challenge,
    ChallengeProposal,
    ChallengeStatus,
    Company,
    CompanyMember,
    ProposalStatus,
    Startup,
    Visibility,
)
from .foundation import demo_user

COMPANIES = [
    ("stahlwerk-ruhr", "Stahlwerk Ruhr GmbH", "industry,energy", "Duisburg", "industrie@pitchday.example",
     "Ines Industrie"),
    ("hafenlogistik-duisburg", "Hafenlogistik Duisburg AG", "logistics", "Duisburg", "hafen@pitchday.example",
     "Hannes Hafen"),
    ("stadtwerke-bochum", "Stadtwerke Bochum", "energy", "Bochum", "stadtwerke@pitchday.example", "Svenja Stadtwerk"),
]
LOGINS = [("company contact (challenges)", COMPANIES[0][4])]

CHALLENGES = [
    ("stahlwerk-ruhr", "essen", "Abwärme der Hochöfen nutzen", "energy", ChallengeStatus.PUBLISHED,
     Visibility.PUBLIC, "Unsere Hochöfen geben rund um die Uhr Wärme ab, die niemand nutzt. Wer macht daraus Strom, "
     "Prozesswärme oder Fernwärme für das Quartier?", "Drei Monate an einem Ofen, Messdaten liegen vor."),
    ("hafenlogistik-duisburg", "duisburg", "Leerfahrten im Containerverkehr vermeiden", "logistics",
     ChallengeStatus.PUBLISHED, Visibility.STARTUPS, "Ein Drittel unserer Lkw fährt leer zurück. Wir suchen eine "
     "Plattform, die Rückladungen im Umkreis von 50 km findet.", "Pilot mit zehn Lkw über acht Wochen."),
    ("stadtwerke-bochum", "bochum", "Lastspitzen im Mittelstand glätten", "energy", ChallengeStatus.IN_REVIEW,
     Visibility.PUBLIC, "Gewerbekunden ziehen morgens gleichzeitig Strom. Wer verschiebt Lasten, ohne die "
     "Produktion zu stören?", ""),
    ("stahlwerk-ruhr", "essen", "Schrott sortieren mit Bilderkennung", "industry", ChallengeStatus.DRAFT,
     Visibility.PUBLIC, "Sortenreiner Schrott spart Energie. Kann eine Kamera am Band die Sorten erkennen?", ""),
]


def _company(slug, name, sectors, city, email, contact_name) -> Company:
    company = db.session.scalar(db.select(Company).filter_by(slug=slug))
    if company is None:
        company = Company(slug=slug, name=name, sector_slugs=sectors, city=city,
                          description=f"{name}: ein Unternehmen aus dem Ruhrgebiet.")
        db.session.add(company)
        db.session.flush()
    contact = demo_user(email, contact_name)
    if db.session.scalar(db.select(CompanyMember.id).filter_by(company_id=company.id, user_id=contact.id)) is None:
        db.session.add(CompanyMember(company_id=company.id, user_id=contact.id))
    return company


def _answers(challenge: Challenge, statuses: list[ProposalStatus]) -> None:
    startups = db.session.scalars(db.select(Startup).filter(Startup.sector_slugs.contains(challenge.sector_slug))
                                  .order_by(Startup.id).limit(len(statuses))).all()
    for startup, status in zip(startups, statuses, strict=False):
        if db.session.scalar(db.select(ChallengeProposal.id).filter_by(challenge_id=challenge.id,
                                                                       startup_id=startup.id)) is None:
            db.session.add(ChallengeProposal(challenge_id=challenge.id, startup_id=startup.id, status=status,
                                             summary=f"{startup.name}: {startup.one_liner}. Wir würden mit einer "
                                                     "Messwoche vor Ort beginnen."))


def seed() -> None:
    companies = {row[0]: _company(*row) for row in COMPANIES}
    camps = {c.slug: c for c in db.session.scalars(db.select(Camp))}
    for slug, camp, title, sector, status, visibility, problem, pilot in CHALLENGES:
        if camp not in camps:
            continue
        challenge = db.session.scalar(db.select(Challenge).filter_by(title=title))
        if challenge is None:
            challenge = Challenge(company_id=companies[slug].id, camp_id=camps[camp].id, title=title, problem=problem,
                                  pilot=pilot, sector_slug=sector, deadline=utcnow() + timedelta(days=45),
                                  visibility=visibility, status=status)
            db.session.add(challenge)
            db.session.flush()
        if status == ChallengeStatus.PUBLISHED:
            _answers(challenge, [ProposalStatus.INVITED, ProposalStatus.SHORTLISTED, ProposalStatus.SUBMITTED])
