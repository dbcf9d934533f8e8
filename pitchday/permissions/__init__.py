"""Who may do what, decided here and nowhere else. Each area's rules live in a module of this package."""

from . import accounts, camps, events  # noqa: F401  (registers the rules)
from . import applications  # noqa: F401
from . import checkin  # noqa: F401
from . import jury  # noqa: F401
from . import matchmaking  # noqa: F401
from . import registrations  # noqa: F401
from . import showcase  # noqa: F401
from . import challenges  # noqa: F401
from . import jury_pool  # noqa: F401
from . import tracks  # noqa: F401
from . import vote  # noqa: F401
from . import audit  # noqa: F401
from . import live  # noqa: F401
from . import outbox  # noqa: F401  (the mail log, issue 15)
from .core import RULES, Refusal, can, deny, guard, link_scope, refusal, rule

__all__ = ["RULES", "Refusal", "can", "deny", "guard", "link_scope", "refusal", "rule"]
