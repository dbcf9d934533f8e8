"""The hub's impact report: a page with headline figures, charts over time and the figures table, a CSV export
and a printable view, filtered by camp, year and period. Hub admins see every camp; a camp organiser sees the
camps they organise."""

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from ..database import utcnow
from ..forms.base import choices
from ..forms.matchmaking import ImpactFilterForm
from ..permissions import guard
from ..services import camps as camp_service
from ..services.audit import trail as audit
from ..services.impact import report as impact
from ..services.impact import summary
from ..services.impact.charts import chart_css
from ..services.impact.labels import attendee_type_label, follow_up_label
from .downloads import csv_download

bp = Blueprint("impact", __name__, url_prefix="/impact")

def _filters():
    """The filter form and what it selects: (form, camp ids, year, period)."""
    allowed = [c for c in camp_service.all_camps()
               if current_user.is_hub_admin or c.id in current_user.organised_camp_ids()]
    form = ImpactFilterForm(request.args)
    everything = _("All camps") if current_user.is_hub_admin else _("All my camps")
    form.camp.choices = choices([("", everything)] + [(c.slug, c.name) for c in allowed])
    form.year.choices = choices([("", _("All years"))] + [(str(y), str(y)) for y in impact.report_years()])
    valid = form.validate()
    camp = next((c for c in allowed if valid and c.slug == form.camp.data), None)
    camp_ids = [camp.id] if camp else [c.id for c in allowed]
    year = int(form.year.data) if valid and (form.year.data or "").isdigit() else None
    period = form.period.data if valid and form.period.data in ("quarter", "year") else "quarter"
    return form, camp_ids, year, period


def _report():
    form, camp_ids, year, period = _filters()
    return form, impact.build_report(camp_ids=camp_ids, year=year, granularity=period)


def _camp_name(form) -> str:
    return next((c.label for c in form.camp.choices if c.value == (form.camp.data or "")), "")


def _render(template: str):
    form, report = _report()
    charts = summary.charts(report) if report.rows else []
    return render_template(template, form=form, report=report, camp_name=_camp_name(form), now=utcnow(),
                           headlines=summary.headlines(report), charts=charts, query=request.args,
                           labels=impact.LABELS, type_label=attendee_type_label,
                           kind_label=follow_up_label, types=impact.ATTENDEE_TYPES, kinds=impact.FOLLOW_UP_KINDS)


@bp.get("/")
@guard("impact.view")
def index():
    return _render("impact/index.html")


@bp.get("/print")
@guard("impact.view")
def printable():
    return _render("impact/print.html")


@bp.get("/report.csv")
@guard("impact.view")
def report_csv():
    _form, report = _report()
    audit.record_export(current_user, "impact_report", rows=len(report.rows) + 1)  # the total is a row too
    return csv_download("impact-report.csv", impact.report_header(), impact.report_rows(report))


@bp.get("/charts.css")
@guard("impact.view")
def charts_stylesheet():
    """pygal's chart styles, served from our origin: the strict CSP refuses the <style> inside its SVG."""
    return Response(chart_css(), mimetype="text/css", headers={"Cache-Control": "private, max-age=86400"})
