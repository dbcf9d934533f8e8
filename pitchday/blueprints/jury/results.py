"""Results of the jury: live for organisers, CSV exports, publishing with awards, feedback for startups,
and the awards panel on the event page."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user

from ...errors import DomainError
from ...extensions import db
from ...forms.base import choices
from ...forms.jury import AwardForm
from ...forms.recipe import perform
from ...permissions import guard
from ...permissions.jury import results_published
from ...services.audit import trail as audit
from ...services.events.lookup import load_event
from ...services.jury import export as jury_export
from ...services.jury import publish as jury_publish
from ...services.jury import results as jury_results
from ...services.jury.lookup import load_pitch
from ..downloads import csv_download
from ..events import panels

bp = Blueprint("jury_results", __name__, url_prefix="/events/<int:event_id>/jury")


def _candidate_label(c: jury_publish.AwardCandidate) -> str:
    if c.rank is None:
        return _("%(startup)s (no complete scores yet)", startup=c.startup)
    label = _("Place %(rank)d: %(startup)s, score %(score)s", rank=c.rank, startup=c.startup,
              score=format_decimal(c.score, format="#,##0.0"))
    if c.norm_rank is not None and c.norm_rank != c.rank:
        label += " " + _("(normalised: place %(rank)d)", rank=c.norm_rank)
    return label


def _award_form(results):
    form = AwardForm(prefix="award")
    candidates = jury_publish.award_candidates(results)
    form.application_id.choices = choices(
        [("", _("Choose a startup …"))] * bool(candidates) + [(c.application_id, _candidate_label(c))
                                                              for c in candidates])
    return form, {c.application_id: c for c in candidates}


@bp.get("/results")
@guard("jury.manage", event=load_event)
def live(event):
    results = jury_results.load(event)
    return render_template("jury/results.html", event=event, r=results, awards=jury_publish.awards_of(event),
                           award_form=_award_form(results)[0])


@bp.get("/results/scores.csv")
@guard("jury.manage", event=load_event)
def scores_csv(event):
    results = jury_results.load(event)
    audit.record_export(current_user, "jury_scores", rows=len(results.raw_scores), subject=event)
    return csv_download(f"jury-scores-event-{event.id}.csv", jury_export.SCORES_HEADER,
                        jury_export.score_rows(results))


@bp.get("/results/rankings.csv")
@guard("jury.manage", event=load_event)
def rankings_csv(event):
    results = jury_results.load(event)
    audit.record_export(current_user, "jury_rankings", rows=len(results.stats.pitches), subject=event)
    return csv_download(f"jury-rankings-event-{event.id}.csv", jury_export.RANKINGS_HEADER,
                        jury_export.ranking_rows(results))



@bp.post("/awards")
@guard("jury.manage", event=load_event)
def add_award(event):
    """Two steps: the form's choice is first shown back, naming the startup with its place and score; only the
    confirmation gives the award (a wrong line in a list of startups is easy to pick on stage)."""
    form, candidates = _award_form(jury_results.load(event))
    if not form.validate_on_submit() or form.application_id.data not in candidates:
        flash(_("Name the award and choose a startup."), "error")
        return redirect(url_for("jury_results.live", event_id=event.id))
    candidate = candidates[form.application_id.data]
    if form.confirmed.data != "yes":
        form.confirmed.data = "yes"
        return render_template("jury/award_confirm.html", event=event, form=form, candidate=candidate,
                               label=_candidate_label(candidate))
    try:
        application = load_pitch(event.id, candidate.application_id)
        jury_publish.add_award(event, application, title=form.title.data, position=form.position.data or 0,
                               by=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
        flash(_("“%(award)s” goes to %(startup)s.", award=form.title.data.strip(), startup=candidate.startup),
              "success")
    return redirect(url_for("jury_results.live", event_id=event.id))


@bp.post("/awards/<int:award_id>/delete")
@guard("jury.manage", event=load_event)
def remove_award(event, award_id):
    try:
        jury_publish.remove_award(event, award_id, by=current_user)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
    else:
        db.session.commit()
    return redirect(url_for("jury_results.live", event_id=event.id))


@bp.post("/publish")
@guard("jury.manage", event=load_event)
def publish(event):
    perform(lambda: jury_publish.publish(event, by=current_user),
            success=lambda sent: _("Results published; %(n)d feedback e-mails sent to the startups.", n=sent))
    return redirect(url_for("jury_results.live", event_id=event.id))


@bp.get("/feedback/<int:application_id>")
@guard("jury.feedback", event=load_event, application=load_pitch)
def feedback(event, application):
    results = jury_results.load(event)
    return render_template("jury/feedback.html", event=event, feedback=jury_publish.feedback_for(results, application),
                           published=results.publication is not None)


def _awards_panel(event):
    """Winners and special awards on the event page, once the results are published."""
    if not results_published(event.id):
        return None
    awards = jury_publish.awards_of(event)
    return {"awards": awards} if awards else None


panels.register_event_panel("jury/_awards_panel.html", _awards_panel, order=70)
