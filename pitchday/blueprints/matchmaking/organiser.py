"""The organiser's side of matchmaking: settings and tables, requests and matches, the meeting grid
(run the allocation, move, cancel) and follow-ups."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...berlin import to_local
from ...errors import DomainError
from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.base import choices
from ...forms.matchmaking import FollowUpForm, MoveForm, SettingsForm
from ...forms.recipe import perform
from ...permissions import guard
from ...services.events.lookup import load_event
from ...services.impact.labels import LABEL_FILTERS
from ...services.matchmaking import followups, meetings
from ...services.matchmaking import requests as mm
from ...services.matchmaking.lookup import load_meeting, load_startup
from ...services.matchmaking.views import grid_view

bp = Blueprint("matchmaking_organiser", __name__, url_prefix="/events/<int:event_id>/matchmaking")
bp.context_processor(lambda: LABEL_FILTERS)


def _move_form(view, meeting=None):
    form = MoveForm(prefix=f"m{meeting.id}" if meeting else None)
    form.slot.choices = choices([(i, f"{to_local(start):%H:%M}") for i, start, _end in view["slots"]])
    form.table.choices = choices([(t.id, t.name) for t in view["tables"]])
    if meeting is not None and not form.is_submitted():
        form.slot.data, form.table.data = meeting.slot_index, meeting.table_id
    return form


def _page(event, settings_form=None, status=200):
    view = grid_view(event)
    if settings_form is None:
        settings_form = SettingsForm(data={"slot_minutes": view["settings"].slot_minutes,
                                           "tables": "\n".join(t.name for t in view["tables"])})
    follow_form = FollowUpForm()
    follow_form.startup.choices = choices([(s.id, s.name) for s in mm.lineup(event)])
    move_forms = {m.id: _move_form(view, m) for m in view["placed"]}
    return render_template("matchmaking/organiser.html", **view, settings_form=settings_form,
                           confirm_form=ConfirmForm(), move_forms=move_forms, follow_form=follow_form,
                           follow_ups=followups.follow_ups_of(event)), status


def _back(event):
    return redirect(url_for("matchmaking_organiser.grid", event_id=event.id))


@bp.route("/", methods=["GET", "POST"])
@guard("matchmaking.organise", event=load_event)
def grid(event):
    form = SettingsForm()
    if not form.is_submitted():
        return _page(event)
    if form.validate_on_submit():
        try:
            meetings.set_slot_minutes(event, form.slot_minutes.data)
            meetings.set_tables(event, (form.tables.data or "").splitlines())
        except DomainError as error:
            db.session.rollback()
            form.show_error(error)
        else:
            db.session.commit()
            flash(_("The settings are saved."), "success")
            return _back(event)
    return _page(event, settings_form=form, status=400)


@bp.post("/run")
@guard("matchmaking.organise", event=load_event)
def run(event):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    perform(lambda: meetings.run_allocation(event),
            success=lambda result: _("%(placed)d of %(agreed)d agreed meetings have a place.", placed=result.placed,
                agreed=result.placed + len(result.unplaced)))
    return _back(event)


def _own(event, meeting_id):
    """The event's meeting or 404 (loaded after the permission check, so strangers learn nothing)."""
    meeting = load_meeting(meeting_id)
    if meeting.event_id != event.id:
        abort(404)
    return meeting


@bp.post("/meetings/<int:meeting_id>/move")
@guard("matchmaking.organise", event=load_event)
def move(event, meeting_id):
    meeting = _own(event, meeting_id)
    form = _move_form(grid_view(event), meeting)
    if not form.validate_on_submit():
        flash(_("Choose a slot and a table of this event."), "error")
        return _back(event)
    perform(lambda: meetings.move(meeting, slot_index=form.slot.data, table_id=form.table.data),
            success=_("The meeting is moved; both sides are told."))
    return _back(event)


@bp.post("/meetings/<int:meeting_id>/cancel")
@guard("matchmaking.organise", event=load_event)
def cancel(event, meeting_id):
    meeting = _own(event, meeting_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    meetings.cancel(meeting, by=current_user)
    db.session.commit()
    flash(_("The meeting is cancelled; both sides are told."), "info")
    return _back(event)


@bp.post("/follow-ups")
@guard("matchmaking.organise", event=load_event)
def follow_up(event):
    form = FollowUpForm()
    form.startup.choices = choices([(s.id, s.name) for s in mm.lineup(event)])
    if not form.validate_on_submit():
        flash(_("Please choose a startup and what came of it."), "error")
        return _back(event)
    perform(lambda: followups.record_follow_up(event, load_startup(form.startup.data), kind=form.kind.data,
                                               partner=form.partner.data or "", note=form.note.data or "",
                                               by=current_user),
            success=_("The follow-up is recorded."))
    return _back(event)
