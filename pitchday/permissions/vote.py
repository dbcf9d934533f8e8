"""Rules of the audience vote. Organisers' controls use ``event.manage``; the attendee's ticket secret is the
credential for the ballot, as for the ticket page (``ticket.holder``)."""

from .core import rule


@rule("vote.ballot", public=True)
def ballot(user, registration, **_objects):
    """Knowing the ticket's secret is the permission: the loader has already found the ticket by it.
    Whether that ticket may vote now (confirmed, checked in, vote open) is the service's answer, shown on the page."""
    return registration is not None


@rule("vote.code_form", public=True)
def code_form(user, **_objects):
    """Anyone may type a screen code and a ticket code; the form is rate-limited per address."""
    return True
