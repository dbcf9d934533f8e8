"""Meeting requests as attendees and startups see them: the line-up to ask from, requests to answer, the
placed meetings with time and table, and a startup's contacts after the event."""

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.base import choices
from ...forms.matchmaking import AskForm, FollowUpForm, ProfileForm
from ...forms.recipe import perform
from ...models.matchmaking import RequestSide
from ...permissions import guard
from ...request_guard import as_id
from ...services.audit import trail as audit
from ...services.events.lookup import load_event
from ...services.impact.labels import LABEL_FILTERS
from ...services.matchmaking import contacts, followups, meetings
from ...services.matchmaking import requests as mm
from ...services.matchmaking.links import panel_context
from ...services.matchmaking.lookup import load_startup, load_ticket
from ...services.matchmaking.notify import meeting_ics
from ...services.matchmaking.views import attendee_view, startup_view
from ..downloads import csv_download
from ..events.panels import register_event_panel

bp = Blueprint("matchmaking", __name__)
bp.context_processor(lambda: LABEL_FILTERS)
register_event_panel("matchmaking/_panel.html", panel_context, order=60, personal=True)

ANSWERS = ("accept", "decline", "withdraw")


def _ics(meeting):
    return Response(meeting_ics(meeting), mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="meeting-{meeting.id}.ics"'})


# --- attendees (by ticket secret; an account holder is sent to their ticket's page) --------------------

@bp.get("/events/<int:event_id>/meet")
@guard("matchmaking.attend", event=load_event)
def attendee_entry(event):
    registration = mm.registration_of(event, current_user)
    return redirect(url_for("matchmaking.attendee", secret=registration.ticket_secret))


@bp.get("/meet/<secret>")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee(registration):
    profile = mm.profile_of(registration)
    return render_template("matchmaking/attendee.html", **attendee_view(registration), confirm_form=ConfirmForm(),
                           ask_form=AskForm(), profile_form=ProfileForm(obj=profile))


@bp.post("/meet/<secret>/ask")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee_ask(registration):
    form = AskForm()
    target = url_for("matchmaking.attendee", secret=registration.ticket_secret)
    target_id = as_id(form.target.data)
    startup = db.session.get(mm.Startup, target_id) if target_id is not None else None
    if not form.validate_on_submit() or startup is None:
        flash(_("Please choose a startup and keep the reason to one line."), "error")
        return redirect(target)
    asker = current_user if current_user.is_authenticated else None
    perform(lambda: mm.request_by_attendee(registration, startup, reason=form.reason.data or "", by_user=asker),
            success=_("Your request is sent to %(startup)s.", startup=startup.name))
    return redirect(target)


@bp.post("/meet/<secret>/requests/<int:request_id>/<answer>")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee_answer(registration, request_id, answer):
    if answer not in ANSWERS or not ConfirmForm().validate_on_submit():
        abort(404 if answer not in ANSWERS else 400)
    perform(lambda: mm.answer(mm.request_for_side(request_id, registration=registration), answer,
                              side=RequestSide.ATTENDEE),
            success=_("Saved."))
    return redirect(url_for("matchmaking.attendee", secret=registration.ticket_secret))


@bp.post("/meet/<secret>/meetings/<int:meeting_id>/confirm")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee_confirm(registration, meeting_id):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    perform(lambda: meetings.confirm(meetings.meeting_for_side(meeting_id, registration=registration),
                                     side=RequestSide.ATTENDEE),
            success=_("You have confirmed the meeting."))
    return redirect(url_for("matchmaking.attendee", secret=registration.ticket_secret))


@bp.post("/meet/<secret>/profile")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee_profile(registration):
    form = ProfileForm()
    if form.validate_on_submit():
        mm.set_profile(registration, visible=form.visible.data, share_contact=form.share_contact.data,
                       looking_for=form.looking_for.data or "")
        db.session.commit()
        flash(_("Your choices are saved."), "success")
    else:
        flash(_("Please keep the line about what you are looking for under 200 characters."), "error")
    return redirect(url_for("matchmaking.attendee", secret=registration.ticket_secret))


@bp.get("/meet/<secret>/meetings/<int:meeting_id>.ics")
@guard("matchmaking.ticket", registration=load_ticket)
def attendee_ics(registration, meeting_id):
    try:
        return _ics(meetings.meeting_for_side(meeting_id, registration=registration))
    except DomainError:
        abort(404)


# --- startups ----------------------------------------------------------------------------------------

def _startup_page(startup, event):
    return url_for("matchmaking.startup", startup_id=startup.id, event_id=event.id)


@bp.get("/startups/<int:startup_id>/events/<int:event_id>/meet")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup(startup, event):
    return render_template("matchmaking/startup.html", **startup_view(startup, event), confirm_form=ConfirmForm(),
                           ask_form=AskForm())


@bp.post("/startups/<int:startup_id>/events/<int:event_id>/meet/ask")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_ask(startup, event):
    form = AskForm()
    target_id = as_id(form.target.data)
    registration = db.session.get(mm.Registration, target_id) if target_id is not None else None
    if not form.validate_on_submit() or registration is None or registration.event_id != event.id:
        flash(_("Please choose an attendee and keep the reason to one line."), "error")
        return redirect(_startup_page(startup, event))
    perform(lambda: mm.request_by_startup(startup, registration, reason=form.reason.data or "", by=current_user),
            success=_("Your request is sent to %(name)s.", name=registration.name))
    return redirect(_startup_page(startup, event))


@bp.post("/startups/<int:startup_id>/events/<int:event_id>/meet/requests/<int:request_id>/<answer>")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_answer(startup, event, request_id, answer):
    if answer not in ANSWERS or not ConfirmForm().validate_on_submit():
        abort(404 if answer not in ANSWERS else 400)
    perform(lambda: mm.answer(mm.request_for_side(request_id, startup=startup), answer, side=RequestSide.STARTUP),
            success=_("Saved."))
    return redirect(_startup_page(startup, event))


@bp.post("/startups/<int:startup_id>/events/<int:event_id>/meet/meetings/<int:meeting_id>/confirm")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_confirm(startup, event, meeting_id):
    if not ConfirmForm().validate_on_submit():
        abort(400)
    perform(lambda: meetings.confirm(meetings.meeting_for_side(meeting_id, startup=startup), side=RequestSide.STARTUP),
            success=_("You have confirmed the meeting."))
    return redirect(_startup_page(startup, event))


@bp.get("/startups/<int:startup_id>/events/<int:event_id>/meet/meetings/<int:meeting_id>.ics")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_ics(startup, event, meeting_id):
    try:
        return _ics(meetings.meeting_for_side(meeting_id, startup=startup))
    except DomainError:
        abort(404)


@bp.get("/startups/<int:startup_id>/events/<int:event_id>/contacts")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_contacts(startup, event):
    over = contacts.event_is_over(event)
    form = FollowUpForm()
    form.startup.choices = choices([(startup.id, startup.name)])
    return render_template("matchmaking/contacts.html", startup=startup, event=event, over=over,
                           contacts=contacts.contacts_for(startup, event) if over else [], form=form,
                           follow_ups=followups.follow_ups_of(event, startup))


@bp.get("/startups/<int:startup_id>/events/<int:event_id>/contacts.csv")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_contacts_csv(startup, event):
    if not contacts.event_is_over(event):
        abort(404)
    people = contacts.contacts_for(startup, event)
    audit.record_export(current_user, "contacts", rows=len(people), subject=startup, event=event)
    return csv_download(f"contacts-{startup.slug}-{event.id}.csv", contacts.CONTACTS_HEADER,
                        contacts.contact_rows(people))


@bp.post("/startups/<int:startup_id>/events/<int:event_id>/follow-ups")
@guard("matchmaking.startup", startup=load_startup, event=load_event)
def startup_follow_up(startup, event):
    form = FollowUpForm()
    form.startup.choices = choices([(startup.id, startup.name)])
    target = url_for("matchmaking.startup_contacts", startup_id=startup.id, event_id=event.id)
    if not form.validate_on_submit():
        flash(_("Please choose what came of it."), "error")
        return redirect(target)
    perform(lambda: followups.record_follow_up(event, startup, kind=form.kind.data, partner=form.partner.data or "",
                                               note=form.note.data or "", by=current_user),
            success=_("The follow-up is recorded."))
    return redirect(target)
