"""The organiser's dashboard (blueprint ``organiser``): their camps' events with each area's figures."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from ...permissions import guard
from ...services.events.dashboard import camps_of
from ...services.events.dashboard import dashboard as dashboard_rows

bp = Blueprint("organiser", __name__, url_prefix="/organise")


@bp.get("/")
@guard("organiser_area")
def dashboard():
    past = request.args.get("show") == "past"
    counters, rows = dashboard_rows(current_user, past=past)
    return render_template("events/dashboard.html", counters=counters, rows=rows, past=past,
                           camps=camps_of(current_user))
