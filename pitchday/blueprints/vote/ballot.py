"""The attendee's side of the audience vote: the ballot by ticket secret, and the screen-code form."""

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...errors import DomainError
from ...extensions import db, limiter
from ...forms.vote import BallotForm, CodeForm
from ...permissions import guard
from ...services import vote as votes
from ...services.registrations import seats as registrations
from ..registrations.attendee import TICKET_HEADERS

bp = Blueprint("vote", __name__)


def load_ticket(secret: str):
    return registrations.by_secret(secret) or abort(404)


def _ballot_page(registration, form, *, counted_now=False, status=200):
    body = render_template("vote/ballot.html", registration=registration, event=registration.event,
                           ballot=votes.ballot(registration), form=form, counted_now=counted_now,
                           state_messages=votes.STATE_MESSAGES)
    return Response(body, status=status, headers=TICKET_HEADERS)


@bp.get("/vote/<secret>")
@guard("vote.ballot", registration=load_ticket)
def ballot(registration):
    return _ballot_page(registration, BallotForm(), counted_now=request.args.get("counted") == "1")


@bp.post("/vote/<secret>")
@guard("vote.ballot", registration=load_ticket)
def cast(registration):
    form = BallotForm()
    if not form.validate_on_submit():
        form.form_errors.append(_("Choose one of the pitches."))
        return _ballot_page(registration, form, status=422)
    try:
        counted = votes.cast(registration, form.application_id.data)
    except DomainError as error:
        db.session.rollback()
        form.show_error(error)
        return _ballot_page(registration, form, status=error.status)
    db.session.commit()
    # Post/redirect/get: a reload does not post again; the page then says whom the ticket voted for.
    return redirect(url_for("vote.ballot", secret=registration.ticket_secret, counted=1 if counted else None))


@bp.route("/vote", methods=["GET", "POST"])
@guard("vote.code_form")
@limiter.limit(lambda: current_app.config["VOTE_CODE_LIMIT_PER_ADDRESS"], methods=["POST"], scope="vote-code")
def code_form():
    form = CodeForm()
    if request.method == "GET" and request.args.get("screen_code"):  # the stage screen's QR code names it
        form.screen_code.data = request.args["screen_code"][:12]
    if form.validate_on_submit():
        try:
            registration = votes.find_ticket(form.screen_code.data, form.ticket_code.data)
        except DomainError as error:
            form.show_error(error)
        else:
            return redirect(url_for("vote.ballot", secret=registration.ticket_secret))
    body = render_template("vote/code.html", form=form)
    return Response(body, status=422 if form.errors or form.form_errors else 200,
                    headers={"Cache-Control": "private, no-cache"})


@bp.app_context_processor
def _ticket_link_helpers():
    """For ``vote/_ticket_link.html``, included by the ticket page: is the ticket's event voting now?"""
    return {"audience_vote_open": lambda registration: registration.status == "confirmed"
            and votes.is_open(registration.event_id)}
