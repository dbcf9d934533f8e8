"""Organisers set up an event's call for pitches (window, deck, rejection texts, questions) and its running
order (lengths, slots, order, publishing). Works without JavaScript: every change is a small form."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...berlin import from_local, to_local_naive
from ...extensions import db
from ...forms.applications import CallForm, ConfirmForm, LengthsForm, QuestionForm
from ...forms.recipe import perform, submit
from ...models import Application, ApplicationStatus, PitchSlot
from ...permissions import guard
from ...services.applications import call as cfp
from ...services.applications import running_order
from ...services.events.lookup import load_event

bp = Blueprint("cfp", __name__)


@bp.route("/events/<int:event_id>/call", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def call(event):
    current = cfp.call_for(event)
    form = CallForm(obj=current) if request.method == "POST" else _saved_call_form(event, current)
    if submit(form, lambda: cfp.update_call(event, by=current_user, opens_at=from_local(form.opens_at.data),
                                            closes_at=from_local(form.closes_at.data),
                                            deck_required=form.deck_required.data,
                                            rejection_text_de=form.rejection_text_de.data or "",
                                            rejection_text_en=form.rejection_text_en.data or ""),
              success=_("The call for pitches is saved.")):
        return redirect(url_for("cfp.call", event_id=event.id))
    return _call_page(event, current, form, QuestionForm(formdata=None))


def _saved_call_form(event, current) -> CallForm:
    """The call as saved, its times shown in Berlin time."""
    form = CallForm(obj=current, formdata=None)
    form.opens_at.data = to_local_naive(event.cfp_opens_at)
    form.closes_at.data = to_local_naive(event.cfp_closes_at)
    return form


def _call_page(event, current, form, question_form):
    return render_template("applications/call/edit.html", event=event, form=form, call=current,
                           question_form=question_form, confirm=ConfirmForm())


@bp.route("/events/<int:event_id>/call/questions", methods=["POST"])
@guard("event.manage", event=load_event)
def add_question(event):
    form = QuestionForm()
    if submit(form, lambda: cfp.add_question(event, by=current_user, kind=form.kind.data, label=form.label.data,
                                             options=form.options.data or "", required=form.required.data),
              success=_("Question added.")):
        return redirect(url_for("cfp.call", event_id=event.id) + "#questions")
    current = cfp.call_for(event)
    return _call_page(event, current, _saved_call_form(event, current), form), 422


@bp.route("/events/<int:event_id>/call/questions/<int:question_id>", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def edit_question(event, question_id):
    question = cfp.question_of(event, question_id)
    form = QuestionForm(obj=question)
    if not form.is_submitted():
        form.kind.data = str(question.kind)
    if submit(form, lambda: cfp.update_question(question, by=current_user, kind=form.kind.data, label=form.label.data,
                                                options=form.options.data or "", required=form.required.data),
              success=_("Question saved.")):
        return redirect(url_for("cfp.call", event_id=event.id) + "#questions")
    return render_template("applications/call/question.html", event=event, question=question, form=form)


@bp.post("/events/<int:event_id>/call/questions/<int:question_id>/<any(up, down, delete):action>")
@guard("event.manage", event=load_event)
def change_question(event, question_id, action):
    question = cfp.question_of(event, question_id)
    if ConfirmForm().validate_on_submit():
        if action == "delete":
            cfp.delete_question(question, by=current_user)
            flash(_("Question removed."), "info")
        else:
            cfp.move_question(question, by=current_user, direction=-1 if action == "up" else 1)
        db.session.commit()
    return redirect(url_for("cfp.call", event_id=event.id) + "#questions")


@bp.get("/events/<int:event_id>/running-order")
@guard("event.manage", event=load_event)
def running(event):
    return _running_page(event)


def _running_page(event, lengths_form=None, status=200):
    slots = running_order.slots_for(event)
    waiting = list(db.session.scalars(
        db.select(Application).outerjoin(PitchSlot, PitchSlot.application_id == Application.id)
        .filter(Application.event_id == event.id, Application.status == ApplicationStatus.ACCEPTED,
                PitchSlot.id.is_(None))))
    form = lengths_form or LengthsForm(formdata=None, pitch_minutes=event.pitch_minutes, qa_minutes=event.qa_minutes)
    return render_template("applications/order/index.html", event=event, slots=slots, waiting=waiting,
                           block=event.pitch_block(), capacity=running_order.capacity(event), form=form,
                           confirm=ConfirmForm(), published=running_order.is_published(event)), status


def _slot(event, position: int) -> PitchSlot:
    slots = running_order.slots_for(event)
    if not 1 <= position <= len(slots):
        abort(404)
    return slots[position - 1].application.slot


def _done(event):
    return redirect(url_for("cfp.running", event_id=event.id))


@bp.post("/events/<int:event_id>/running-order/add/<int:application_id>")
@guard("event.manage", event=load_event)
def add_slot(event, application_id):
    application = db.session.get(Application, application_id)
    if application is None or application.event_id != event.id:
        abort(404)
    perform(lambda: running_order.add(application, by=current_user),
            success=_("%(startup)s is in the running order.", startup=application.startup.name))
    return _done(event)


@bp.post("/events/<int:event_id>/running-order/<int:position>/<any(up, down, remove):action>")
@guard("event.manage", event=load_event)
def change_slot(event, position, action):
    slot = _slot(event, position)
    if action == "remove":
        running_order.remove(slot, by=current_user)
    else:
        running_order.move(slot, by=current_user, direction=-1 if action == "up" else 1)
    db.session.commit()
    return _done(event)


@bp.post("/events/<int:event_id>/running-order/lengths")
@guard("event.manage", event=load_event)
def lengths(event):
    form = LengthsForm()
    if submit(form, lambda: running_order.set_lengths(event, by=current_user, pitch_minutes=form.pitch_minutes.data,
                                                      qa_minutes=form.qa_minutes.data or 0),
              success=_("Lengths saved; the times are recomputed.")):
        return _done(event)
    return _running_page(event, lengths_form=form, status=422)


@bp.post("/events/<int:event_id>/running-order/publish")
@guard("event.manage", event=load_event)
def publish(event):
    running_order.publish(event, by=current_user, published=request.form.get("published") == "1")
    db.session.commit()
    flash(_("The line-up is published.") if running_order.is_published(event)
          else _("The line-up is hidden again."), "info")
    return _done(event)
