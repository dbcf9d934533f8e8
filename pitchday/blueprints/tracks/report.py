"""The network in the impact report, per camp and quarter: follow-up tracks (started, reached a pilot, reached a
deal) and challenges (made public, answered, startups invited to talk)."""

from flask import Blueprint, render_template, request
from flask_login import current_user

from ...database import utcnow
from ...permissions import guard
from ...request_guard import as_id
from ...services import camps as camp_service
from ...services.audit import trail as audit
from ...services.challenges import report as challenge_report
from ...services.tracks import report
from ..downloads import csv_download

bp = Blueprint("impact_tracks", __name__, url_prefix="/impact/tracks")


def _selection() -> tuple[int, list[int]]:
    allowed = [c.id for c in camp_service.all_camps()
               if current_user.is_hub_admin or c.id in current_user.organised_camp_ids()]
    year = as_id(request.args.get("year"))
    return (year if year is not None and 2000 <= year <= 2100 else utcnow().year), allowed


@bp.get("/")
@guard("impact.view")
def index():
    year, camp_ids = _selection()
    rows, challenges = report.figures(year, camp_ids), challenge_report.figures(year, camp_ids)
    return render_template("tracks/report.html", year=year, rows=rows, challenges=challenges,
                           totals={k: sum(getattr(r, k) for r in rows) for k in ("started", "pilots", "deals")},
                           challenge_totals={k: sum(getattr(r, k) for r in challenges)
                                             for k in ("published", "answers", "invited")})


@bp.get("/tracks.csv")
@guard("impact.view")
def export():
    year, camp_ids = _selection()
    rows = report.figures(year, camp_ids)
    audit.record_export(current_user, "tracks", rows=len(rows), details={"year": year})
    return csv_download(f"follow-up-tracks-{year}.csv", report.HEADER, report.csv_rows(rows))


@bp.get("/challenges.csv")
@guard("impact.view")
def challenges_export():
    year, camp_ids = _selection()
    rows = challenge_report.figures(year, camp_ids)
    audit.record_export(current_user, "challenges", rows=len(rows), details={"year": year})
    return csv_download(f"challenges-{year}.csv", challenge_report.HEADER, challenge_report.csv_rows(rows))
