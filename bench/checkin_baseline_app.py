"""The baseline of the check-in benchmark: a bare Flask endpoint doing the one conditional UPDATE, nothing else.

Served by gunicorn with the same settings as pitchday. ``BENCH_DATABASE_URL`` names the database; the table
``bench_tickets`` is filled by bench/checkin_throughput.py.
"""

import gc
import os
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import Flask, jsonify, request

URL = os.environ["BENCH_DATABASE_URL"]
engine = sa.create_engine(URL, pool_pre_ping=not URL.startswith("sqlite"))  # as pitchday's engine


@sa.event.listens_for(engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    # The same SQLite settings as pitchday: WAL, a 30 s busy timeout, NORMAL sync.
    if engine.dialect.name == "sqlite":
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


UPDATE = sa.text("UPDATE bench_tickets SET checked_in_at = :now WHERE secret = :secret AND checked_in_at IS NULL")
app = Flask(__name__)


@app.post("/checkin")
def checkin():
    secret = (request.get_json(silent=True) or {}).get("secret", "")
    with engine.begin() as conn:
        won = conn.execute(UPDATE, {"now": datetime.now(UTC).replace(tzinfo=None), "secret": secret}).rowcount
    return jsonify({"status": "checked_in" if won else "already_checked_in"}), 201 if won else 409


@app.get("/healthz")
def healthz():
    return "ok"


gc.freeze()  # as pitchday's wsgi.py: the same server settings for both sides
