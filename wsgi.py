"""The entry point for production WSGI servers: ``gunicorn --workers 4 wsgi:app`` (README, "Production deployment").

Settings come from ``instance/config.py`` and ``PITCHDAY_*`` environment variables, as for ``flask run``.
"""

import gc

from pitchday import create_app

app = create_app()

# What the app built at start-up (modules, SQLAlchemy's metadata, translations, compiled templates) lives as long
# as the worker. Frozen, it is left out of the garbage collector's full collections, which otherwise walk all of
# it every so often in the middle of a request: measured in bench/checkin_throughput.py as the slowest 1 % of door
# scans. (Python's gc.freeze documentation recommends it for long-lived pre-forked server processes.)
gc.freeze()
