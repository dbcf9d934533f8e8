"""The juror's side: the scoring page (a plain form that JavaScript upgrades to save each change at once),
its JSON endpoints, and declaring conflicts."""

import gzip
from pathlib import Path

from flask import Blueprint, Response, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from ...database import utcnow, write_intent
from ...errors import DomainError, Invalid
from ...extensions import db
from ...forms.jury import CONFLICT_REASONS
from ...forms.recipe import perform
from ...models import Juror, ScoreSheet
from ...permissions import can, guard
from ...permissions.jury import active_juror
from ...request_guard import MAX_ID
from ...services.events.lookup import load_event
from ...services.jury import jurors as jury_jurors
from ...services.jury import rubric as jury_rubric
from ...services.jury import scoring as jury_scoring
from ...services.jury.lookup import load_pitch
from ...services.live import view as live_view
from ...services.matchmaking import requests as mm

bp = Blueprint("jury", __name__)


@bp.after_request
def _compress(response):
    """The scoring page shrinks to a quarter with gzip: that matters on a weak venue signal (budget 60 KB)."""
    if (response.mimetype == "text/html" and not response.direct_passthrough and response.status_code == 200
            and "gzip" in request.headers.get("Accept-Encoding", "")
            and "Content-Encoding" not in response.headers):
        response.set_data(gzip.compress(response.get_data(), compresslevel=6))
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
    return response


def _juror(event) -> Juror:
    return active_juror(current_user, event.id)


def _render_pitch(event, juror: Juror, index: int | None = None, application_id: int | None = None):
    board = jury_scoring.board(juror, event)
    if application_id is not None:
        index = board.index_of(application_id)
    elif index is None:
        index = jury_scoring.current_index(board.pitches)
    pitch = board.pitches[index] if board.pitches else None
    values = jury_scoring.my_values(juror, pitch.application) if pitch else {}
    sheet = db.session.scalar(db.select(ScoreSheet).filter_by(
        juror_id=juror.id, application_id=pitch.application.id)) if pitch else None
    now = utcnow()
    on_stage = pitch is not None and pitch.slot.starts_at <= now < pitch.slot.ends_at
    follow_up = pitch is not None and can("jury.follow_up", event=event, application=pitch.application)
    return render_template("jury/score.html", event=event, board=board, pitch=pitch, index=index,
                           on_stage=on_stage, values=values, comment=sheet.comment if sheet else "",
                           total=jury_scoring.weighted_percent(board.criteria, values),
                           reasons=CONFLICT_REASONS, follow_up=follow_up,
                           follow_up_request=mm.follow_up_of(current_user, pitch.slot.startup, event)
                           if follow_up else None)


def _accepted(juror: Juror) -> Juror:
    """Opening the invitation accepts it."""
    if juror.status == "invited":
        db.session.commit()  # end the read transaction so SQLite starts the write with BEGIN IMMEDIATE
        with write_intent():
            jury_jurors.accept(juror)
            db.session.commit()
    return juror


@bp.get("/jury/<int:event_id>/welcome")
@guard("jury.score", event=load_event)
def welcome(event):
    """Where the invitation link lands: the event, the startups to score and the conflict question first."""
    juror = _accepted(_juror(event))
    board = jury_scoring.board(juror, event)
    # The pages the service worker keeps for a reload without signal: this one, the stage's and every pitch's.
    precache = [url_for("jury.welcome", event_id=event.id), url_for("jury.home", event_id=event.id)] + [
        url_for("jury.pitch", event_id=event.id, application_id=p.application.id) for p in board.pitches
        if p.state not in ("conflict", "unassigned")]
    return render_template("jury/welcome.html", event=event, board=board, reasons=CONFLICT_REASONS,
                           precache=precache,
                           undecided=[p for p in board.pitches if p.state not in ("conflict", "unassigned",
                                                                                  "submitted")])


@bp.post("/jury/<int:event_id>/conflicts")
@guard("jury.score", event=load_event)
def declare_conflicts(event):
    """The welcome screen's answer: a conflict with each startup ticked, for one reason."""
    juror = _juror(event)
    by_id = {p.application.id: p.application for p in jury_scoring.board(juror, event).pitches}
    chosen = [by_id[i] for i in {_int(v) for v in request.form.getlist("application_id")} if i in by_id]
    if not chosen:
        flash(_("Tick the startups you have a conflict of interest with."), "error")
    else:
        perform(lambda: [jury_jurors.declare_conflict(juror, a, by=current_user, reason=request.form.get("reason", ""))
                         for a in chosen],
                success=_("Conflict declared: you will not score %(startups)s.",
                          startups=", ".join(a.startup.name for a in chosen)))
    return redirect(url_for("jury.welcome", event_id=event.id))


