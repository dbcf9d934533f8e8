"""gunicorn's settings file, read from the folder gunicorn starts in (or named with ``-c``).

Command-line options still decide workers, threads and addresses; this only tells each worker's app how many
threads it has, so the live show never holds so many screens' polls open that no thread is left for a door scan
(``services/live/waiting.hold_limit``)."""


def post_worker_init(worker):
    from pitchday.services.live import waiting

    waiting.tell_threads(worker.cfg.threads)
