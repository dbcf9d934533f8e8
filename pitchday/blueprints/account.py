"""The account page: name, language, password, e-mail address, personal calendar token, signed-in devices."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import DomainError
from ..extensions import db
from ..forms.accounts import ChangeEmailForm, ChangePasswordForm, ConfirmForm, ProfileForm
from ..forms.recipe import submit
from ..permissions import guard
from ..services.accounts import account as accounts
from ..services.accounts import session as sessions
from ..services.accounts.devices import describe
from ..services.accounts.session import start_session

bp = Blueprint("account", __name__, url_prefix="/account")


def _page(**forms):
    forms.setdefault("profile_form", ProfileForm(obj=current_user, prefix="profile"))
    forms.setdefault("password_form", ChangePasswordForm(prefix="password"))
    forms.setdefault("email_form", ChangeEmailForm(prefix="email"))
    forms.setdefault("confirm_form", ConfirmForm())
    return render_template("account/index.html", sessions=sessions.sessions_of(current_user), describe=describe,
                           this_session=current_user.browser_session_token, **forms)


@bp.get("/")
@guard("authenticated")
def index():
    return _page()


@bp.post("/profile")
@guard("authenticated")
def profile():
    form = ProfileForm(prefix="profile")
    if not form.validate_on_submit():
        return _page(profile_form=form), 400
    current_user.name = form.name.data.strip()
    accounts.set_locale(current_user, form.locale.data)
    db.session.commit()
    flash(_("Your details are saved."), "success")
    return redirect(url_for("account.index"))


@bp.post("/password")
@guard("authenticated")
def change_password():
    form = ChangePasswordForm(prefix="password")
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current_password.data, form.password.data)
        except DomainError as error:
            form.show_error(error)
        else:
            start_session(current_user._get_current_object())  # every session ended: open one for this device
            db.session.commit()
            flash(_("Your password is changed. Other devices have been logged out."), "success")
            return redirect(url_for("account.index"))
    return _page(password_form=form), 400


@bp.post("/email")
@guard("authenticated")
def change_email():
    form = ChangeEmailForm(prefix="email")
    if submit(form, lambda: accounts.request_email_change(current_user, form.email.data),
              success=_("We have sent a confirmation link to %(email)s. The change takes effect once you follow it.",
                    email=form.email.data), category="info"):
        return redirect(url_for("account.index"))
    return _page(email_form=form), 400


@bp.post("/resend-confirmation")
@guard("authenticated")
def resend_confirmation():
    accounts.send_confirmation(current_user)
    db.session.commit()
    flash(_("We have sent you a new confirmation link."), "info")
    return redirect(url_for("account.index"))


@bp.post("/feed-token")
@guard("authenticated")
def reset_feed_token():
    accounts.reset_feed_token(current_user)
    db.session.commit()
    flash(_("Your personal calendar address has been replaced. Subscribe again with the new address."), "info")
    return redirect(url_for("account.index"))


@bp.post("/sessions/<int:session_id>/end")
@guard("authenticated")
def end_session(session_id):
    """Sign out one of the account's other browsers (the account's own sessions only)."""
    sessions.end_one(current_user, session_id)
    db.session.commit()
    flash(_("That device is signed out."), "info")
    return redirect(url_for("account.index") + "#sessions-h")


@bp.post("/sessions/end-others")
@guard("authenticated")
def end_other_sessions():
    sessions.end_all(current_user, keep=current_user.browser_session_token)
    db.session.commit()
    flash(_("You are signed out everywhere else."), "info")
    return redirect(url_for("account.index") + "#sessions-h")


@bp.post("/sessions/end-all")
@guard("authenticated")
def end_all_sessions():
    sessions.end_all(current_user)
    sessions.end_session()
    db.session.commit()
    flash(_("You are signed out everywhere, this device included."), "info")
    return redirect(url_for("main.home"))
