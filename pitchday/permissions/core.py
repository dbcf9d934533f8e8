"""The mechanism: named rules, the ``guard`` every route wears, and ``can`` for templates and code.

A rule is a predicate ``(user, **objects) -> bool``. Routes name their rule with ``guard``; loaders turn URL
arguments into objects (404 when missing) before the rule sees them, so a view receives loaded objects.
A session opened by a signed link (juror, door staff) is limited to rules that accept that link's scope.
A ``sessionless`` rule is decided without any user: the device API (``device_api``) keeps no sessions, and its
callers prove who they are with a bearer token that the route's loader checks.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, redirect, request, session, url_for
from flask_login import current_user
from werkzeug.exceptions import Forbidden


@dataclass(frozen=True)
class Rule:
    name: str
    check: Callable[..., bool]
    link_scopes: frozenset[str]
    public: bool
    sessionless: bool


RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class Refusal:
    """Why someone logged in is refused, and what they can do instead: shown on the 403 page."""

    reason: str
    action_url: str | None = None
    action_label: str | None = None


# Rule name -> (user, **objects) -> Refusal | None; a rule without one gets the general 403 page.
REFUSALS: dict[str, Callable[..., Refusal | None]] = {}


class Refused(Forbidden):
    """A 403 that carries the rule's explanation to the error page."""

    def __init__(self, refusal: Refusal | None):
        super().__init__()
        self.refusal = refusal


def refusal(name: str):
    """Register the explanation of rule ``name``'s refusals (declared beside the rule)."""

    def register(explain):
        REFUSALS[name] = explain
        return explain

    return register


def rule(name: str, *, link_scopes: tuple[str, ...] = (), public: bool = False, sessionless: bool = False):
    """Register a permission rule under ``name``."""

    def register(check):
        if name in RULES:
            raise ValueError(f"permission rule {name!r} declared twice")
        RULES[name] = Rule(name, check, frozenset(link_scopes), public, sessionless)
        return check

    return register


def link_scope() -> dict | None:
    """The scope of a session opened by a signed link, e.g. ``{"scope": "juror", "event_id": 3}``."""
    return session.get("link_scope")


def _acting_user(rule_: Rule):
    """The user as this rule sees them: a link-scoped session counts as anonymous outside its scope."""
    scope = link_scope() if current_user.is_authenticated else None
    if scope and not rule_.public and scope.get("scope") not in rule_.link_scopes:
        return None
    return current_user if current_user.is_authenticated else None


def can(name: str, **objects) -> bool:
    """Whether the current user passes rule ``name`` for these objects."""
    rule_ = RULES[name]
    if rule_.sessionless:
        return bool(rule_.check(None, **objects))
    if rule_.public:
        return bool(rule_.check(_acting_user(rule_), **objects))
    user = _acting_user(rule_)
    return user is not None and bool(rule_.check(user, **objects))


def wants_json() -> bool:
    return request.path.startswith("/api/") or (
        request.accept_mimetypes.best == "application/json" and not request.accept_mimetypes.accept_html
    )


def deny(name: str, **objects):
    """401/redirect to log-in for someone not (usably) logged in, 403 for someone logged in, with the rule's
    reason and what to do where the rule gives one."""
    if RULES[name].sessionless:
        abort(401)
    user = _acting_user(RULES[name])
    if user is None:
        if wants_json():
            abort(401)
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    explain = REFUSALS.get(name)
    raise Refused(explain(user, **objects) if explain else None)


def guard(name: str, **loaders: Callable):
    """Declare the route's permission rule; ``loaders`` map URL arguments to the objects the rule checks."""

    # Which URL arguments each loader takes, read once here rather than on every request.
    wanted = {key: tuple(inspect.signature(loader).parameters) for key, loader in loaders.items()}
    used = {param for params in wanted.values() for param in params}

    def decorate(view):
        @functools.wraps(view)
        def wrapper(**url_args):
            objects = {key: loader(**{p: url_args[p] for p in wanted[key] if p in url_args})
                       for key, loader in loaders.items()}
            if not can(name, **objects):
                return deny(name, **objects)
            remaining = {k: v for k, v in url_args.items() if k not in used}
            return view(**remaining, **objects)

        wrapper.permission_rule = name
        return wrapper

    return decorate
