"""Answering calendar requests: ETag and Last-Modified from one cheap query, 304 before anything is built.

Built feeds are also kept in a small in-process cache under their ETag: calendar apps poll the same feeds
again and again, and most polls find nothing changed. The ETag changes with every change of the data, so a
cached body is never stale; each worker process keeps its own.
"""

import hashlib
import threading
from collections import OrderedDict

from flask import Response, current_app, request

from ...i18n import current_language

ICS_MIMETYPE = "text/calendar"  # Flask adds "; charset=utf-8" to text types


def _etag(*parts) -> str:
    raw = "|".join(str(p) for p in (*parts, current_language(), current_app.config["BASE_URL"]))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


CACHE_ENTRIES = 64
_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _cached_build(etag: str, build) -> bytes:
    with _cache_lock:
        if etag in _cache:
            _cache.move_to_end(etag)
            return _cache[etag]
    body = build()
    with _cache_lock:
        _cache[etag] = body
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return body


def calendar_response(build, *, key: tuple, last_modified, filename: str, private: bool = False,
                      cache: bool = True) -> Response:
    """``build()`` is called only when the client does not already have this version (nor the cache)."""
    etag = _etag(*key, last_modified.isoformat() if last_modified else "")
    cache_control = "private, max-age=300" if private else "public, max-age=300"
    fresh = request.if_none_match.contains(etag) if request.if_none_match else (
        last_modified is not None and request.if_modified_since is not None
        and last_modified.replace(microsecond=0) <= request.if_modified_since
    )
    if fresh:
        response = Response(status=304)
    else:
        response = Response(_cached_build(etag, build) if cache else build(), mimetype=ICS_MIMETYPE)
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = last_modified
    response.headers["Cache-Control"] = cache_control
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response
