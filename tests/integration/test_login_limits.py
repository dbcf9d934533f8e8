"""The log-in limit counts failures only, per client address and per account; a success clears the account's
count (issue 14, defect 9). The limits here are the shipped defaults: 20 per address, 5 per account."""

import pytest

from tests.conftest import PASSWORD, FormClient, create_user, empty_tables, make_app, prepare_schema

VENUE = "10.20.30.40"


@pytest.fixture
def default_limits_app(tmp_path, database_url):
    app = make_app(tmp_path, database_url, LOGIN_LIMIT_PER_ADDRESS="20 per 10 minutes",
                   LOGIN_LIMIT_PER_ACCOUNT="5 per 10 minutes")
    with app.app_context():
        prepare_schema(database_url)
        yield app
        empty_tables(database_url)


def _attempt(app, email, password, address=VENUE) -> int:
    client = FormClient(app.test_client())
    client.client.environ_base["REMOTE_ADDR"] = address
    token = client.csrf_token("/auth/login")
    return client.post("/auth/login", data={"email": email, "password": password, "csrf_token": token}).status_code


def test_25_successful_log_ins_from_one_address_are_not_blocked(default_limits_app):
    people = [create_user(f"guest{i}@example.org") for i in range(5)]
    codes = [_attempt(default_limits_app, people[i % 5].email, PASSWORD) for i in range(25)]
    assert codes == [302] * 25


def test_failures_from_one_address_are_blocked_after_20(default_limits_app):
    codes = [_attempt(default_limits_app, f"guess{i}@example.org", "wrong password") for i in range(21)]
    assert codes[:20] == [200] * 20 and codes[20] == 429
    # A right password from that address waits too: the address is the one guessing.
    create_user("late@example.org")
    assert _attempt(default_limits_app, "late@example.org", PASSWORD) == 429
    assert _attempt(default_limits_app, "late@example.org", PASSWORD, address="10.99.0.1") == 302


def test_failures_on_one_account_are_blocked_from_any_address(default_limits_app):
    create_user("victim@example.org")
    codes = [_attempt(default_limits_app, "victim@example.org", "wrong password", address=f"10.0.0.{i}")
             for i in range(6)]
    assert codes == [200] * 5 + [429]
    assert _attempt(default_limits_app, "victim@example.org", PASSWORD, address="10.0.1.1") == 429


def test_a_success_starts_the_accounts_count_again(default_limits_app):
    create_user("typo@example.org")
    for _ in range(4):
        assert _attempt(default_limits_app, "typo@example.org", "wrong password") == 200
    assert _attempt(default_limits_app, "typo@example.org", PASSWORD) == 302
    codes = [_attempt(default_limits_app, "typo@example.org", "wrong password") for _ in range(5)]
    assert codes == [200] * 5
