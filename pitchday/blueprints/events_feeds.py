"""Answering calendar requests: ETag and Last-Modified from one cheap query, 304 before anything is built."""

import hashlib

from flask import Response, current_app, request

from ..i18n import current_language

ICS_MIMETYPE = "text/calendar"  # Flask adds "; charset=utf-8" to text types


def _etag(*parts) -> str:
    raw = "|".join(str(p) for p in (*parts, current_language(), current_app.config["BASE_URL"]))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def calendar_response(build, *, key: tuple, last_modified, filename: str, private: bool = False) -> Response:
    """``build()`` is called only when the client does not already have this version."""
    etag = _etag(*key, last_modified.isoformat() if last_modified else "")
    cache = "private, max-age=300" if private else "public, max-age=300"
    fresh = request.if_none_match.contains(etag) if request.if_none_match else (
        last_modified is not None and request.if_modified_since is not None
        and last_modified.replace(microsecond=0) <= request.if_modified_since
    )
    if fresh:
        response = Response(status=304)
    else:
        response = Response(build(), mimetype=ICS_MIMETYPE)
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = last_modified
    response.headers["Cache-Control"] = cache
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response
