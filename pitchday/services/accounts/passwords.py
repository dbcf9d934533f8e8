"""Which passwords are refused, and why: too short, on the common-passwords list, containing the e-mail's name
or the site's name, or too easy to guess.

The common passwords are the 30,000 of the ``zxcvbn`` package's frequency list (drawn from real password
leaks); its estimator catches what no list holds (``aaaaaaaaaa``, keyboard walks, a name plus a year).
"""

import re

from flask_babel import gettext as _
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from ...errors import Invalid

MIN_LENGTH = 10
SITE_NAME = "pitchday"
COMMON = frozenset(FREQUENCY_LISTS["passwords"])
# zxcvbn's scale: 0-1 fall to an online attack even when it is throttled; 2 and up hold out against one.
MIN_SCORE = 2
ESTIMATE_CHARS = 72  # zxcvbn refuses longer input; the first 72 characters decide how guessable a password is
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _squeezed(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def problem(password: str, *, email: str = "") -> str | None:
    """Why ``password`` is refused for the account of ``email``, or None when it is fine."""
    if len(password) < MIN_LENGTH:
        return _("Choose a password of at least %(n)d characters.", n=MIN_LENGTH)
    lowered = password.lower()
    # "password12", "Dragon2024!": a listed password with digits or signs tacked on is no better.
    stem = re.sub(r"[^a-z]+$", "", lowered)
    if lowered in COMMON or (len(stem) >= 4 and stem in COMMON):
        return _("This password is on a list of commonly used passwords that attackers try first. "
                 "Please choose another one.")
    local = _squeezed(email.partition("@")[0])
    if len(local) >= 3 and local in _squeezed(password):
        return _("The password must not contain the name of your e-mail address (%(name)s).",
                 name=email.partition("@")[0])
    if SITE_NAME in _squeezed(password):
        return _("The password must not contain the site's name (%(name)s).", name=SITE_NAME)
    if zxcvbn(password[:ESTIMATE_CHARS], user_inputs=[SITE_NAME, local])["score"] < MIN_SCORE:
        return _("This password is too easy to guess (repeated characters, a keyboard row or a common word). "
                 "Add a few words that only you would put together.")
    return None


def check(password: str, *, email: str = "") -> None:
    """Raise ``Invalid`` on the form's password field when the password is refused."""
    reason = problem(password, email=email)
    if reason:
        raise Invalid(reason, field="password")
