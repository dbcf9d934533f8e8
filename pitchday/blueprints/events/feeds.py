"""Answering calendar requests: ETag and Last-Modified from the version counters (one query of one row), a
304 before anything is built, and the built body from the shared cache, so no worker builds what another
already built. The counters move with every change (``services/cache/versions``): a cached body is never stale.
"""

import hashlib

from flask import Response, current_app, request

from ...i18n import current_language
from ...services.cache import store

ICS_MIMETYPE = "text/calendar"  # Flask adds "; charset=utf-8" to text types


def _etag(*parts) -> str:
    raw = "|".join(str(p) for p in (*parts, current_language(), current_app.config["BASE_URL"]))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def calendar_response(build, *, key: tuple, last_modified, filename: str, private: bool = False,
                      cache: bool = True) -> Response:
    """``build()`` is called only when the client does not already have this version (nor the cache)."""
    etag = _etag(*key)
    cache_control = "private, max-age=300" if private else "public, max-age=300"
    fresh = request.if_none_match.contains(etag) if request.if_none_match else (
        last_modified is not None and request.if_modified_since is not None
        and last_modified.replace(microsecond=0) <= request.if_modified_since
    )
    if fresh:
        response = Response(status=304)
    else:
        body = store.get_or_build(f"ics:{etag}", build) if cache else build()
        response = Response(body, mimetype=ICS_MIMETYPE)
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = last_modified
    response.headers["Cache-Control"] = cache_control
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response
