"""The sectors the hub's camps focus on: a fixed vocabulary so events, startups and feeds can be matched."""

from flask_babel import lazy_gettext as _l

SECTORS = {
    "health": _l("Health economy"),
    "it-security": _l("IT security"),
    "logistics": _l("Logistics IT"),
    "iot": _l("Internet of Things"),
    "smart-home": _l("Smart home"),
    "smart-city": _l("Smart city"),
    "big-data": _l("Big data"),
    "ecommerce": _l("eCommerce and eBusiness"),
    "energy": _l("Energy"),
    "industry": _l("Industry 4.0"),
    "mobility": _l("Mobility"),
    "fintech": _l("Fintech"),
}


def sector_label(slug: str) -> str:
    return str(SECTORS.get(slug, slug))


def sector_choices() -> list[tuple[str, str]]:
    return [(slug, str(label)) for slug, label in SECTORS.items()]
