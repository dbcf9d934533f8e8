"""Input no route can use, refused once for the site and the device API before any route reads it.

- Control characters (a NUL byte above all) in the path, the query string, form fields, upload file names or the
  strings of a JSON body: PostgreSQL refuses NUL in text and raises, and no text a person types contains the
  others. Tab, line feed and carriage return stay allowed in values (text areas hold them); the redirect check
  (``redirects.py``) deals with them in ``next=``. A path holds no control character at all.
- Ids in URLs beyond what an id column holds: the ``int`` converter is bounded to PostgreSQL's ``integer``, so
  ``/events/2147483648`` (which PostgreSQL refuses to compare) and ``/events/99999999999999999999`` (which SQLite
  cannot bind) are a plain 404 before any loader runs.
"""

import builtins
import re

from flask import Flask, request
from flask_babel import lazy_gettext as _l
from werkzeug.routing import IntegerConverter

from .errors import DomainError

MAX_ID = 2**31 - 1  # PostgreSQL's integer, the type of every id column
IN_VALUES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
IN_PATH = re.compile("[\x00-\x1f\x7f]")
MESSAGE = _l("The request contains a control character (such as a NUL byte) that no text here may contain. "
             "Please check what you entered.")


class IdConverter(IntegerConverter):
    """``<int:...>`` from 0 to ``MAX_ID``; a larger number is no id of ours, so the route is not found."""

    def __init__(self, map, fixed_digits=0, min=0, max=None, signed=False):
        bounded = MAX_ID if max is None else builtins.min(max, MAX_ID)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=bounded, signed=signed)


def as_id(text) -> int | None:
    """``text`` (from a form or the query string) as an id when it is one: ASCII digits ("²" is a digit to
    ``str.isdigit`` but not to ``int``) within an id column. Anything else is None, for the caller to refuse."""
    text = text.strip() if isinstance(text, str) else ""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


class ControlCharacter(DomainError):
    status = 400
    code = "control_character"


def _has_control(value) -> bool:
    """Any string in ``value`` (a JSON document: nested lists and objects, keys included) with a control
    character."""
    if isinstance(value, str):
        return IN_VALUES.search(value) is not None
    if isinstance(value, dict):
        return any(_has_control(k) or _has_control(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_control(v) for v in value)
    return False


def offending_part() -> str | None:
    """Where the current request carries a control character, or None."""
    if IN_PATH.search(request.path):
        return "path"
    if any(_has_control(k) or _has_control(v) for k, v in request.args.items(multi=True)):
        return "query"
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    if request.is_json:
        return "json" if _has_control(request.get_json(silent=True)) else None
    if any(_has_control(k) or _has_control(v) for k, v in request.form.items(multi=True)):
        return "form"
    if any(_has_control(k) or IN_PATH.search(f.filename or "") for k, f in request.files.items(multi=True)):
        return "file name"
    return None


def refuse_control_characters() -> None:
    part = offending_part()
    if part is not None:
        raise ControlCharacter(str(MESSAGE), part=part)


def init_app(app: Flask) -> None:
    """Call before the app's routes are added: rules take their converters when they are added."""
    app.url_map.converters["int"] = IdConverter
    app.before_request(refuse_control_characters)
