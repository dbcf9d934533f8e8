"""Language and time: which locale a request speaks, and how times are shown (Europe/Berlin, with its zone)."""

from datetime import datetime

from flask import has_request_context, request
from flask_babel import format_date, format_datetime, format_time, get_locale
from flask_login import current_user

from .berlin import to_local

LANGUAGES = {"de": "Deutsch", "en": "English"}
LANG_COOKIE = "pitchday_lang"


def select_locale() -> str:
    """User's choice, then the language cookie, then the browser's preference; German first."""
    if not has_request_context():
        return "de"  # CLI and services outside a request speak German unless told otherwise (force_locale)
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    return select_request_locale()


def select_request_locale() -> str:
    """A ``lang`` in the address (links shared with visitors from abroad), the language cookie, then the
    browser's (or scanning app's) preference; German first."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    return request.accept_languages.best_match(list(LANGUAGES), default="de")


def current_language() -> str:
    return str(get_locale() or "de")


def when(value: datetime | None, style: str = "medium") -> str:
    """Date and time in Berlin with its zone name (MEZ/MESZ, CET/CEST), so nobody misreads it."""
    if value is None:
        return ""
    if current_language() == "de":
        return format_datetime(value, "EEE, d. MMM y, HH:mm zzz")  # "MEZ" / "MESZ"
    # CLDR has no short English name for Berlin's zone; the tz database's "CET"/"CEST" is what people know.
    return f"{format_datetime(value, 'EEE d MMM y, HH:mm')} {to_local(value).tzname()}"


def day(value: datetime | None) -> str:
    return format_date(value, "full") if value else ""


def clock(value: datetime | None) -> str:
    return format_time(value, "HH:mm") if value else ""


def init_app(app) -> None:
    app.config["LANGUAGES"] = LANGUAGES
    app.jinja_env.filters.update(when=when, day=day, clock=clock)
    app.jinja_env.globals.update(LANGUAGES=LANGUAGES, current_language=current_language)
