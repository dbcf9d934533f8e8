"""The challenge board: everyone browses what they may see, startups answer, the company reads and decides on
the answers, and the organisers of the chosen camp review a challenge before it is published."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.challenges import ChallengeForm, ProposalForm, ReviewForm
from ...forms.recipe import perform, submit
from ...models import ChallengeProposal, ChallengeStatus, ProposalStatus, Startup
from ...permissions import can, guard
from ...sectors import SECTORS
from ...services import camps as camp_service
from ...services import startups as startup_service
from ...services.challenges import listing, posting, proposals, review, suggestions
from ...services.challenges.labels import challenge_status_label, proposal_status_label

bp = Blueprint("challenges", __name__, url_prefix="/challenges")


@bp.record_once
def _labels(state):
    state.app.jinja_env.globals.update(challenge_status_label=challenge_status_label,
                                       proposal_status_label=proposal_status_label)


def _user():
    return current_user if current_user.is_authenticated else None


@bp.get("/")
@guard("challenge.browse")
def index():
    filters = listing.Filters(sector=request.args.get("sector", "") if request.args.get("sector") in SECTORS else "",
                              camp=request.args.get("camp", "")[:80])
    return render_template("challenges/index.html", challenges=listing.open_challenges(_user(), filters),
                           filters=filters, camps=camp_service.all_camps(), sectors=SECTORS)


@bp.get("/review")
@guard("challenge.review_queue")
def review_queue():
    return render_template("challenges/review_queue.html", challenges=listing.review_queue(current_user))


def _answer_form(challenge):
    """The proposal form for the visitor's startups that have not answered yet (None when there are none)."""
    user = _user()
    if user is None or challenge.status != ChallengeStatus.PUBLISHED:
        return None
    open_to = [s for s in startup_service.startups_of(user) if proposals.proposal_of(challenge, s) is None]
    if not open_to:
        return None
    form = ProposalForm()
    form.startup.choices = [(s.id, s.name) for s in open_to]
    return form


def _show(challenge, *, answer_form=None, review_form=None, status=200):
    manages = can("challenge.edit", challenge=challenge)
    reviews = can("challenge.review", challenge=challenge)
    hints = suggestions.hints_for(challenge) if manages or reviews else suggestions.ReviewerHints()
    return render_template(
        "challenges/show.html", challenge=challenge, manages=manages, reviews=reviews,
        own_proposals=proposals.own_proposals(challenge, _user()),
        answer_form=answer_form or _answer_form(challenge), review_form=review_form or ReviewForm(),
        confirm=ConfirmForm(), fitting=hints.startups, pitch_day=hints.pitch_day, camp=hints.camp), status


@bp.get("/<int:challenge_id>")
@guard("challenge.view", challenge=listing.by_id)
def show(challenge):
    return _show(challenge)


@bp.post("/<int:challenge_id>/answer")
@guard("challenge.view", challenge=listing.by_id)
def answer(challenge):
    form = _answer_form(challenge)
    if form is None:
        abort(403)
    startup = db.session.get(Startup, form.startup.data) if form.validate_on_submit() else None
    if startup is not None and not can("challenge.answer", challenge=challenge, startup=startup):
        abort(403)
    if submit(form, lambda: proposals.answer(challenge, startup, by=current_user, summary=form.summary.data),
              success=_("Your proposal is sent to %(company)s.", company=challenge.company.name)):
        return redirect(url_for("challenges.show", challenge_id=challenge.id))
    return _show(challenge, answer_form=form, status=422)


@bp.route("/<int:challenge_id>/edit", methods=["GET", "POST"])
@guard("challenge.edit", challenge=listing.by_id)
def edit(challenge):
    form = ChallengeForm(obj=challenge, camps=camp_service.all_camps())
    if submit(form, lambda: posting.update(challenge, by=current_user, **form.values()),
              success=_("The challenge is saved.")):
        return redirect(url_for("challenges.show", challenge_id=challenge.id))
    return render_template("challenges/form.html", form=form, company=challenge.company, challenge=challenge), (
        400 if form.errors else 200)


@bp.post("/<int:challenge_id>/send-for-review")
@guard("challenge.edit", challenge=listing.by_id)
def send_for_review(challenge):
    if ConfirmForm().validate_on_submit():
        perform(lambda: review.move(challenge, ChallengeStatus.IN_REVIEW, by=current_user),
                success=_("Sent to the organisers of %(camp)s for review.", camp=challenge.camp.name))
    return redirect(url_for("challenges.show", challenge_id=challenge.id))


@bp.post("/<int:challenge_id>/close")
@guard("challenge.edit", challenge=listing.by_id)
def close(challenge):
    if ConfirmForm().validate_on_submit():
        perform(lambda: review.move(challenge, ChallengeStatus.CLOSED, by=current_user),
                success=_("The challenge is closed; it takes no more answers."))
    return redirect(url_for("challenges.show", challenge_id=challenge.id))


@bp.post("/<int:challenge_id>/review/<any(publish, return):decision>")
@guard("challenge.review", challenge=listing.by_id)
def decide(challenge, decision):
    form = ReviewForm()
    to = ChallengeStatus.PUBLISHED if decision == "publish" else ChallengeStatus.RETURNED
    message = _("The challenge is published.") if decision == "publish" else _("The challenge is returned.")
    if submit(form, lambda: review.move(challenge, to, by=current_user, note=form.note.data or ""),
              success=message, error_field="note"):
        return redirect(url_for("challenges.review_queue"))
    return _show(challenge, review_form=form, status=422)


@bp.get("/<int:challenge_id>/proposals", endpoint="proposals")
@guard("challenge.edit", challenge=listing.by_id)
def proposals_page(challenge):
    return render_template("challenges/proposals.html", challenge=challenge,
                           proposals=proposals.proposals_of(challenge), confirm=ConfirmForm())


@bp.post("/<int:challenge_id>/proposals/<int:proposal_id>/<any(shortlisted, invited, declined):to>")
@guard("challenge.edit", challenge=listing.by_id)
def decide_proposal(challenge, proposal_id, to):
    proposal = db.session.get(ChallengeProposal, proposal_id)
    if proposal is None or proposal.challenge_id != challenge.id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        messages = {ProposalStatus.SHORTLISTED: _("%(startup)s is on your shortlist."),
                    ProposalStatus.DECLINED: _("%(startup)s is declined."),
                    ProposalStatus.INVITED: _("%(startup)s is invited to talk.")}
        perform(lambda: proposals.decide(proposal, ProposalStatus(to), by=current_user),
                success=messages[ProposalStatus(to)] % {"startup": proposal.startup.name})
    return redirect(url_for("challenges.proposals", challenge_id=challenge.id))
