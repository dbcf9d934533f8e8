"""Reading and writing the shared cache under the code's prefix; a cache that fails is a miss, never an error."""

import logging

from flask import current_app

from ...extensions import cache

log = logging.getLogger(__name__)


def _key(key: str) -> str:
    return current_app.extensions["pitchday.cache_prefix"] + key


def get(key: str):
    try:
        return cache.get(_key(key))
    except Exception:  # a full disk or an unreachable Redis slows pages down; it must not break them
        log.warning("cache read failed", exc_info=True)
        return None


def get_many(keys: list[str]) -> list:
    if not keys:
        return []
    try:
        return list(cache.get_many(*(_key(k) for k in keys)))
    except Exception:
        log.warning("cache read failed", exc_info=True)
        return [None] * len(keys)


def set(key: str, value) -> None:  # noqa: A001  (the cache's own verb)
    try:
        cache.set(_key(key), value)
    except Exception:
        log.warning("cache write failed", exc_info=True)


def set_many(mapping: dict) -> None:
    if not mapping:
        return
    try:
        cache.set_many({_key(k): v for k, v in mapping.items()})
    except Exception:
        log.warning("cache write failed", exc_info=True)


def get_or_build(key: str, build):
    """The cached value, or ``build()``'s, stored for every other process."""
    value = get(key)
    if value is None:
        value = build()
        set(key, value)
    return value
