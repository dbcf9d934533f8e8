"""The baseline of the crowd benchmark: a bare Flask endpoint reading one row and answering it as JSON.

Served by gunicorn with the same settings as pitchday (bench/scaling.py). ``BENCH_DATABASE_URL`` names the
database, filled by bench/scaling.py.
"""

import gc
import os

import sqlalchemy as sa
from flask import Flask, jsonify

URL = os.environ["BENCH_DATABASE_URL"]
engine = sa.create_engine(URL, pool_pre_ping=not URL.startswith("sqlite"))  # as pitchday's engine
ROW = sa.text("SELECT id, title, starts_at FROM events WHERE id = :id")
app = Flask(__name__)


@app.get("/events/<int:event_id>")
def event(event_id):
    with engine.connect() as conn:
        row = conn.execute(ROW, {"id": event_id}).one()
    return jsonify(id=row.id, title=row.title, starts_at=str(row.starts_at))


@app.get("/healthz")
def healthz():
    return "ok"


gc.freeze()  # as pitchday's wsgi.py
