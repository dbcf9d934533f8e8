"""Organisers' view of an event's registrations: lists, search, counts, confirm or cancel, capacity, CSV, questions."""

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...exports import csv_writer
from ...extensions import db
from ...forms.recipe import submit
from ...forms.registrations import CapacityForm, ConfirmForm, QuestionForm
from ...models import RegistrationQuestion
from ...permissions import guard
from ...services.audit import trail as audit
from ...services.events.lookup import load_event
from ...services.exports import prepared
from ...services.paging import PageRequest
from ...services.registrations import export as attendee_export
from ...services.registrations import lists as registrations_lists
from ...services.registrations import questions
from ...services.registrations import seats as registrations
from ...services.registrations.labels import ATTENDEE_TYPES, STATUSES, attendee_type_label
from ..downloads import csv_download

bp = Blueprint("registrations_admin", __name__, url_prefix="/events/<int:event_id>/registrations")
bp.add_app_template_global(attendee_type_label)


# These loaders give None rather than 404, so the rule (about the event) answers first: nobody without the
# right learns which ids exist. The views 404 on None.
def load_registration(event_id: int, registration_id: int):
    return registrations_lists.load_registration(event_id, registration_id)


def load_question(event_id: int, question_id: int):
    question = db.session.get(RegistrationQuestion, question_id)
    return question if question is not None and question.event_id == event_id else None


def _back(event):
    return redirect(url_for("registrations_admin.index", event_id=event.id, q=request.args.get("q") or None))


@bp.get("/")
@guard("registrations.manage", event=load_event)
def index(event):
    filters = registrations_lists.Filters.from_args(request.args)
    capacity_form = CapacityForm(data={"capacity": event.capacity})
    overview = registrations_lists.overview(event, filters, PageRequest.from_args(request.args))
    exports = prepared.recent(event, "registrations")
    return render_template("registrations/admin.html", event=event, search=filters.search, filters=filters,
                           overview=overview, attendee_types=ATTENDEE_TYPES, statuses=STATUSES,
                           capacity_form=capacity_form, form=ConfirmForm(), prepared_exports=exports,
                           offer_prepared=bool(exports) or prepared.offered(sum(overview.totals.values())))


@bp.post("/<int:registration_id>/confirm")
@guard("registrations.manage", event=load_event, registration=load_registration)
def confirm(event, registration):
    if registration is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            registrations.confirm_by_hand(registration, by=current_user)
        except DomainError as error:
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("%(name)s is confirmed and has been sent the ticket.", name=registration.name), "success")
    return _back(event)


@bp.post("/<int:registration_id>/cancel")
@guard("registrations.manage", event=load_event, registration=load_registration)
def cancel(event, registration):
    if registration is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        try:
            promoted = registrations.cancel(registration, by=current_user)
        except DomainError as error:
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("The registration of %(name)s is cancelled.", name=registration.name), "info")
            for person in promoted:
                flash(_("%(name)s moved up from the waiting list.", name=person.name), "success")
    return _back(event)


@bp.post("/capacity")
@guard("registrations.manage", event=load_event)
def capacity(event):
    form = CapacityForm()
    if form.validate_on_submit():
        try:
            promoted = registrations.set_capacity(event, form.capacity.data, by=current_user)
        except DomainError as error:
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("The event now has %(n)d seats.", n=event.capacity), "success")
            if promoted:
                flash(_("%(n)d people moved up from the waiting list.", n=len(promoted)), "success")
    else:
        flash(_("Please give the number of seats as a whole number of 0 or more."), "error")
    return _back(event)


@bp.get("/export.csv")
@guard("registrations.manage", event=load_event)
def export(event):
    audit.record_export(current_user, "registrations", rows=registrations_lists.count_of(event), subject=event)
    return csv_download(attendee_export.file_name(event), attendee_export.attendee_header(event),
                        attendee_export.attendee_rows(event))


def load_export(event_id: int, export_id: int):
    return prepared.load(event_id, export_id)


@bp.post("/exports")
@guard("registrations.manage", event=load_event)
def prepare_export(event):
    """A very large event's CSV, written by the worker; the list page offers it when it is ready."""
    dialect = request.form.get("format", "")
    if ConfirmForm().validate_on_submit() and dialect in csv_writer.DIALECTS:
        export = prepared.ask(event, by=current_user, kind="registrations", dialect=dialect)
        db.session.commit()
        prepared.start(export.id)
        flash(_("The file is being prepared. It appears below when it is ready; you can leave this page "
                "meanwhile."), "info")
    else:
        flash(_("The export could not be started. Please try again."), "error")
    return redirect(url_for("registrations_admin.index", event_id=event.id, _anchor="prepared-h"))


@bp.get("/exports/<int:export_id>.csv")
@guard("registrations.manage", event=load_event, export=load_export)
def prepared_file(event, export):
    path = prepared.file_of(export) if export is not None else None
    if path is None:
        abort(404)
    audit.record_export(current_user, "registrations", rows=export.rows or 0, subject=event,
                        details={"prepared": export.id})
    response = send_file(path, mimetype="text/csv; charset=utf-8", as_attachment=True,
                         download_name=attendee_export.file_name(event), etag=False)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/questions", methods=["GET", "POST"])
@guard("registrations.manage", event=load_event)
def question_list(event):
    form = QuestionForm()
    if submit(form, lambda: questions.add(event, form.label.data, by=current_user),
              success=_("The question is added to the registration form.")):
        return redirect(url_for("registrations_admin.question_list", event_id=event.id))
    return render_template("registrations/questions.html", event=event, form=form,
                           questions=questions.questions_of(event), remove_form=ConfirmForm())


@bp.post("/questions/<int:question_id>/remove")
@guard("registrations.manage", event=load_event, question=load_question)
def remove_question(event, question):
    if question is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        questions.remove(question, by=current_user)
        db.session.commit()
        flash(_("The question is removed."), "info")
    return redirect(url_for("registrations_admin.question_list", event_id=event.id))