@bp.get("/jury/sw.js")
@guard("public")
def service_worker():
    """The jury's service worker, served from /jury/ so that it may control the juror's pages there."""
    source = Path(current_app.static_folder, "js", "jury_sw.js").read_bytes()
    return Response(source, mimetype="text/javascript",
                    headers={"Service-Worker-Allowed": "/jury/", "Cache-Control": "no-cache"})


@bp.get("/jury/<int:event_id>/")
@guard("jury.score", event=load_event)
def home(event):
    """The pitch on stage now (the welcome screen's "start scoring")."""
    juror = _accepted(_juror(event))
    return _render_pitch(event, juror, application_id=live_view.on_stage_id(event))  # the stage, once it runs


@bp.get("/jury/<int:event_id>/pitch/<int:application_id>")
@guard("jury.score", event=load_event, application=load_pitch)
def pitch(event, application):
    return _render_pitch(event, _juror(event), application_id=application.id)


def _int(value):
    """A whole number an id or score column can hold, else None (10**30 is no criterion of ours)."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if abs(number) <= MAX_ID else None


def _json_object() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise Invalid(_("The body must be a JSON object."), status=400, code="bad_request")
    return data


@bp.post("/jury/<int:event_id>/pitch/<int:application_id>")
@guard("jury.score_pitch", event=load_event, application=load_pitch)
def save_form(event, application):
    """The same page without JavaScript: every value at once, then save or submit."""
    juror = _juror(event)
    target = url_for("jury.pitch", event_id=event.id, application_id=application.id)
    try:
        for criterion in jury_rubric.criteria_of(event):
            raw = request.form.get(f"c{criterion.id}")
            if raw:
                value = _int(raw)
                if value is None:
                    raise Invalid(_("The value must be a whole number."))
                jury_scoring.save_score(juror, application, criterion_id=criterion.id, value=value)
        jury_scoring.save_comment(juror, application, comment=request.form.get("comment", ""))
        if request.form.get("action") == "submit":
            jury_scoring.submit(juror, application)
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(target)
    db.session.commit()
    flash(_("Submitted.") if request.form.get("action") == "submit" else _("Saved."), "success")
    return redirect(target)


@bp.post("/api/jury/<int:event_id>/pitch/<int:application_id>/score")
@guard("jury.score_pitch", event=load_event, application=load_pitch)
def api_score(event, application):
    data = _json_object()
    criterion_id, value = _int(data.get("criterion_id")), _int(data.get("value"))
    if criterion_id is None or value is None:
        raise Invalid(_("criterion_id and value must be whole numbers."))
    jury_scoring.save_score(_juror(event), application, criterion_id=criterion_id, value=value)
    db.session.commit()
    return jsonify(status="saved", criterion_id=criterion_id, value=value)


@bp.post("/api/jury/<int:event_id>/pitch/<int:application_id>/comment")
@guard("jury.score_pitch", event=load_event, application=load_pitch)
def api_comment(event, application):
    data = _json_object()
    if not isinstance(data.get("comment"), str):
        raise Invalid(_("comment must be text."))
    jury_scoring.save_comment(_juror(event), application, comment=data["comment"])
    db.session.commit()
    return jsonify(status="saved")


@bp.get("/api/jury/<int:event_id>/csrf")
@guard("jury.score", event=load_event)
def api_csrf(event):
    """A fresh CSRF token for a page left open longer than the token lives."""
    return jsonify(csrf=generate_csrf())


@bp.post("/jury/<int:event_id>/pitch/<int:application_id>/conflict")
@guard("jury.score", event=load_event, application=load_pitch)
def declare_conflict(event, application):
    perform(lambda: jury_jurors.declare_conflict(_juror(event), application, by=current_user,
                                                 reason=request.form.get("reason", "")),
            success=_("Conflict declared: you will not score this pitch."))
    return redirect(url_for("jury.pitch", event_id=event.id, application_id=application.id))


@bp.post("/jury/<int:event_id>/pitch/<int:application_id>/follow-up")
@guard("jury.follow_up", event=load_event, application=load_pitch)
def follow_up(event, application):
    """"I want a follow-up talk with this startup": a meeting request the startup answers (matchmaking)."""
    startup = application.startup
    perform(lambda: mm.request_follow_up(current_user, startup, event, request.form.get("reason", "")),
            success=_("Follow-up talk requested: %(startup)s has been asked.", startup=startup.name))
    return redirect(url_for("jury.pitch", event_id=event.id, application_id=application.id) + "#follow-up")
