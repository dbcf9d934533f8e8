"""Table-driven access checks, shared by every area's ``test_access`` module."""

from tests.conftest import FormClient, log_in

ROLES = ["anonymous", "member", "organiser", "other_organiser", "hub_admin"]
LOGIN = "login"


def assert_access(app, people: dict, role: str, table: list, method: str = "GET") -> None:
    """Each row: (url, [expected for each of ROLES]); expected is a status code or LOGIN."""
    client = FormClient(app.test_client())
    if role != "anonymous":
        log_in(client, people[role])
    for url, expected_by_role in table:
        expected = expected_by_role[ROLES.index(role)]
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post_form(url, {})
        if expected == LOGIN:
            assert response.status_code == 302, (role, url, response.status_code)
            assert "/auth/login" in response.headers["Location"], (role, url)
        else:
            assert response.status_code == expected, (role, url, response.status_code)
