"""The hub's six camps, a hub admin and an organiser per camp."""

from ..database import utcnow
from ..enums import Role
from ..extensions import db
from ..models import Camp, RoleGrant, User
from ..services.accounts import account as accounts
from ..services.accounts import roles, two_step

DEMO_PASSWORD = "zeche-zollverein"  # passes the password rules (no site name, not a common one)

CAMPS = [
    dict(slug="bochum", name="Camp Bochum", city="Bochum", sector_slugs="health,it-security",
         address="Universitätsstraße 142, 44799 Bochum",
         description_de="Gesundheitswirtschaft und IT-Sicherheit: Gründerinnen und Gründer treffen Kliniken, "
                        "Versorger und Sicherheitsforschung.",
         description_en="Health economy and IT security: founders meet hospitals, providers and security "
                        "research."),
    dict(slug="dortmund", name="Camp Dortmund", city="Dortmund",
         sector_slugs="logistics,iot,smart-home,smart-city,big-data", address="Emil-Figge-Straße 42, 44227 Dortmund",
         description_de="Logistik-IT, Internet der Dinge, Smart Home, Smart City und Big Data.",
         description_en="Logistics IT, Internet of Things, smart home, smart city and big data."),
    dict(slug="duisburg", name="Camp Duisburg", city="Duisburg", sector_slugs="logistics,industry",
         address="Schifferstraße 190, 47059 Duisburg",
         description_de="Am größten Binnenhafen Europas: Logistik und Industrie 4.0.",
         description_en="At Europe's largest inland port: logistics and Industry 4.0."),
    dict(slug="essen", name="Camp Essen", city="Essen", sector_slugs="energy,industry,fintech", is_home=True,
         address="Deutschland-Haus, Lindenallee 10, 45127 Essen",
         description_de="Das Zuhause des Hubs im Deutschland-Haus: Energie, Industrie und Finanzen.",
         description_en="The hub's home in the Deutschland-Haus: energy, industry and finance."),
    dict(slug="gelsenkirchen", name="Camp Gelsenkirchen", city="Gelsenkirchen", sector_slugs="energy,smart-city",
         address="Munscheidstraße 14, 45886 Gelsenkirchen",
         description_de="Energie und Stadt der Zukunft.",
         description_en="Energy and the city of the future."),
    dict(slug="muelheim", name="Camp Mülheim an der Ruhr", city="Mülheim an der Ruhr", sector_slugs="ecommerce",
         address="Duisburger Straße 100, 45479 Mülheim an der Ruhr",
         description_de="eCommerce und eBusiness, gemeinsam mit der Hochschule Ruhr West.",
         description_en="eCommerce and eBusiness, together with Hochschule Ruhr West."),
]

ADMIN_EMAIL = "admin@pitchday.example"
# Hub admins sign in with two steps (issue 14): the demo admin's authenticator secret is known and printed with the
# logins, so whoever runs the demo can add it to an app (or compute the code: README).
DEMO_TOTP_SECRET = "ZECHEZOLLVEREINDEMOTOTPSECRETKEY"
LOGINS = [("hub admin", ADMIN_EMAIL)] + [(f"organiser {c['city']}", f"orga-{c['slug']}@pitchday.example")
                                         for c in CAMPS]


def demo_user(email: str, name: str) -> User:
    user = accounts.find_by_email(email)
    if user is None:
        user = User(email=email, name=name, locale="de", email_confirmed_at=utcnow())
        accounts.set_password(user, DEMO_PASSWORD)
        db.session.add(user)
        db.session.flush()
    return user


def _ensure_role(user: User, role: Role, camp: Camp | None = None) -> None:
    exists = db.session.scalar(db.select(RoleGrant).filter_by(user_id=user.id, role=role,
                                                              camp_id=camp.id if camp else None))
    if not exists:
        roles.grant(actor=None, user=user, role=role, camp=camp)


def seed() -> None:
    for data in CAMPS:
        camp = db.session.scalar(db.select(Camp).filter_by(slug=data["slug"]))
        if camp is None:
            camp = Camp(**data, contact_email=f"{data['slug']}@pitchday.example")
            db.session.add(camp)
            db.session.flush()
    admin = demo_user(ADMIN_EMAIL, "Hanna Hubmann")
    _ensure_role(admin, Role.HUB_ADMIN)
    if not admin.two_step_enabled:
        two_step.enrol_known_secret(admin, DEMO_TOTP_SECRET)
    for data in CAMPS:
        camp = db.session.scalar(db.select(Camp).filter_by(slug=data["slug"]))
        organiser = demo_user(f"orga-{data['slug']}@pitchday.example", f"Orga {data['city']}")
        _ensure_role(organiser, Role.CAMP_ORGANISER, camp)
