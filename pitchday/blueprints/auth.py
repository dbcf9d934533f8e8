"""Sign-up, log-in, log-out, e-mail confirmation, password reset and role links."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..database import write_intent
from ..errors import DomainError
from ..extensions import db, limiter
from ..forms.accounts import ForgotPasswordForm, LoginForm, ResetPasswordForm, SignUpForm
from ..i18n import current_language
from ..permissions import guard
from ..redirects import safe_target
from ..services.accounts import account as accounts
from ..services.accounts import role_links, throttle
from ..services.accounts.session import end_session, hold_for_second_step, start_link_session, start_session

bp = Blueprint("auth", __name__, url_prefix="/auth")


def _safe_next(default: str) -> str:
    return safe_target(request.args.get("next"), default)


@bp.route("/signup", methods=["GET", "POST"])
@guard("anonymous_only")
def signup():
    form = SignUpForm()
    if form.validate_on_submit():
        try:
            accounts.sign_up(email=form.email.data, name=form.name.data, password=form.password.data,
                             locale=current_language())
        except DomainError as error:
            form.show_error(error)
        else:
            db.session.commit()
            # The same answer whether the address was new or already had an account (issue 14): the mail tells.
            return render_template("auth/signup_sent.html", email=accounts.normalise_email(form.email.data))
    return render_template("auth/signup.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@guard("anonymous_only")
def login():
    form = LoginForm()
    if form.validate_on_submit():
        # Only failures count (issue 14): a venue's shared address may log in as often as it needs.
        who = {"address": request.remote_addr or "", "account": accounts.normalise_email(form.email.data)}
        if throttle.blocked("LOGIN", **who):
            abort(429)
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is None:
            throttle.failed("LOGIN", **who)
            form.form_errors.append(_("E-mail or password is not correct."))
        else:
            throttle.succeeded("LOGIN", **who)
            if user.two_step_enabled:  # the code step logs in (blueprints/two_step.py)
                hold_for_second_step(user, remember=form.remember.data, next_url=_safe_next(url_for("main.home")))
                db.session.commit()
                return redirect(url_for("two_step.code"))
            start_session(user, remember=form.remember.data)
            db.session.commit()
            return redirect(_safe_next(url_for("main.home")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@guard("public")
def logout():
    end_session()
    db.session.commit()
    flash(_("You are logged out."), "info")
    return redirect(url_for("main.home"))


@bp.get("/confirm/<token>")
@guard("public")
def confirm_email(token):
    try:
        accounts.confirm_email(token)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("main.home"))
    db.session.commit()
    flash(_("Thank you, your e-mail address is confirmed."), "success")
    return redirect(url_for("account.index") if current_user.is_authenticated else url_for("auth.login"))


@bp.route("/forgot", methods=["GET", "POST"])
@guard("public")
@limiter.limit("5 per 10 minutes", methods=["POST"], scope="password-reset")
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data)
        db.session.commit()
        flash(_("If an account exists for this address, we have sent it a link to choose a new password."), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@guard("public")
def reset_password(token):
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = accounts.reset_password(token, form.password.data)
        except DomainError as error:
            db.session.rollback()
            form.show_error(error, "password")
        else:
            db.session.commit()
            flash(_("Your new password is set."), "success")
            if user.two_step_enabled:  # a reset link proves the inbox, not the phone
                hold_for_second_step(user, remember=False, next_url=url_for("main.home"))
                db.session.commit()
                return redirect(url_for("two_step.code"))
            start_session(user)
            db.session.commit()
            return redirect(url_for("main.home"))
    return render_template("auth/reset.html", form=form)


@bp.get("/link/<token>")
@guard("public")
def role_link(token):
    """Invitation links for jurors and door staff: log in for that role at that event only."""
    # Opening the link writes the session's row: end the read transaction so SQLite begins the write with
    # BEGIN IMMEDIATE (a read snapshot cannot be upgraded once another writer has committed).
    db.session.commit()
    with write_intent():
        try:
            user, scope = role_links.redeem(token)
        except DomainError as error:
            return render_template("errors/error.html", status=error.status, title=_("Link not valid"),
                                   message=error.message), error.status
        start_link_session(user, scope)
        db.session.commit()
    destination = role_links.LANDING.get(scope["scope"])
    return redirect(url_for(destination, event_id=scope["event_id"]) if destination else url_for("main.home"))
