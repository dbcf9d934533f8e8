"""Forms of the live show: control-room staff, and bare buttons (the taps are read by the route: JSON or form)."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Email, Length

from .base import Form


class StaffForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])


class ConfirmForm(Form):
    """A bare POST with CSRF (rehearsal, new stage link, revoke)."""
