"""The audit trail's filters: read from the query string, so a filtered trail has an address to share."""

import re

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, SelectField
from wtforms.validators import Optional, Regexp, ValidationError

from ..services.audit import labels
from ..services.audit.query import Filters
from .base import Form, choices

LARGEST_ID = 2**31 - 1  # ids are 32-bit integers in the database: a larger number names nothing
FIRST_YEAR, LAST_YEAR = 2000, 2999
SUBJECT = re.compile(r"^([a-z_]{1,40}):([0-9]{1,10})$")


def _known_id(form, field):
    if field.data and (not field.data.isdigit() or not 0 < int(field.data) <= LARGEST_ID):
        raise ValidationError(_l("Not a valid number."))


def _within_years(field):
    # Day arithmetic at the ends of the calendar (year 1, 9999) would overflow: no entry is that old or young.
    if field.data and not FIRST_YEAR <= field.data.year <= LAST_YEAR:
        raise ValidationError(_l("Please give a day between %(first)d and %(last)d.", first=FIRST_YEAR,
                                 last=LAST_YEAR))


class AuditFilterForm(Form):
    class Meta:
        csrf = False  # a GET filter changes nothing

    camp = SelectField(_l("Camp"), validators=[Optional()], default="")
    who = SelectField(_l("Who"), validators=[Optional()], default="")
    kind = SelectField(_l("What"), validators=[Optional()], default="")
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])
    event = HiddenField(validators=[Optional(), _known_id])
    subject = HiddenField(validators=[Optional(), Regexp(SUBJECT, message=_l("Not a valid subject."))])

    def __init__(self, formdata, *, camps, actors):
        super().__init__(formdata)
        self.camp.choices = choices([("", _l("All camps"))] + [(c.slug, c.name) for c in camps])
        self.who.choices = choices([("", _l("Everyone"))] + [(str(i), name) for i, name in actors])
        kinds = [("", _l("Everything"))]
        for area, area_label in labels.AREAS.items():
            kinds.append((area, area_label))
            kinds += [(action, f"– {label}") for action, label in labels.ACTIONS.items()
                      if labels.area_of(action) == area]
        self.kind.choices = choices(kinds)
        self._camps = {c.slug: c for c in camps}
        self._page = formdata.get("page", "1") if formdata else "1"

    def validate_subject(self, field):
        match = SUBJECT.match(field.data or "")
        if match and not 0 < int(match.group(2)) <= LARGEST_ID:
            raise ValidationError(_l("Not a valid subject."))

    def validate_since(self, field):
        _within_years(field)

    def validate_until(self, field):
        _within_years(field)
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("The end must not be before the start."))

    def chosen_camp(self):
        return self._camps.get(self.camp.data or "")

    def filters(self) -> Filters:
        subject = SUBJECT.match(self.subject.data or "")
        return Filters(
            camp_id=self.chosen_camp().id if self.chosen_camp() else None,
            actor_id=int(self.who.data) if self.who.data else None,
            kind=self.kind.data or "",
            since=self.since.data, until=self.until.data,
            event_id=int(self.event.data) if self.event.data else None,
            subject_type=subject.group(1) if subject else "",
            subject_id=int(subject.group(2)) if subject else None,
        )

    def page_number(self) -> int:
        return int(self._page) if self._page.isdigit() and 0 < len(self._page) < 7 else 1
