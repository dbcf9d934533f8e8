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


def test_every_route_declares_a_known_permission_rule(app):
    missing, unknown = [], []
    for url_rule in app.url_map.iter_rules():
        if url_rule.endpoint == "static":
            continue
        view = app.view_functions[url_rule.endpoint]
        rule_name = getattr(view, "permission_rule", None)
        if rule_name is None:
            missing.append(url_rule.rule)
        elif rule_name not in RULES:
            unknown.append((url_rule.rule, rule_name))
    assert not missing, f"routes without a permission rule: {missing}"
    assert not unknown, f"routes naming an undeclared rule: {unknown}"


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
