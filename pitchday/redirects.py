"""The one check for redirect targets that come from input (``next=``): only a path on this site passes.

Browsers drop tabs and line breaks anywhere in a URL and read ``\\`` as ``/``, so ``/<TAB>/evil.example`` and
``/\\evil.example`` are the scheme-relative ``//evil.example``: another site. And a line break in a
``Location`` header makes the WSGI server refuse the response (a 500). A target with a control character is
therefore refused outright, and the rest must be a plain path: no scheme, no host, no ``//`` or ``/\\``.
"""

import unicodedata
from urllib.parse import urlsplit

from flask import redirect


def is_ours(target: str | None) -> bool:
    """True when ``target`` is a path on this site that no browser could read as another host."""
    if not target or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in target):
        return False
    path = "".join(ch for ch in target if not ch.isspace())
    if not path.startswith("/") or path.startswith(("//", "/\\")) or "\\" in path:
        return False
    parts = urlsplit(path)
    return not parts.scheme and not parts.netloc


def safe_target(target: str | None, default: str) -> str:
    """``target`` when it is ours (see ``is_ours``), else ``default``."""
    return target.strip() if is_ours(target) else default


def redirect_to(target: str | None, default: str):
    """A redirect to ``target`` when it is ours, else to ``default`` (a page the caller names)."""
    return redirect(safe_target(target, default))
