"""The base every form shares: CSRF protection (Flask-WTF) and domain errors shown on the right field."""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, IntegerField
from wtforms.fields.choices import SelectChoice

from ..errors import DomainError
from ..request_guard import MAX_ID

# Dates outside these years are typing mistakes, and the year 1 cannot even be moved to UTC (it would be year 0).
FIRST_YEAR, LAST_YEAR = 1900, 2999


class Form(FlaskForm):
    def validate(self, extra_validators=None) -> bool:
        """The fields' own rules, then what every form needs: numbers a database column holds, dates in
        years that exist; so an absurd number or the year 0001 is a message on the field, not a crash."""
        valid = super().validate(extra_validators)
        for field in self:
            message = _out_of_range(field)
            if message is not None:
                field.errors = [*field.errors, str(message)]
                valid = False
        return valid

    def show_error(self, error: DomainError, default_field: str | None = None) -> None:
        """Attach a domain error's message to the field it names, or to the form as a whole."""
        name = error.details.get("field") or default_field
        field = getattr(self, name, None) if name else None
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, error.message]
        else:
            self.form_errors.append(error.message)


def choices(pairs) -> list[SelectChoice]:
    """``[(value, label), ...]`` as WTForms' SelectChoice objects (tuples are deprecated in WTForms 3.3)."""
    return [SelectChoice(value, label) for value, label in pairs]


def _out_of_range(field):
    if isinstance(field, IntegerField) and field.data is not None and abs(field.data) > MAX_ID:
        return _l("This number is too large.")
    if isinstance(field, DateTimeLocalField | DateField) and isinstance(field.data, date) and not (
            FIRST_YEAR <= field.data.year <= LAST_YEAR):
        return _l("Please enter a date between the years %(first)d and %(last)d.", first=FIRST_YEAR,
                  last=LAST_YEAR)
    return None
