"""Registering for an event and the attendee's ticket: its page, QR code, calendar file, cancel and delete."""

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from ...database import write_block, writes_in_blocks
from ...errors import DomainError
from ...extensions import db
from ...forms.registrations import ConfirmForm, registration_form_for
from ...i18n import current_language
from ...models import RegistrationStatus
from ...permissions import guard
from ...services.calendar.entries import event_file
from ...services.events.lookup import load_event
from ...services.matchmaking import requests as matchmaking
from ...services.matchmaking.setup import meetings_open_to
from ...services.registrations import seats as registrations
from ...services.registrations.questions import questions_of
from ...services.registrations.retention import delete_own_data
from ...services.registrations.tickets import qr_png, qr_svg, qr_svg_inline
from ...services.registrations.waiting_list import waiting_position
from ..events.panels import building_public_page, register_event_panel

bp = Blueprint("registrations", __name__)

# Ticket pages are keyed by their secret: keep it out of search engines and shared caches (and Referer
# headers: the ticket template's meta referrer tag, as Talisman sets the header app-wide).
TICKET_HEADERS = {"X-Robots-Tag": "noindex", "Cache-Control": "private, no-cache"}


def load_ticket(secret: str):
    return registrations.by_secret(secret) or abort(404)


def _form_for(event):
    user = current_user if current_user.is_authenticated else None
    prefill = {"name": user.name, "email": user.email} if user else {}
    return registration_form_for(questions_of(event), data=prefill)


def panel_context(event) -> dict | None:
    """The event page's registration panel: the form while open, or the viewer's own registration."""
    state = registrations.window_state(event)
    if state == "unavailable":
        return None
    if building_public_page():
        # Shared by every visitor: no form (its CSRF token is one browser's), seats fetched by the page.
        return {"event": event, "state": state, "public": True}
    user = current_user if current_user.is_authenticated else None
    return {"event": event, "state": state, "form": _form_for(event) if state == "open" else None,
            "seats_left": registrations.seats_left(event),
            "mine": registrations.of_user_for_event(user, event)}


register_event_panel("registrations/_panel.html", panel_context, order=20, personal=True)


@bp.get("/events/<int:event_id>/seats")
@guard("event.view", event=load_event)
def seats(event):
    """Seats left, fetched by the event page, which is shared by every visitor and so cannot hold them."""
    left = registrations.seats_left(event)
    text = (ngettext("%(num)d seat left.", "%(num)d seats left.", left) if left > 0 else
            _("Fully booked: you can join the waiting list. When a seat becomes free, the first on the list gets "
              "it automatically."))
    response = jsonify(seats_left=left, text=text)
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/events/<int:event_id>/register", methods=["GET", "POST"])
@writes_in_blocks  # in a rush, SQLite's write lock is held for the seat decision alone
@guard("registration.register", event=load_event)
def register(event):
    form = _form_for(event)
    if form.validate_on_submit():
        try:
            with write_block(db.session):
                outcome = registrations.register(
                    event, name=form.name.data, email=form.email.data, organisation=form.organisation.data or "",
                    attendee_type=form.attendee_type.data, answers=form.answers(), locale=current_language(),
                    user=current_user if current_user.is_authenticated else None)
                if outcome.created:  # an existing registration's opt-ins are not changed by whoever typed its address
                    matchmaking.set_profile(outcome.registration, visible=form.meet_visible.data,
                                            share_contact=form.meet_share_contact.data,
                                            fresh=not outcome.returning)
                registration = outcome.registration
                confirmed, email, secret = (registration.status == RegistrationStatus.CONFIRMED,
                                            registration.email, registration.ticket_secret)
        except DomainError as error:
            form.show_error(error)
        else:
            if not outcome.created:
                # Never show an existing ticket to whoever typed the address: it goes to the inbox only.
                return render_template("registrations/check_inbox.html", event=event, resent=outcome.resent)
            if confirmed:
                flash(_("You are registered. We have sent your ticket to %(email)s.", email=email), "success")
            else:
                flash(_("The event is fully booked: you are on the waiting list. We have sent you an e-mail."),
                      "info")
            return redirect(url_for("registrations.ticket", secret=secret))
    return render_template("registrations/register.html", event=event, form=form,
                           state=registrations.window_state(event), seats_left=registrations.seats_left(event),
                           mine=registrations.of_user_for_event(
                               current_user if current_user.is_authenticated else None, event))


@bp.get("/tickets/<secret>")
@guard("ticket.holder", registration=load_ticket)
def ticket(registration):
    qr_markup = None
    if registration.status == RegistrationStatus.CONFIRMED:
        # Generated by us from the secret alone (path data, no user text), so safe to put into the page as is.
        qr_markup = Markup(qr_svg_inline(registration.ticket_secret,  # noqa: S704
                                         _("QR code of your ticket: show it at the door")))
    meet_url = (url_for("matchmaking.attendee", secret=registration.ticket_secret)
                if meetings_open_to(registration) else None)
    body = render_template("registrations/ticket.html", registration=registration, event=registration.event,
                           position=waiting_position(registration), form=ConfirmForm(),
                           qr_markup=qr_markup, meet_url=meet_url)
    return Response(body, headers=TICKET_HEADERS)


def _qr_response(registration, content: bytes, mimetype: str) -> Response:
    if registration.status != RegistrationStatus.CONFIRMED:
        abort(404)  # only a confirmed registration is a ticket
    return Response(content, mimetype=mimetype, headers=TICKET_HEADERS)


@bp.get("/tickets/<secret>/qr.svg")
@guard("ticket.holder", registration=load_ticket)
def qr_code_svg(registration):
    return _qr_response(registration, qr_svg(registration.ticket_secret), "image/svg+xml")


@bp.get("/tickets/<secret>/qr.png")
@guard("ticket.holder", registration=load_ticket)
def qr_code_png(registration):
    return _qr_response(registration, qr_png(registration.ticket_secret), "image/png")


@bp.get("/tickets/<secret>/event.ics")
@guard("ticket.holder", registration=load_ticket)
def calendar_file(registration):
    return Response(event_file(registration.event), mimetype="text/calendar",
                    headers={**TICKET_HEADERS, "Content-Disposition": 'attachment; filename="event.ics"'})


@bp.post("/tickets/<secret>/cancel")
@guard("ticket.holder", registration=load_ticket)
def cancel(registration):
    if ConfirmForm().validate_on_submit():
        try:
            registrations.cancel_own(registration)
        except DomainError as error:
            flash(str(error.message), "info")
        else:
            db.session.commit()
            flash(_("Your registration is cancelled. We have sent you a confirmation to %(email)s. You can "
                    "register again while registration is open.", email=registration.email), "info")
    return redirect(url_for("registrations.ticket", secret=registration.ticket_secret))


@bp.post("/tickets/<secret>/delete")
@guard("ticket.holder", registration=load_ticket)
def delete(registration):
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("registrations.ticket", secret=registration.ticket_secret))
    event_id = registration.event_id
    delete_own_data(registration)
    db.session.commit()
    # A page of its own (not the answer to the POST): reloading it or switching its language must not ask for
    # the ticket again, whose link no longer exists.
    return redirect(url_for("registrations.deleted", event_id=event_id))


@bp.get("/events/<int:event_id>/registration-deleted")
@guard("event.view", event=load_event)
def deleted(event):
    return render_template("registrations/deleted.html", event=event)
