"""Start the app under gunicorn (several worker processes) against the test's database, for real parallel clients."""

import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

GUNICORN = Path(sys.executable).parent / "gunicorn"
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database_url: str, *, workers: int = 4, app: str = "wsgi:app", extra_env=None):
    """Serve ``app`` (by default the production entry point) on a free port with ``workers`` processes; yields the
    port."""
    port = free_port()
    env = {**os.environ, "PITCHDAY_DATABASE_URL": database_url, "PITCHDAY_LOG_LEVEL": "WARNING",
           "PITCHDAY_SECRET_KEY": "test-secret-key-not-for-production", **(extra_env or {})}
    proc = subprocess.Popen([str(GUNICORN), "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning",
                             "--chdir", str(ROOT), app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _ = request(port, "GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        proc.stderr.close()


def request(port: int, method: str, path: str, body=None, headers=None, conn=None):
    """One HTTP request; returns (status, parsed JSON or None). Reuses ``conn`` when given (keep-alive)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        payload = json.dumps(body) if body is not None else None
        conn.request(method, path, body=payload, headers={"Content-Type": "application/json", **(headers or {})})
        response = conn.getresponse()
        data = response.read()
        try:
            return response.status, json.loads(data)
        except ValueError:
            return response.status, None
    finally:
        if own:
            conn.close()
