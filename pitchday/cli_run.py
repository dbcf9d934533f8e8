"""``flask dev``: the web server and the worker together, as ``make run`` starts them."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

import click
from flask.cli import with_appcontext

WAIT_FOR_SERVER = 30.0


@click.command("dev")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@with_appcontext
def dev(host, port):
    """Serve the site and run the worker until Ctrl-C; say where the demo is and its logins last."""
    from .demo import print_logins

    address = f"http://{host}:{port}"
    env = {**os.environ}
    env.setdefault("PITCHDAY_BASE_URL", address)  # links in the demo's mails point at this server
    flask = [sys.executable, "-m", "flask", "--app", "pitchday"]
    # Our own interpreter and arguments, no shell.
    processes = [subprocess.Popen([*flask, "run", "--host", host, "--port", str(port)], env=env),  # noqa: S603
                 subprocess.Popen([*flask, "worker"], env=env)]  # noqa: S603
    # A SIGTERM (make forwards one when it is stopped, and so do process managers) ends both children as Ctrl-C
    # does; without this Python would exit at once and leave them running. Ctrl-C is handled here too: a command
    # started in the background by a script inherits SIGINT ignored, and Python would then not react to it.
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        if _wait_for(f"{address}/healthz", processes):
            click.echo(f"\nThe demo runs at {address}/ and the worker delivers its mail to instance/outbox/.")
            print_logins(click.echo)
            click.echo("Stop both with Ctrl-C.")
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass  # the terminal sent Ctrl-C to the children too; below we make sure both are gone
    finally:
        for p in processes:
            if p.poll() is None:
                p.terminate()
        for p in processes:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
    failed = [p.returncode for p in processes if p.returncode not in (0, -2, -15, 130)]
    if failed:
        raise SystemExit(1)


def _stop(_signum, _frame):
    raise KeyboardInterrupt


def _wait_for(url: str, processes) -> bool:
    deadline = time.monotonic() + WAIT_FOR_SERVER
    while time.monotonic() < deadline and all(p.poll() is None for p in processes):
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310  (an http:// address built above)
                return True
        except OSError:
            time.sleep(0.2)
    return False
