"""The base every form shares: CSRF protection (Flask-WTF) and domain errors shown on the right field."""

from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from ..errors import DomainError


class Form(FlaskForm):
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
