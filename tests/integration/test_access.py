"""Who may reach which route: every route declares a rule, and each role gets 200, 403 or the log-in page."""

import pytest

from pitchday.permissions import RULES
from tests.access import LOGIN, ROLES, assert_access

# (url, expected per role in ROLES order). GET only; POST routes are covered by their own tests and by the
# rule they share with their GET page.
TABLE = [
    ("/", [200, 200, 200, 200, 200]),
    ("/camps/", [200, 200, 200, 200, 200]),
    ("/camps/essen", [200, 200, 200, 200, 200]),
    ("/camps/essen/edit", [LOGIN, 403, 200, 403, 200]),
    ("/camps/essen/organisers", [LOGIN, 403, 200, 403, 200]),
    ("/camps/dortmund/edit", [LOGIN, 403, 403, 200, 200]),
    ("/admin/", [LOGIN, 403, 403, 403, 200]),
    ("/account/", [LOGIN, 200, 200, 200, 200]),
    ("/auth/login", [200, 200, 200, 200, 200]),
    ("/auth/signup", [200, 200, 200, 200, 200]),
    ("/healthz", [200, 200, 200, 200, 200]),
]


def _declared_rules(flask_app):
    """(path, rule name or None) for every route of ``flask_app`` but its static files."""
    return [(url_rule.rule, getattr(flask_app.view_functions[url_rule.endpoint], "permission_rule", None))
            for url_rule in flask_app.url_map.iter_rules() if url_rule.endpoint != "static"]


def test_every_route_declares_a_known_permission_rule(app):
    api = app.extensions["pitchday.device_api"]
    routes = _declared_rules(app) + _declared_rules(api)
    missing = [path for path, name in routes if name is None]
    unknown = [(path, name) for path, name in routes if name is not None and name not in RULES]
    assert not missing, f"routes without a permission rule: {missing}"
    assert not unknown, f"routes naming an undeclared rule: {unknown}"
    assert {path for path, _name in _declared_rules(api)} >= {"/api/v1/events/<int:event_id>/checkins",
                                                              "/api/v1/openapi.json"}


def test_the_device_api_decides_without_sessions_and_the_site_with_them(app):
    """The device API keeps no session and has no Flask-Login: a rule there that asked for a user would fail."""
    api_rules = {name for _path, name in _declared_rules(app.extensions["pitchday.device_api"])}
    site_rules = {name for _path, name in _declared_rules(app)}
    assert all(RULES[name].sessionless for name in api_rules)
    assert not any(RULES[name].sessionless for name in site_rules)


@pytest.mark.parametrize("role", ROLES)
def test_routes_answer_each_role_as_declared(app, people, role):
    assert_access(app, people, role, TABLE)


POST_TABLE = [
    ("/camps/essen/organisers/999/remove", [LOGIN, 403, 404, 403, 404]),
    ("/admin/admins/999/remove", [LOGIN, 403, 403, 403, 404]),
    ("/account/feed-token", [LOGIN, 302, 302, 302, 302]),
]


@pytest.mark.parametrize("role", ROLES)
def test_changing_routes_refuse_the_wrong_roles(app, people, role):
    assert_access(app, people, role, POST_TABLE, method="POST")
