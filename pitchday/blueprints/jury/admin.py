"""The organisers' side of the jury: rubric, jurors (invite, resend, revoke, assign), conflicts, reopening."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.base import choices
from ...forms.jury import AssignForm, ConflictForm, CriterionForm, InviteForm, ResetForm
from ...forms.recipe import perform, submit
from ...i18n import current_language
from ...models import Criterion
from ...permissions import guard
from ...services.applications.running_order import slots_for
from ...services.events.lookup import load_event
from ...services.jury import jurors as jury_jurors
from ...services.jury import pool as jury_pool
from ...services.jury import rubric as jury_rubric
from ...services.jury import scoring as jury_scoring
from ...services.jury.lookup import load_juror, load_pitch

bp = Blueprint("jury_admin", __name__, url_prefix="/events/<int:event_id>/jury")


def _index(event):
    return redirect(url_for("jury_admin.index", event_id=event.id))


def _pitch_choices(event):
    return choices([(s.application.id, f"{s.position}. {s.startup.name}") for s in slots_for(event)])


def _load_criterion(event_id: int, criterion_id: int) -> Criterion:
    criterion = db.session.get(Criterion, criterion_id)
    if criterion is None or criterion.event_id != event_id:
        abort(404)
    return criterion


def _page(event, invite_form=None, conflict_form=None, status=200):
    conflict_form = conflict_form or ConflictForm(prefix="conflict")
    conflict_form.application_id.choices = _pitch_choices(event)
    return render_template("jury/admin.html", event=event, criteria=jury_rubric.criteria_of(event),
                           locked=jury_rubric.is_locked(event), jurors=jury_jurors.jurors_of(event),
                           conflicts=jury_jurors.conflicts_of_event(event), invite_form=invite_form or InviteForm(),
                           pool=jury_pool.suggestions(event), stakes=jury_pool.carried_stakes(event),
                           conflict_form=conflict_form, reset_form=ResetForm(prefix="reset")), status


@bp.get("/")
@guard("jury.manage", event=load_event)
def index(event):
    return _page(event)


@bp.post("/rubric/default")
@guard("jury.manage", event=load_event)
def default_rubric(event):
    perform(lambda: jury_rubric.add_default_rubric(event, locale=current_language(), by=current_user),
            success=_("The default rubric is in place; adjust it as you like."))
    return _index(event)


@bp.route("/criteria/new", methods=["GET", "POST"], defaults={"criterion_id": None})
@bp.route("/criteria/<int:criterion_id>", methods=["GET", "POST"])
@guard("jury.manage", event=load_event)
def criterion(event, criterion_id):
    existing = _load_criterion(event.id, criterion_id) if criterion_id else None
    form = CriterionForm(obj=existing)
    if submit(form, lambda: jury_rubric.save_criterion(event, existing, by=current_user, **form.values()),
              success=_("Criterion saved.")):
        return _index(event)
    return render_template("jury/criterion.html", event=event, form=form, criterion=existing,
                           locked=jury_rubric.is_locked(event))


@bp.post("/criteria/<int:criterion_id>/delete")
@guard("jury.manage", event=load_event)
def delete_criterion(event, criterion_id):
    perform(lambda: jury_rubric.delete_criterion(event, _load_criterion(event.id, criterion_id),
                                                  by=current_user),
            success=_("Criterion deleted."))
    return _index(event)


@bp.post("/reset")
@guard("jury.manage", event=load_event)
def reset(event):
    form = ResetForm(prefix="reset")
    perform(lambda: jury_rubric.reset_scores(event, confirmed=form.validate_on_submit() and form.confirm.data,
                                               by=current_user),
            success=lambda removed: _("%(n)d scores deleted; the rubric can be changed again.", n=removed))
    return _index(event)


@bp.post("/jurors")
@guard("jury.manage", event=load_event)
def invite(event):
    form = InviteForm()
    if submit(form, lambda: jury_jurors.invite(event, by=current_user, email=form.email.data, name=form.name.data,
                                               locale=form.locale.data),
              success=_("Invitation sent to %(email)s.", email=form.email.data)):
        return _index(event)
    return _page(event, invite_form=form, status=422)


@bp.post("/jurors/<int:juror_id>/resend")
@guard("jury.manage", event=load_event, juror=load_juror)
def resend(event, juror):
    perform(lambda: jury_jurors.resend(event, juror, by=current_user),
            success=_("Invitation sent again to %(email)s.", email=juror.user.email))
    return _index(event)


@bp.post("/jurors/<int:juror_id>/revoke")
@guard("jury.manage", event=load_event, juror=load_juror)
def revoke(event, juror):
    perform(lambda: jury_jurors.revoke(event, juror, by=current_user),
            success=_("%(name)s is no longer on the jury; their link no longer works.", name=juror.user.name))
    return _index(event)


@bp.route("/jurors/<int:juror_id>/assign", methods=["GET", "POST"])
@guard("jury.manage", event=load_event, juror=load_juror)
def assign(event, juror):
    form = AssignForm(data={"scope": "all" if juror.all_pitches else "some",
                            "application_ids": [a.application_id for a in juror.assignments]})
    if request.method == "POST":
        form = AssignForm()
    form.application_ids.choices = _pitch_choices(event)
    if submit(form, lambda: jury_jurors.assign(event, juror, all_pitches=form.scope.data == "all",
                                               application_ids=form.application_ids.data or []),
              success=_("Assignment saved.")):
        return _index(event)
    return render_template("jury/assign.html", event=event, juror=juror, form=form)


@bp.post("/jurors/<int:juror_id>/conflicts")
@guard("jury.manage", event=load_event, juror=load_juror)
def add_conflict(event, juror):
    form = ConflictForm(prefix="conflict")
    form.application_id.choices = _pitch_choices(event)
    if form.validate_on_submit():
        try:
            application = load_pitch(event.id, form.application_id.data)
            jury_jurors.declare_conflict(juror, application, by=current_user, reason=form.reason.data)
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
        else:
            db.session.commit()
            flash(_("Conflict recorded."), "success")
    return _index(event)


@bp.post("/jurors/<int:juror_id>/conflicts/<int:conflict_id>/delete")
@guard("jury.manage", event=load_event, juror=load_juror)
def remove_conflict(event, juror, conflict_id):
    perform(lambda: jury_jurors.remove_conflict(juror, conflict_id),
            success=_("Conflict removed."))
    return _index(event)


@bp.post("/jurors/<int:juror_id>/pitch/<int:application_id>/reopen")
@guard("jury.manage", event=load_event, juror=load_juror, application=load_pitch)
def reopen(event, juror, application):
    perform(lambda: jury_scoring.reopen(juror, application, by=current_user),
            success=_("Reopened for %(name)s.", name=juror.user.name))
    return redirect(url_for("jury_results.live", event_id=event.id))
