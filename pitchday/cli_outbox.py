"""Commands for the outbox and the worker: deliver now, counts by state, and the worker process itself."""

import click
from flask import current_app
from flask.cli import with_appcontext


@click.group("outbox")
def outbox():
    """The outbox of messages the app sends."""


@outbox.command("flush")
@with_appcontext
def flush():
    """Deliver every pending or failed message now and exit (tests, recovery, hosts without a worker)."""
    from .services.outbox.delivery import flush as deliver_all

    counts = deliver_all()
    click.echo(", ".join(f"{state}: {n}" for state, n in sorted(counts.items())) or "Nothing to send.")
    if counts.get("failed") or counts.get("given_up"):
        raise SystemExit(1)


@outbox.command("status")
@with_appcontext
def status():
    """Print how many messages are in each state."""
    from .services.outbox.delivery import counts_by_state

    counts = counts_by_state()
    for state in ("held", "pending", "sending", "failed", "delivered", "given_up", "discarded"):
        click.echo(f"{state:10} {counts.get(state, 0)}")


@click.command("worker")
@click.option("--threads", type=int, default=None, help="Delivery threads (default WORKER_THREADS).")
@with_appcontext
def worker(threads):
    """Run the worker: delivers the outbox and runs the scheduled work (reminders, purge, sweeps)."""
    from .tasks import run_consumer

    run_consumer(current_app._get_current_object(), threads=threads)
