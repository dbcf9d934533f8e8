"""Sign-up answers the same for a new and a known address; the mail differs (issue 14, defect 7)."""

import re

from pitchday.models import User
from tests.conftest import FormClient

TOKEN = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+(")')
FORM = {"name": "Someone", "password": "a long password", "password_again": "a long password"}


def _sign_up(app, email):
    client = FormClient(app.test_client())
    response = client.post_form("/auth/signup", {**FORM, "email": email}, page="/auth/signup")
    cookies = sorted(c.key for c in client.client._cookies.values())
    return response.status_code, TOKEN.sub(r"\1\2", response.get_data(as_text=True)), cookies


def test_sign_up_answers_alike_for_new_and_known_addresses(app, db, member, outbox):
    known = _sign_up(app, "Member@Example.org")
    new = _sign_up(app, "member@example.org".replace("member", "newbie"))
    assert known[0] == new[0] == 200
    assert known[1].replace("member@example.org", "X") == new[1].replace("newbie@example.org", "X")
    assert known[2] == new[2]
    assert "Wir haben eine E-Mail an member@example.org geschickt" in known[1]
    # Only the new address got an account; the known one keeps its name and password.
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 2
    db.session.refresh(member)
    assert member.name == "Mia Member"

    to_known, to_new = outbox()
    assert to_known["To"] == "member@example.org"
    assert to_known["Subject"] == "Sie haben schon ein pitchday-Konto"
    body = to_known.get_body(("plain",)).get_content()
    assert "http://localhost/auth/login" in body and "http://localhost/auth/reset/" in body
    assert to_new["To"] == "newbie@example.org"
    assert to_new["Subject"] == "Bitte bestätigen Sie Ihre E-Mail-Adresse"


def test_the_reset_link_for_a_known_address_sets_a_new_password(app, client, member, outbox):
    _sign_up(app, member.email)
    link = re.search(r"http://localhost(/auth/reset/\S+)", outbox()[0].get_body(("plain",)).get_content()).group(1)
    response = client.post_form(link, {"password": "my fresh password", "password_again": "my fresh password"},
                                page=link)
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_a_weak_password_is_refused_alike_for_both(app, member):
    weak = {**FORM, "password": "short", "password_again": "short"}
    answers = []
    for email in (member.email, "newbie@example.org"):
        client = FormClient(app.test_client())
        response = client.post_form("/auth/signup", {**weak, "email": email}, page="/auth/signup")
        answers.append((response.status_code, TOKEN.sub(r"\1\2", response.get_data(as_text=True)).replace(email, "X")))
    assert answers[0] == answers[1]
