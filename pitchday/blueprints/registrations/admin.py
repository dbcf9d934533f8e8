"""Organisers' view of an event's registrations: lists, search, counts, confirm or cancel, capacity, CSV, questions."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.recipe import submit
from ...forms.registrations import CapacityForm, ConfirmForm, QuestionForm
from ...models import RegistrationQuestion
from ...permissions import guard
from ...services.audit import trail as audit
from ...services.events.lookup import load_event
from ...services.paging import PageRequest
from ...services.registrations import lists as registrations_lists
from ...services.registrations import questions
from ...services.registrations import seats as registrations
from ...services.registrations.export import attendee_header, attendee_rows
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
    return render_template("registrations/admin.html", event=event, search=filters.search, filters=filters,
                           overview=overview, attendee_types=ATTENDEE_TYPES, statuses=STATUSES,
                           capacity_form=capacity_form, form=ConfirmForm())


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
    # Lazy texts: the file speaks its own language (English in the international one), whatever the page's.
    headers = {"status": _l("Status"), "position": _l("Place on waiting list"), "name": _l("Name"),
               "email": _l("E-mail"), "organisation": _l("Organisation"), "type": _l("Attendee type"),
               "registered": _l("Registered"), "confirmed": _l("Confirmed"),
               "cancelled": lazy_pgettext("registration", "Cancelled")}
    audit.record_export(current_user, "registrations", rows=registrations_lists.count_of(event), subject=event)
    return csv_download(f"registrations-event-{event.id}.csv", attendee_header(event, headers=headers),
                        attendee_rows(event, status_labels=STATUSES))


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
