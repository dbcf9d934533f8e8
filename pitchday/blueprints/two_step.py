"""Two-step sign-in: the code step after the password, enrolment with a QR code and recovery codes, and the gate
that keeps a hub admin without two-step sign-in on the enrolment page (issue 14)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ..errors import DomainError
from ..extensions import db
from ..forms.accounts import TwoStepCodeForm
from ..permissions import guard, link_scope
from ..services.accounts import session as sessions
from ..services.accounts import throttle, two_step

bp = Blueprint("two_step", __name__)

# What a hub admin without two-step sign-in may still reach: enrolment itself, log-out, the language switch.
OPEN_BEFORE_ENROLMENT = {"two_step.enrol", "two_step.confirm", "auth.logout", "main.set_language", "main.healthz",
                         "static"}


@bp.before_app_request
def _enrol_first():
    if request.endpoint in OPEN_BEFORE_ENROLMENT or request.endpoint is None:
        return None
    if current_user.is_authenticated and not link_scope() and two_step.must_enrol(current_user):
        flash(_("Hub admins sign in with two steps. Please set it up now; until then nothing else opens."), "info")
        return redirect(url_for("two_step.enrol"))
    return None


def _guesser(user) -> dict:
    """Every code typed, here or at log-in, counts against one limit per address and per account."""
    who = {"address": request.remote_addr or "", "account": f"user:{user.id}"}
    if throttle.blocked("TWO_STEP", **who):
        abort(429)
    return who


@bp.route("/auth/two-step", methods=["GET", "POST"])
@guard("anonymous_only")
def code():
    """The second step of a log-in: nobody is logged in until the code is right."""
    waiting = sessions.waiting_for_second_step()
    if waiting is None:
        flash(_("Please log in again."), "info")
        return redirect(url_for("auth.login"))
    user, remember, next_url = waiting
    form = TwoStepCodeForm()
    if form.validate_on_submit():
        who = _guesser(user)
        if two_step.verify(user, form.code.data):
            throttle.succeeded("TWO_STEP", **who)
            sessions.drop_second_step()
            sessions.start_session(user, remember=remember)
            db.session.commit()
            return redirect(next_url)
        db.session.rollback()
        throttle.failed("TWO_STEP", **who)
        form.code.errors = [*form.code.errors, _("This code is not correct. Type the six digits your app shows now.")]
    return render_template("auth/two_step.html", form=form), 400 if form.errors else 200


def _enrolment_page(form, status=200):
    secret = two_step.start_enrolment(current_user)
    db.session.commit()
    uri = two_step.provisioning_uri(current_user, secret)
    # Our own path data with an escaped title: safe to put into the page as it is.
    qr = Markup(two_step.qr_svg(uri, _("QR code for your authenticator app")))  # noqa: S704
    grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    return render_template("account/two_step_enrol.html", form=form, qr=qr, secret=grouped,
                           required=two_step.required(current_user)), status


@bp.get("/account/two-step")
@guard("authenticated")
def enrol():
    if current_user.two_step_enabled and two_step.secret_of(current_user):
        return render_template("account/two_step.html", form=TwoStepCodeForm(),
                               left=two_step.recovery_codes_left(current_user),
                               required=two_step.required(current_user))
    return _enrolment_page(TwoStepCodeForm())


def _recovery_codes_after(form, issue, *, first: bool, on_error):
    """The page with new recovery codes once the code typed is right; a wrong code counts against the guesser."""
    if not form.validate_on_submit():
        return None
    who = _guesser(current_user)
    try:
        codes = issue(current_user, form.code.data)
    except DomainError as error:
        db.session.rollback()
        throttle.failed("TWO_STEP", **who)
        on_error(error)
        return None
    db.session.commit()
    return render_template("account/recovery_codes.html", codes=codes, first=first)


@bp.post("/account/two-step")
@guard("authenticated")
def confirm():
    form = TwoStepCodeForm()
    return (_recovery_codes_after(form, two_step.confirm_enrolment, first=True, on_error=form.show_error)
            or _enrolment_page(form, 400))


@bp.post("/account/two-step/recovery-codes")
@guard("authenticated")
def new_recovery_codes():
    return (_recovery_codes_after(TwoStepCodeForm(), two_step.new_recovery_codes, first=False,
                                  on_error=lambda error: flash(error.message, "error"))
            or redirect(url_for("two_step.enrol")))


@bp.post("/account/two-step/off")
@guard("authenticated")
def turn_off():
    form = TwoStepCodeForm()
    if form.validate_on_submit():
        who = _guesser(current_user)
        try:
            two_step.disable(current_user, form.code.data)
        except DomainError as error:
            db.session.rollback()
            throttle.failed("TWO_STEP", **who)
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(_("Two-step sign-in is off."), "info")
            return redirect(url_for("account.index"))
    return redirect(url_for("two_step.enrol"))
