"""A startup's own view of what came of its pitch days: its feedback over time and the links it shares it with."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.recipe import perform
from ...models import Track
from ...permissions import guard
from ...services import startups as startup_service
from ...services.accounts.account import external_url
from ...services.tracks import feedback

bp = Blueprint("startup_tracks", __name__, url_prefix="/startups/<slug>")


@bp.get("/feedback")
@guard("startup.feedback", startup=startup_service.by_slug)
def history(startup):
    tracks = db.session.scalars(db.select(Track).filter_by(startup_id=startup.id).order_by(Track.started_at.desc()))
    return render_template("tracks/feedback.html", startup=startup, history=feedback.history(startup), shared=False,
                           shares=feedback.shares_of(startup), tracks=list(tracks), confirm=ConfirmForm(),
                           share_url=lambda s: external_url("tracks.shared_feedback", secret=s.secret))


@bp.post("/feedback/share")
@guard("startup.feedback", startup=startup_service.by_slug)
def share(startup):
    if ConfirmForm().validate_on_submit():
        perform(lambda: feedback.share(startup, by=current_user, label=request.form.get("label", "")),
                success=_("A new link is ready; send it to whom you choose."))
    return redirect(url_for("startup_tracks.history", slug=startup.slug) + "#shares")


@bp.post("/feedback/share/<int:share_id>/revoke")
@guard("startup.feedback", startup=startup_service.by_slug)
def revoke(startup, share_id):
    if ConfirmForm().validate_on_submit():
        perform(lambda: feedback.revoke(startup, share_id), success=_("The link no longer works."))
    return redirect(url_for("startup_tracks.history", slug=startup.slug) + "#shares")
