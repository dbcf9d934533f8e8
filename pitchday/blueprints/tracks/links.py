"""Pages opened from a mail link, without an account: move a follow-up track one stage on; read shared feedback."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _

from ...extensions import db
from ...forms.accounts import ConfirmForm
from ...forms.recipe import perform
from ...models import Startup, TrackStage
from ...permissions import guard
from ...services.tracks import feedback, stages
from ...services.tracks.labels import track_stage_label

bp = Blueprint("tracks", __name__)


@bp.record_once
def _labels(state):
    state.app.jinja_env.globals.update(track_stage_label=track_stage_label)

# Links by secret: not for search engines, shared caches or Referer headers.
PRIVATE = {"X-Robots-Tag": "noindex", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer"}


def _next_stages(track) -> list[TrackStage]:
    return [stage for stage in TrackStage if stage in stages.MOVES[track.stage]]  # in the order of the path


def _track(secret):
    return stages.by_secret(secret)


@bp.get("/tracks/<secret>")
@guard("track.by_link", track=_track)
def show(track):
    track, side = track
    return render_template("tracks/show.html", track=track, side=side, options=_next_stages(track),
                           confirm=ConfirmForm()), 200, PRIVATE


@bp.post("/tracks/<secret>/<stage>")
@guard("track.by_link", track=_track)
def move(track, stage):
    track, side = track
    secret = track.startup_secret if side == "startup" else track.partner_secret
    if ConfirmForm().validate_on_submit():
        perform(lambda: stages.move(track, stage, side=side), success=_("Thank you, the track is updated."))
    return redirect(url_for("tracks.show", secret=secret))


@bp.get("/feedback/<secret>")
@guard("feedback.shared", share=feedback.by_secret)
def shared_feedback(share):
    startup = db.session.get(Startup, share.startup_id)
    return render_template("tracks/feedback.html", startup=startup, history=feedback.history(startup),
                           shared=True), 200, PRIVATE
