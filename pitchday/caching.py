"""The shared cache (Flask-Caching): every worker process and host reads what another one built.

Files in ``instance/cache`` by default (cachelib writes each entry to a temporary file and renames it, so
processes never read half an entry); Redis when ``PITCHDAY_CACHE_URL=redis://...``. Keys carry a fingerprint
of the code (templates and modules), so a deploy never serves pages built by the previous release.
"""

import hashlib
from pathlib import Path

from flask import Flask

from .extensions import cache

WEEK = 7 * 24 * 3600
PACKAGE = Path(__file__).resolve().parent


def code_fingerprint() -> str:
    """Changes whenever a template, module or catalog of the package changes."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".txt", ".mo") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def init_app(app: Flask) -> None:
    url = app.config.get("CACHE_URL") or ""
    if url.startswith(("redis://", "rediss://", "unix://")):
        config = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": url}
    else:
        folder = app.config.get("CACHE_DIR") or str(Path(app.instance_path) / "cache")
        # The threshold bounds the folder (older entries are pruned past it); entries also expire after a week.
        config = {"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": folder, "CACHE_THRESHOLD": 200_000}
    config["CACHE_DEFAULT_TIMEOUT"] = WEEK
    cache.init_app(app, config=config)
    app.config.setdefault("CACHE_KEY_PREFIX", "")
    app.extensions["pitchday.cache_prefix"] = f"{app.config['CACHE_KEY_PREFIX']}{code_fingerprint()}:"
