"""Who may do what, decided here and nowhere else. Each area's rules live in a module of this package."""

from . import accounts, camps, checkin, events  # noqa: F401  (registers the rules)
from .core import RULES, can, deny, guard, link_scope, rule

__all__ = ["RULES", "can", "deny", "guard", "link_scope", "rule"]
