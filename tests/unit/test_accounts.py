"""Account rules without a request."""

import pytest

from pitchday import tokens
from pitchday.errors import Conflict, Invalid
from pitchday.models import User
from pitchday.services.accounts import account as accounts


def test_sign_up_with_an_address_in_use_whatever_its_case_creates_nothing(db, member):
    assert accounts.sign_up(email="MEMBER@Example.org", name="X", password="long enough password",
                            locale="de") is None
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1


def test_short_passwords_are_refused(db):
    with pytest.raises(Invalid):
        accounts.sign_up(email="new@example.org", name="New", password="short", locale="de")


def test_passwords_are_stored_hashed_never_plain(db):
    user = accounts.sign_up(email="new@example.org", name="New", password="long enough password", locale="de")
    assert "long enough password" not in user.password_hash
    assert accounts.authenticate("new@example.org", "long enough password") == user
    assert accounts.authenticate("new@example.org", "wrong password!!") is None


def test_a_password_reset_link_works_once(db, member):
    token = tokens.sign("reset", {"uid": member.id, "st": member.session_token})
    accounts.reset_password(token, "a brand new password")
    with pytest.raises(tokens.LinkInvalid):
        accounts.reset_password(token, "yet another password")


def test_changing_the_password_ends_other_sessions(db, member):
    old_token = member.session_token
    accounts.change_password(member, "correct horse battery", "a brand new password")
    assert member.session_token != old_token


def test_a_new_email_address_takes_effect_only_when_confirmed(db, member, make_user):
    accounts.request_email_change(member, "mia@new.example")
    assert member.email == "member@example.org"
    token = tokens.sign("confirm", {"uid": member.id, "email": "mia@new.example"})
    accounts.confirm_email(token)
    assert member.email == "mia@new.example"
    make_user("taken@example.org")
    with pytest.raises(Conflict):
        accounts.request_email_change(member, "Taken@example.org")
