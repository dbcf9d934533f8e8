"""Rules of the public showcase: anyone browses it; a startup's own page stays ruled by ``startup.view``."""

from .core import rule


@rule("showcase.browse", public=True)
def showcase_browse(user, **_objects):
    """The directory lists only startups that opted in, so browsing it needs no account."""
    return True
