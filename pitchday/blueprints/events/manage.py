"""Organisers schedule their camp's events: create, edit, agenda, publish, postpone, cancel, copy."""

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...berlin import from_local, to_local_naive
from ...errors import DomainError
from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.events import BlockForm, CopyForm, EventForm, StatusForm
from ...forms.recipe import perform, submit
from ...models import EventStatus
from ...permissions import guard
from ...services import camps as camp_service
from ...services.events import agenda as events_agenda
from ...services.events import schedule as events
from ...services.events.lookup import load_block, load_event

bp = Blueprint("events_manage", __name__)


def _to_event(event):
    return redirect(url_for("events.show", event_id=event.id))


@bp.route("/camps/<slug>/events/new", methods=["GET", "POST"])
@guard("event.create", camp=camp_service.by_slug)
def create(camp):
    form = EventForm()
    if not form.is_submitted():
        form.venue_name.data, form.venue_address.data = camp.name, camp.address
        form.sectors.data = camp.sectors
    if outcome := submit(form, lambda: events.create(camp, by=current_user, **form.values()),
                         success=_("The event is saved as a draft. Add its agenda, then publish it.")):
        event = outcome.result
        return redirect(url_for("events_manage.agenda", event_id=event.id))
    return render_template("events/form.html", form=form, camp=camp, event=None), 400 if form.errors else 200


@bp.route("/events/<int:event_id>/edit", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def edit(event):
    form = EventForm(obj=event, event=event)
    if form.validate_on_submit():
        try:
            changes = events.update(event, by=current_user, **form.values())
        except DomainError as error:
            form.show_error(error)
        else:
            db.session.commit()
            if changes and event.is_public:
                flash(_("Saved. Everyone concerned has been told about the new time or place."), "success")
            else:
                flash(_("Saved."), "success")
            return _to_event(event)
    return render_template("events/form.html", form=form, camp=event.camp, event=event), (
        400 if form.errors else 200)


@bp.post("/events/<int:event_id>/publish")
@guard("event.manage", event=load_event)
def publish(event):
    form = ConfirmForm()
    if form.validate_on_submit():
        perform(lambda: events.publish(event, by=current_user),
                success=_("The event is published."))
    return _to_event(event)


def _status_page(event, status: EventStatus, template: str):
    form = StatusForm()
    if form.validate_on_submit():
        try:
            events.set_status(event, status, by=current_user, note=form.note.data or "")
        except DomainError as error:
            flash(error.message, "error")
            return _to_event(event)
        db.session.commit()
        flash(_("Done. Everyone concerned has been told."), "success")
        return _to_event(event)
    return render_template(template, event=event, form=form)


@bp.route("/events/<int:event_id>/postpone", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def postpone(event):
    return _status_page(event, EventStatus.POSTPONED, "events/postpone.html")


@bp.route("/events/<int:event_id>/cancel", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def cancel(event):
    return _status_page(event, EventStatus.CANCELLED, "events/cancel.html")


@bp.route("/events/<int:event_id>/agenda", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def agenda(event):
    form = BlockForm()
    if not form.is_submitted():
        last = event.blocks[-1].ends_at if event.blocks else event.starts_at
        form.starts_at.data = to_local_naive(last)
        form.ends_at.data = to_local_naive(min(event.ends_at, last + (event.ends_at - event.starts_at) / 4))
    if submit(form, lambda: events_agenda.add_block(event, by=current_user, **form.values()),
              success=_("The block is added to the agenda.")):
        return redirect(url_for("events_manage.agenda", event_id=event.id))
    return render_template("events/agenda.html", event=event, form=form, delete_form=ConfirmForm()), (
        400 if form.errors else 200)


@bp.route("/events/<int:event_id>/agenda/<int:block_id>", methods=["GET", "POST"])
@guard("event.block.manage", block=load_block)
def edit_block(block):
    form = BlockForm(obj=block, block=block)
    if submit(form, lambda: events_agenda.update_block(block, by=current_user, **form.values()),
              success=_("The block is saved.")):
        return redirect(url_for("events_manage.agenda", event_id=block.event_id))
    return render_template("events/block.html", event=block.event, block=block, form=form), (
        400 if form.errors else 200)


@bp.post("/events/<int:event_id>/agenda/<int:block_id>/delete")
@guard("event.block.manage", block=load_block)
def delete_block(block):
    event = block.event
    if ConfirmForm().validate_on_submit():
        perform(lambda: events_agenda.remove_block(block, by=current_user),
                success=_("The block is removed."), category="info")
    return redirect(url_for("events_manage.agenda", event_id=event.id))


@bp.route("/events/<int:event_id>/copy", methods=["GET", "POST"])
@guard("event.manage", event=load_event)
def copy(event):
    form = CopyForm()
    if not form.is_submitted():
        form.title.data = event.title
        # A camp that runs a pitch day every quarter: suggest the same weekday and local hour 13 weeks later.
        form.starts_at.data = to_local_naive(event.starts_at) + timedelta(weeks=13)
    if outcome := submit(form, lambda: events.copy(event, by=current_user, starts_at=from_local(form.starts_at.data),
                                                   title=form.title.data),
                         success=_("The copy is saved as a draft. Check it, then publish it.")):
        new = outcome.result
        return redirect(url_for("events_manage.edit", event_id=new.id))
    return render_template("events/copy.html", event=event, form=form), 400 if form.errors else 200
