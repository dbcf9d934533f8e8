"""A startup applies to pitch: choosing the startup, the application form, its page, withdrawal, the deck.

Deck uploads may be up to 20 MB; the app-wide request limit (MAX_CONTENT_LENGTH) is 21 MB, so a 21 MB file
would be cut off before the form is read and nobody could tell the founder why. The form's endpoints accept
a slightly larger request, and the size is checked by the service, which gives a form error that keeps
what was typed.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.applications import ConfirmForm, answers_from, application_form, fill_answers
from ...forms.recipe import perform
from ...permissions import can, guard
from ...permissions.jury import results_published
from ...redirects import redirect_to
from ...services import startups as startup_service
from ...services.applications import decks
from ...services.applications import submission as application_service
from ...services.applications.call import call_for, is_open
from ...services.applications.running_order import is_published, slot_of
from ...services.applications.selection import history_of
from ...services.events.lookup import load_event
from ..events.panels import building_public_page, register_event_panel

bp = Blueprint("apply", __name__)


def open_to_founder(application) -> dict:
    """What a startup's member can reach for this application: the slot, meeting requests, the feedback."""
    event = application.event
    feedback = can("jury.feedback", event=event, application=application)
    return {
        "application": application,
        "slot": slot_of(application),
        "published": is_published(event),
        "meet_url": (url_for("matchmaking.startup", startup_id=application.startup_id, event_id=event.id)
                     if can("matchmaking.startup", startup=application.startup, event=event) else None),
        "feedback_url": (url_for("jury_results.feedback", event_id=event.id, application_id=application.id)
                         if feedback else None),
        # Feedback comes to those who pitched, once the organisers publish the jury's results.
        "feedback_pending": not feedback and application.slot is not None and not results_published(event.id),
    }


def _founder_panel(event):
    """The event page's corner for a founder whose startup applied: what is open to them at this event."""
    if building_public_page():
        return {"event": event, "items": []}  # an empty place in the shared page, filled for a founder
    if not current_user.is_authenticated:
        return None
    startup_ids = [s.id for s in startup_service.startups_of(current_user)]
    mine = [a for a in application_service.for_startups(startup_ids) if a.event_id == event.id]
    return {"event": event, "items": [open_to_founder(a) for a in mine]} if mine else None


register_event_panel("founder/_panel.html", _founder_panel, order=15, personal=True)  # one viewer's own

UPLOAD_ENDPOINTS = {"apply.new", "apply.edit"}
UPLOAD_REQUEST_LIMIT = 24 * 1024 * 1024


def _allow_deck_uploads():
    if request.endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = UPLOAD_REQUEST_LIMIT


@bp.record_once
def _install_upload_limit(state):
    # Must run before Flask-WTF's CSRF check, which reads the form in an app-wide before_request hook.
    state.app.before_request_funcs.setdefault(None, []).insert(0, _allow_deck_uploads)


@bp.errorhandler(413)
def _too_large(_error):
    flash(_("The upload is far larger than 20 MB and could not be read. Please choose a smaller PDF."), "error")
    return redirect_to(request.full_path.rstrip("?"), url_for("main.home"))


@bp.get("/events/<int:event_id>/apply")
@guard("event.apply", event=load_event)
def choose(event):
    if call_for(event) is None:
        abort(404)
    startups = startup_service.startups_of(current_user)
    if len(startups) == 1:
        return redirect(url_for("apply.new", event_id=event.id, slug=startups[0].slug))
    return render_template("applications/apply/choose.html", event=event, startups=startups)


@bp.route("/events/<int:event_id>/apply/<slug>", methods=["GET", "POST"])
@guard("startup.apply", event=load_event, startup=startup_service.by_slug)
def new(event, startup):
    existing = application_service.application_for(startup, event)
    if existing is not None:
        return redirect(url_for("apply.edit", application_id=existing.id))
    return _application_page(event, startup, None)


@bp.route("/applications/<int:application_id>/edit", methods=["GET", "POST"])
@guard("application.own", application=application_service.by_id)
def edit(application):
    return _application_page(application.event, application.startup, application)


def _application_page(event, startup, application):
    call = call_for(event)
    if call is None:
        abort(404)
    questions = call.questions
    has_deck = bool(application and application.deck_filename)
    form = application_form(questions, deck_required=call.deck_required and not has_deck)
    if not form.is_submitted() and application is not None:
        fill_answers(form, questions, application_service.answers_by_question(application))
    if form.validate_on_submit():
        upload = form.deck.data
        chosen = bool(upload and upload.filename)
        try:
            deck = decks.read_upload(upload.stream) if chosen else None
            if application is None:
                application = application_service.start(startup, event, by=current_user)
            replaced = application_service.save(application, by=current_user, answers=answers_from(form, questions),
                                                deck=deck, deck_name=upload.filename if chosen else "",
                                                submit="submit" in request.form)
        except DomainError as error:
            db.session.rollback()
            application = application_service.application_for(startup, event)
            _show_errors(form, error, chosen)
        else:
            db.session.commit()
            decks.remove(replaced)
            flash(_("Your application is submitted.") if application.status == "submitted" and
                  "submit" in request.form else _("Your application is saved."), "success")
            return redirect(url_for("apply.show", application_id=application.id))
    return render_template("applications/apply/form.html", event=event, startup=startup, application=application,
                           call=call, form=form, questions=questions, open=is_open(event),
                           camps=startup_service.fitting_camps(startup),
                           calls=[e for e in startup_service.fitting_calls(startup) if e.id != event.id])


def _show_errors(form, error, chosen_file: bool) -> None:
    for name in error.details.get("fields", []):
        field = getattr(form, name, None)
        if field is not None:
            field.errors = [*field.errors, _("Please upload your pitch deck.") if name == "deck"
                            else _("This answer is required.")]
    if not error.details.get("fields"):
        form.show_error(error)
    else:
        form.form_errors.append(error.message)
    if chosen_file and error.details.get("field") != "deck":
        form.deck.errors = [*form.deck.errors, _("Please choose the file again: browsers do not keep it.")]


@bp.get("/applications/<int:application_id>")
@guard("application.read", application=application_service.by_id)
def show(application):
    from ...permissions.applications import is_member

    return render_template("applications/apply/show.html", application=application, event=application.event,
                           answers=application_service.answers_by_question(application),
                           call=call_for(application.event), slot=slot_of(application),
                           published=is_published(application.event), history=history_of(application),
                           member=is_member(current_user, application.startup), open=is_open(application.event),
                           confirm=ConfirmForm(), item=open_to_founder(application))


@bp.post("/applications/<int:application_id>/withdraw")
@guard("application.own", application=application_service.by_id)
def withdraw(application):
    if ConfirmForm().validate_on_submit():
        perform(lambda: application_service.withdraw(application, by=current_user),
                success=_("Your application is withdrawn."), category="info")
    return redirect(url_for("apply.show", application_id=application.id))


@bp.get("/applications/<int:application_id>/deck")
@guard("application.read", application=application_service.by_id)
def deck(application):
    if not application.deck_filename:
        abort(404)
    path = decks.path_of(application.deck_filename)
    if not path.exists():
        abort(404)
    name = f"{application.startup.slug}-pitch-deck.pdf"
    response = send_file(path, mimetype="application/pdf", as_attachment=True, download_name=name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
