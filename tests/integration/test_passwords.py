"""Weak passwords are refused on sign-up, password change and reset, and the form says why (issue 14,
defect 8)."""

import re

import pytest

from pitchday.demo.foundation import DEMO_PASSWORD, LOGINS
from pitchday.services.accounts import passwords
from tests.conftest import PASSWORD

COMMON = "Liste häufig benutzter Passwörter"
SITE = "Namen der Website (pitchday)"
GUESSABLE = "zu leicht zu erraten"


@pytest.mark.parametrize("password, why", [
    ("aaaaaaaaaa", GUESSABLE),
    ("password12", COMMON),
    ("qwertzuiop", COMMON),
    ("Dragon2024!!", COMMON),
    ("pitchday-demo", SITE),
    ("PitchDay 2026 rocks", SITE),
    ("fiona.founder-1990", "Namen Ihrer E-Mail-Adresse (fiona.founder)"),
])
def test_sign_up_refuses_weak_passwords_and_says_why(client, db, password, why):
    response = client.post_form("/auth/signup", {"name": "Fiona", "email": "fiona.founder@example.org",
                                                 "password": password, "password_again": password},
                                page="/auth/signup")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert why in html
    assert "Wir haben eine E-Mail" not in html


def test_the_form_states_the_rules_before_anyone_types(client):
    assert "Kein häufig benutztes Passwort" in client.get("/auth/signup").get_data(as_text=True)


def test_changing_to_a_weak_password_is_refused(client, member, login):
    login(member)
    response = client.post_form("/account/password", {"password-current_password": PASSWORD,
                                                      "password-password": "password12",
                                                      "password-password_again": "password12"},
                                page="/account/")
    assert response.status_code == 400
    assert COMMON in response.get_data(as_text=True)
    ok = client.post_form("/account/password", {"password-current_password": PASSWORD,
                                                "password-password": "kettle drum orchard",
                                                "password-password_again": "kettle drum orchard"},
                          page="/account/")
    assert ok.status_code == 302


def test_a_reset_to_a_weak_password_is_refused(client, member, outbox):
    client.post_form("/auth/forgot", {"email": member.email})
    link = re.search(r"http://localhost(/auth/\S+)", outbox()[0].get_body(("plain",)).get_content()).group(1)
    response = client.post_form(link, {"password": "member-2026!", "password_again": "member-2026!"}, page=link)
    assert "Namen Ihrer E-Mail-Adresse (member)" in response.get_data(as_text=True)
    assert client.get("/account/").status_code == 302  # not logged in: nothing was set


def test_the_demo_and_test_passwords_pass(app):
    for _role, email in LOGINS:
        assert passwords.problem(DEMO_PASSWORD, email=email) is None
    assert passwords.problem(PASSWORD, email="admin@example.org") is None
