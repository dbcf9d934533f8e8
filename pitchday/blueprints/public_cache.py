"""Public pages from the shared cache: what an anonymous visitor sees is built once per version of its data and
language, stored for every process, and answered with an ETag (a repeat visit is a 304). Signed-in visitors, and
anyone with a flashed message waiting, get the page rendered for them."""

import hashlib

from flask import Response, current_app, request, session
from flask_login import current_user

from ..i18n import current_language
from ..services.cache import store
from ..services.cache.versions import read


def is_personal() -> bool:
    return current_user.is_authenticated or bool(session.get("_flashes"))


def cached_page(name: str, key: str, versions: tuple[str, ...], render, status: int = 200) -> Response:
    """``render()`` for a personal visit; otherwise its bytes from the cache under ``name``, ``key`` and the
    current stamp of ``versions``. Only pages answered with 200 are stored."""
    if is_personal() or status != 200:
        return Response(render(), status=status, mimetype="text/html")
    stamp = read(*versions)
    parts = (name, key, stamp.token, current_language(), current_app.config["BASE_URL"])
    etag = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        body = store.get_or_build(f"{name}:{etag}", lambda: render().encode())
        response = Response(body, mimetype="text/html")
    response.set_etag(etag)
    if stamp.changed_at is not None:
        response.last_modified = stamp.changed_at
    response.headers["Cache-Control"] = "public, no-cache"  # keep it, but ask each time: a change shows at once
    response.vary.update(("Cookie", "Accept-Language"))
    return response
