"""The public showcase of the region's startups at /startups/: filter by camp, sector and stage, page through."""

from flask import Blueprint, render_template, request

from ..forms.showcase import ShowcaseFilterForm
from ..permissions import guard
from ..services import camps as camp_service
from ..services import showcase
from ..services.cache.versions import SHOWCASE
from .public_cache import cached_page

bp = Blueprint("showcase", __name__, url_prefix="/startups")


@bp.get("/")
@guard("showcase.browse")
def index():
    form = ShowcaseFilterForm(request.args, camps=camp_service.all_camps())
    filters = form.filters() if form.validate() else showcase.Filters()
    number = form.page_number()

    def render():
        page = showcase.directory(filters, page=number)
        return render_template("showcase/index.html", form=form, filters=filters, result=page)

    # The filters as validated (not the raw query string) name the cached page, so junk parameters add no entries.
    return cached_page("showcase", f"{filters!r}|{number}", (SHOWCASE,), render, 400 if form.errors else 200)
