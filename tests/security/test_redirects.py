"""Defect 1 of issue 14: ``next=`` can only lead to a page of this site, and a bad one never gives a 500."""

from urllib.parse import quote

import pytest

from pitchday.redirects import is_ours

# Each is another site to a browser (tabs and line breaks are dropped, "\" is read as "/"), or not a path.
FOREIGN = ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example",
           "https://evil.example/", "\x00/evil.example", " //evil.example", "/ /evil.example", "http:/evil.example",
           "javascript:alert(1)", "evil.example", "/\u2028/evil.example", "\\\\evil.example"]

# The request guard answers 400 to a NUL byte anywhere before the route reads it (test_bad_input.py).
FOREIGN_WITHOUT_NUL = [t for t in FOREIGN if "\x00" not in t]


@pytest.mark.parametrize("target", FOREIGN)
def test_foreign_targets_are_refused(target):
    assert not is_ours(target)


@pytest.mark.parametrize("target", ["/", "/events/", "/events/3?camp=essen&page=2", "/account/#sessions"])
def test_paths_of_this_site_pass(target):
    assert is_ours(target)


def _lands_at_home(response):
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location in ("/", "http://localhost/"), location
    assert "evil" not in location


@pytest.mark.parametrize("target", FOREIGN_WITHOUT_NUL)
def test_login_ignores_a_foreign_next(client, make_user, target):
    user = make_user("ida@example.org")
    url = "/auth/login?next=" + quote(target, safe="")
    response = client.post_form(url, {"email": user.email, "password": "correct horse battery"},
                                page="/auth/login")
    _lands_at_home(response)


def test_login_tab_payload_from_the_review(client, make_user):
    user = make_user("ida@example.org")
    response = client.post_form("/auth/login?next=/%09/evil.example",
                                {"email": user.email, "password": "correct horse battery"}, page="/auth/login")
    _lands_at_home(response)


def test_login_follows_a_path_of_this_site(client, make_user):
    user = make_user("ida@example.org")
    response = client.post_form("/auth/login?next=/events/%3Fcamp%3Dessen",
                                {"email": user.email, "password": "correct horse battery"}, page="/auth/login")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/events/?camp=essen")


@pytest.mark.parametrize("target", FOREIGN_WITHOUT_NUL)
def test_language_switch_ignores_a_foreign_next(client, target):
    response = client.post_form("/language", {"lang": "en", "next": target})
    _lands_at_home(response)


def test_language_switch_returns_to_the_page(client):
    response = client.post_form("/language", {"lang": "en", "next": "/events/?camp=essen"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/events/?camp=essen")
