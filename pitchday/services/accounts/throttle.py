"""Counting failed attempts (passwords, two-step codes), in Flask-Limiter's storage (Redis when configured).

Only failures count: a venue whose guests share one Wi-Fi address can log in as often as it likes, while
guessing is slowed per client address and per account. A success clears that account's count.
"""

from flask import current_app
from limits import parse

from ...extensions import limiter


def _checks(kind: str, address: str, account: str):
    config = current_app.config
    return [(parse(config[f"{kind}_LIMIT_PER_ADDRESS"]), f"{kind}-failures-address", address),
            (parse(config[f"{kind}_LIMIT_PER_ACCOUNT"]), f"{kind}-failures-account", account)]


def blocked(kind: str, *, address: str, account: str) -> bool:
    """Whether the address or the account has used up its failed attempts of ``kind`` ("LOGIN", "TWO_STEP")."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return False
    return not all(limiter.limiter.test(item, scope, key) for item, scope, key in _checks(kind, address, account))


def failed(kind: str, *, address: str, account: str) -> None:
    for item, scope, key in _checks(kind, address, account):
        limiter.limiter.hit(item, scope, key)


def succeeded(kind: str, *, address: str, account: str) -> None:
    """The account's count starts again; the address keeps its count (other accounts' guesses)."""
    item, scope, key = _checks(kind, address, account)[1]
    limiter.limiter.clear(item, scope, key)
