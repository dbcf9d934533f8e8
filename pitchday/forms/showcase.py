"""The showcase's filters: read from the query string, so every filtered list has an address to share."""

from flask_babel import lazy_gettext as _l
from wtforms import SearchField, SelectField
from wtforms.validators import Length, Optional

from ..models import Stage
from ..request_guard import as_id
from ..sectors import sector_choices
from ..services.applications.labels import STAGE_LABELS
from ..services.showcase import MAX_PAGE, Filters
from .base import Form, choices


class ShowcaseFilterForm(Form):
    class Meta:
        csrf = False  # a GET search form changes nothing

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=100)])
    camp = SelectField(_l("Camp"), choices=[], default="")
    sector = SelectField(_l("Sector"), choices=[], default="")
    stage = SelectField(_l("Stage"), choices=[], default="")

    def __init__(self, formdata, *, camps):
        super().__init__(formdata)
        self.camp.choices = choices([("", _l("All camps"))] + [(c.slug, c.name) for c in camps])
        self.sector.choices = choices([("", _l("All sectors"))] + list(sector_choices()))
        self.stage.choices = choices([("", _l("All stages"))] + [(s.value, STAGE_LABELS[s.value]) for s in Stage])
        self._page = formdata.get("page", "1") if formdata else "1"

    def filters(self) -> Filters:
        return Filters(camp=self.camp.data or "", sector=self.sector.data or "", stage=self.stage.data or "",
                       query=(self.q.data or "").strip())

    def page_number(self) -> int:
        page = as_id(self._page)
        return min(page, MAX_PAGE) if page else 1
