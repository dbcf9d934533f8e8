"""The follow-up tracks in the impact report: per camp and quarter, started, reached a pilot, reached a deal."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from ...database import utcnow
from ...permissions import guard
from ...request_guard import as_id
from ...services import camps as camp_service
from ...services.audit import trail as audit
from ...services.tracks import report
from ..downloads import csv_download

bp = Blueprint("impact_tracks", __name__, url_prefix="/impact/tracks")


def _selection():
    allowed = [c.id for c in camp_service.all_camps()
               if current_user.is_hub_admin or c.id in current_user.organised_camp_ids()]
    year = as_id(request.args.get("year"))
    year = year if year is not None and 2000 <= year <= 2100 else utcnow().year
    return year, report.figures(year, allowed)


@bp.get("/")
@guard("impact.view")
def index():
    year, rows = _selection()
    return render_template("tracks/report.html", year=year, rows=rows,
                           totals={k: sum(getattr(r, k) for r in rows) for k in ("started", "pilots", "deals")})


@bp.get("/tracks.csv")
@guard("impact.view")
def export():
    year, rows = _selection()
    audit.record_export(current_user, "tracks", rows=len(rows), details={"year": year})
    return csv_download(f"follow-up-tracks-{year}.csv", report.HEADER, report.csv_rows(rows))
