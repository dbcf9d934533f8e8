"""The organisers' side of the audience vote: open, close, the projector page, live counts, publishing;
and the event page's "Publikumspreis" panel once the result is published."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from ...forms.recipe import perform
from ...permissions import guard
from ...services import vote as votes
from ...services.accounts.account import external_url
from ...services.events.lookup import load_event
from ...services.live import transitions as live_transitions
from ...services.registrations.tickets import qr_svg_inline
from ..events import panels

bp = Blueprint("vote_admin", __name__, url_prefix="/events/<int:event_id>/vote")


@bp.get("")
@guard("event.manage", event=load_event)
def index(event):
    return render_template("vote/admin.html", event=event, settings=votes.settings_of(event),
                           tally=votes.tally(event), eligible=votes.eligible_count(event),
                           live=request.args.get("live") == "1")


@bp.get("/screen")
@guard("event.manage", event=load_event)
def screen(event):
    """For the projector (and for print): the screen code, large, with the address to vote at and a QR code of
    that address with the code filled in, so a phone camera gets there without typing."""
    settings = votes.settings_of(event)
    vote_url = qr = None
    if settings is not None:
        vote_url = external_url("vote.code_form", screen_code=settings.screen_code)
        qr = Markup(qr_svg_inline(vote_url, _("QR code: %(url)s", url=vote_url)))  # noqa: S704 (our own SVG)
    return render_template("vote/screen.html", event=event, settings=settings, vote_url=vote_url, qr=qr)


def _change(event, action, done: str):
    def change():
        result = action(event, by=current_user)
        live_transitions.touch(event)  # the stage screen shows the vote's code while it is open
        return result

    perform(change, success=done)
    return redirect(url_for("vote_admin.index", event_id=event.id))


@bp.post("/open")
@guard("event.manage", event=load_event)
def open_vote(event):
    return _change(event, votes.open_vote, _("The audience vote is open."))


@bp.post("/close")
@guard("event.manage", event=load_event)
def close_vote(event):
    return _change(event, votes.close_vote, _("The audience vote is closed."))


@bp.post("/publish")
@guard("event.manage", event=load_event)
def publish(event):
    return _change(event, votes.publish, _("The audience award is published on the event page."))


@bp.post("/withdraw")
@guard("event.manage", event=load_event)
def withdraw(event):
    return _change(event, lambda e, by: votes.publish(e, by=by, published=False),
                   _("The audience award is no longer shown on the event page."))


def _award_panel(event):
    """The audience award on the event page, apart from the jury's awards, once published."""
    settings = votes.settings_of(event)
    if settings is None or settings.published_at is None:
        return None
    tally = votes.tally(event)
    return {"tally": tally, "winners": [row for row in tally.rows if row[2] == 1 and row[1] > 0]}


panels.register_event_panel("vote/_panel.html", _award_panel, order=72)
