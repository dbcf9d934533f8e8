"""``flask dev`` (what ``make run`` starts): the web server and the worker together, and both stop when it is told
to stop, by Ctrl-C or by a SIGTERM (make forwards one when it is stopped)."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_dev_serves_and_stopping_it_stops_the_server_and_the_worker(tmp_path, stop):
    env = {**os.environ, "PITCHDAY_DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
           "PITCHDAY_SECRET_KEY": "dev-test", "PITCHDAY_TASK_STORAGE_URL": f"sqlite:///{tmp_path / 'tasks.sqlite3'}",
           "PITCHDAY_OUTBOX_DIR": str(tmp_path / "outbox"), "PITCHDAY_CACHE_DIR": str(tmp_path / "cache"),
           "PITCHDAY_UPLOAD_DIR": str(tmp_path / "uploads"), "PITCHDAY_EXPORT_DIR": str(tmp_path / "exports"),
           "PITCHDAY_LOG_LEVEL": "WARNING"}
    env.pop("PITCHDAY_TEST_DATABASE_URL", None)
    port = free_port()
    log = (tmp_path / "dev.log").open("wb")
    dev = subprocess.Popen([sys.executable, "-m", "flask", "--app", "pitchday", "dev", "--port", str(port)],
                           cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    children = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                    assert answer.status in (200, 503)  # served (the empty database may not be ready)
                    break
            except urllib.error.HTTPError as error:
                assert error.code == 503
                break
            except OSError:
                time.sleep(0.3)
        children = children_of(dev.pid)
        assert len(children) == 2  # the web server and the worker
        dev.send_signal(stop)
        dev.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in children if alive(pid)]
    finally:
        for pid in [pid for pid in children if alive(pid)]:
            os.kill(pid, signal.SIGKILL)
        if dev.poll() is None:
            dev.kill()
            dev.wait()
        log.close()
