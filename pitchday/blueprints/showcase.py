"""The public showcase of the region's startups at /startups/: filter by camp, sector and stage, page through."""

from flask import Blueprint, render_template, request

from ..forms.showcase import ShowcaseFilterForm
from ..permissions import guard
from ..services import camps as camp_service
from ..services import showcase

bp = Blueprint("showcase", __name__, url_prefix="/startups")


@bp.get("/")
@guard("showcase.browse")
def index():
    form = ShowcaseFilterForm(request.args, camps=camp_service.all_camps())
    filters = form.filters() if form.validate() else showcase.Filters()
    page = showcase.directory(filters, page=form.page_number())
    return render_template("showcase/index.html", form=form, filters=filters, result=page), (
        400 if form.errors else 200)
