"""Forms of the live show: a control-room tap (the action and the version it saw) and control-room staff."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from .base import Form


class ActionForm(Form):
    action = HiddenField(validators=[DataRequired(), Length(max=20)])
    version = IntegerField(validators=[InputRequired()])


class StaffForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])


class ConfirmForm(Form):
    """A bare POST with CSRF (rehearsal, new stage link, revoke)."""
