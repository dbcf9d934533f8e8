"""Fixtures of the performance tests: the events area's events and the applications area's startups."""

from tests.applications.conftest import founder  # noqa: F401  (fixture)
from tests.events.conftest import make_event  # noqa: F401  (fixture)
