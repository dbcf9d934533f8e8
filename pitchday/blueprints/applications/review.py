"""Organisers review an event's applications: list with filters and counts, one application with notes and
history, decisions one by one or several at once, and the CSV export. Also the event page's panels."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...database import utcnow
from ...errors import DomainError
from ...extensions import db
from ...forms.applications import BulkForm, DecisionForm, NoteForm
from ...forms.recipe import submit
from ...models import Application, ApplicationStatus
from ...permissions import can, guard
from ...request_guard import as_id
from ...services import startups as startup_service
from ...services.applications import selection
from ...services.applications import submission as application_service
from ...services.applications.call import call_for, is_open
from ...services.applications.export import applications_table
from ...services.applications.labels import STATUS_BADGES, kind_label, stage_label, status_label
from ...services.applications.running_order import is_published, slot_of, slots_for
from ...services.audit import trail as audit
from ...services.events.lookup import load_event
from ...services.paging import PageRequest, clean_search
from ..downloads import csv_download
from ..events.panels import register_event_panel

bp = Blueprint("applications", __name__)


@bp.record_once
def _template_helpers(state):
    state.app.jinja_env.globals.update(status_label=status_label, stage_label=stage_label, kind_label=kind_label,
                                       status_badge=lambda s: STATUS_BADGES.get(str(s), ""))


@bp.get("/events/<int:event_id>/applications")
@guard("event.manage", event=load_event)
def index(event):
    status = request.args.get("status") or None
    if status not in {s.value for s in ApplicationStatus}:
        status = None
    query = clean_search(request.args.get("q"))
    page, counts = selection.page_for_event(event, status=status, query=query,
                                            request=PageRequest.from_args(request.args))
    return render_template("applications/review/index.html", event=event, status=status, query=query,
                           applications=page.items, page=page, counts=counts, bulk=BulkForm(),
                           call=call_for(event))


@bp.post("/events/<int:event_id>/applications/bulk")
@guard("event.manage", event=load_event)
def bulk(event):
    form = BulkForm()
    ids = [i for i in map(as_id, request.form.getlist("ids")) if i is not None]
    if form.validate_on_submit() and ids:
        chosen = list(db.session.scalars(db.select(Application).filter(Application.id.in_(ids),
                                                                       Application.event_id == event.id)))
        done, skipped = selection.decide_many(chosen, ApplicationStatus(form.status.data), by=current_user)
        db.session.commit()
        flash(_("%(done)d applications moved to %(status)s.", done=done, status=status_label(form.status.data))
              + (" " + _("%(n)d could not take this step and were left as they were.", n=skipped) if skipped else ""),
              "success" if done else "warning")
    else:
        flash(_("Select at least one application."), "error")
    return redirect(url_for("applications.index", event_id=event.id, **request.args))


@bp.get("/events/<int:event_id>/applications.csv")
@guard("event.manage", event=load_event)
def export(event):
    audit.record_export(current_user, "applications", rows=sum(selection.counts_by_status(event).values()),
                        subject=event)
    header, rows = applications_table(event)
    return csv_download(f"applications-event-{event.id}.csv", header, rows)


@bp.get("/applications/<int:application_id>/review")
@guard("application.decide", application=application_service.by_id)
def review(application):
    return _review_page(application, NoteForm())


def _review_page(application, note_form, status=200):
    return render_template(
        "applications/review/show.html", application=application, event=application.event,
        answers=application_service.answers_by_question(application), call=call_for(application.event),
        moves=selection.allowed_moves(application), history=selection.history_of(application),
        past=[a for a in startup_service.history(application.startup) if a.id != application.id],
        note_form=note_form, decision=DecisionForm(), slot=slot_of(application)), status


@bp.post("/applications/<int:application_id>/decide")
@guard("application.decide", application=application_service.by_id)
def decide(application):
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            selection.decide(application, form.status.data, by=current_user, expected=form.seen.data or None)
        except (DomainError, ValueError) as error:
            db.session.rollback()
            flash(getattr(error, "message", _("This step is not possible.")), "error")
        else:
            db.session.commit()
            flash(_("%(startup)s is now %(status)s.", startup=application.startup.name,
                    status=status_label(application.status)), "success")
    return redirect(url_for("applications.review", application_id=application.id))


@bp.post("/applications/<int:application_id>/notes")
@guard("application.decide", application=application_service.by_id)
def add_note(application):
    form = NoteForm()
    if submit(form, lambda: selection.add_note(application, by=current_user, body=form.body.data),
              success=_("Note saved."), error_field="body"):
        return redirect(url_for("applications.review", application_id=application.id) + "#notes")
    return _review_page(application, form, 422)


def _call_panel(event):
    call = call_for(event)
    if call is None or not event.cfp_closes_at:
        # Organisers get a way to open a call from the event page; everyone else sees nothing.
        return {"event": event, "call": None, "setup": True} if can("event.manage", event=event) else None
    return {"event": event, "call": call, "open": is_open(event), "manage": can("event.manage", event=event),
            "upcoming": bool(event.cfp_opens_at and event.cfp_opens_at > utcnow())}


def _lineup_panel(event):
    if not is_published(event):
        return None
    slots = slots_for(event)
    return {"event": event, "slots": slots} if slots else None


register_event_panel("applications/_panel_call.html", _call_panel, order=40, personal=True)
register_event_panel("applications/_panel_lineup.html", _lineup_panel, order=45)
