"""Language, time and numbers: which locale a request speaks, how times are shown (Europe/Berlin, with its zone)
and how numbers are written in that language ("64,8" and "6,5 %" in German, "64.8" and "6.5%" in English)."""

import decimal
from datetime import datetime

from babel.numbers import parse_pattern
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


NO_VALUE = "–"


def _apply(pattern: str, value, min_digits: int, max_digits: int) -> str:
    """``value`` through a CLDR pattern of the current locale with this many decimals, halves rounded up (as
    people round; Babel's default rounds 6.5 to 6)."""
    locale = get_locale()
    parsed = parse_pattern(pattern)
    parsed.frac_prec = (min_digits, max_digits)
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return parsed.apply(value, locale)


def number(value) -> str:
    """A count with the locale's grouping: "12.345" in German, "12,345" in English; "–" for none."""
    if value is None:
        return NO_VALUE
    if isinstance(value, str):  # already written out by whoever counted ("3 / 10")
        return value
    return _apply(get_locale().decimal_formats[None].pattern, value, 0, 0)


def decimal_number(value, digits: int = 1, max_digits: int | None = None, sign: bool = False) -> str:
    """A score or mean with ``digits`` decimals ("64,8"); ``max_digits`` drops trailing zeros beyond ``digits``
    (a weight of 1.5 or 2); ``sign`` writes "+" before a positive value (a z-score)."""
    if value is None:
        return NO_VALUE
    text = _apply(get_locale().decimal_formats[None].pattern, value, digits,
                  digits if max_digits is None else max_digits)
    return f"+{text}" if sign and value > 0 else text


def percent(value, digits: int = 0) -> str:
    """A share given as a fraction (0.065) in the locale's percent format: "6,5 %" (``digits=1``) in German."""
    if value is None:
        return NO_VALUE
    return _apply(get_locale().percent_formats[None].pattern, value, digits, digits)


def init_app(app) -> None:
    app.config["LANGUAGES"] = LANGUAGES
    app.jinja_env.filters.update(when=when, day=day, clock=clock)
    # Every number a page or mail shows goes through these, never through "%.1f"|format.
    app.jinja_env.filters.update(number=number, decimal=decimal_number, percent=percent)
    app.jinja_env.globals.update(LANGUAGES=LANGUAGES, current_language=current_language)
