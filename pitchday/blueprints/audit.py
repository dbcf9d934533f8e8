"""The audit trail at /audit/: hub admins read all of it, a camp's organisers their camps' part; filter, page
through, download as CSV. There is no route that changes or deletes an entry."""

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from ..forms.audit import AuditFilterForm
from ..permissions import can, guard
from ..permissions.audit import scope_of
from ..services import camps as camp_service
from ..services.audit import export as audit_export
from ..services.audit import labels
from ..services.audit import query as audit_query
from ..services.audit import trail as audit
from .downloads import csv_download
from .events.panels import register_event_panel

bp = Blueprint("audit", __name__, url_prefix="/audit")


def _panel(event):
    """On the event page, for those who may read its camp's trail: a link to the entries about this event."""
    return {"event": event} if can("audit.camp", camp=event.camp) else None


register_event_panel("audit/_panel.html", _panel, order=95, personal=True)


def _read_filters():
    """The form, the filters it gives (none when it is not valid), the viewer's scope and camps by id."""
    scope = scope_of(current_user)
    camps = camp_service.all_camps()
    form = AuditFilterForm(request.args, camps=[c for c in camps if scope is None or c.id in scope],
                           actors=audit_query.actors(scope=scope))
    asked = next((c for c in camps if c.slug == request.args.get("camp")), None)
    if asked is not None and not can("audit.camp", camp=asked):
        abort(403)  # another camp's trail: refused, not silently emptied
    filters = form.filters() if form.validate() else audit_query.Filters()
    return form, filters, scope, {c.id: c.name for c in camps}


@bp.get("/")
@guard("audit.view")
def index():
    form, filters, scope, camp_names = _read_filters()
    page = audit_query.page_of(filters, scope=scope, page=form.page_number())
    return render_template("audit/index.html", form=form, filters=filters, result=page, camp_names=camp_names,
                           action_label=labels.action_label, changes=labels.changes), (
        400 if form.errors else 200)


@bp.get("/export.csv")
@guard("audit.view")
def export():
    form, filters, scope, camp_names = _read_filters()
    if form.errors:
        abort(400)
    asked = {k: v for k, v in request.args.items() if k not in ("format", "page") and v}
    audit.record_export(current_user, "audit", rows=audit_query.count(filters, scope=scope),
                        camp=form.chosen_camp(), details={"filters": asked})
    return csv_download("audit-trail.csv", audit_export.header(),
                        audit_export.rows(filters, scope=scope, camp_names=camp_names))
