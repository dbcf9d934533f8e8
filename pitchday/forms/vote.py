"""Forms of the audience vote."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, StringField
from wtforms.validators import DataRequired, InputRequired, Length

from .base import Form


class BallotForm(Form):
    application_id = IntegerField(validators=[InputRequired()])


class CodeForm(Form):
    screen_code = StringField(_l("Code on the screen"), validators=[DataRequired(), Length(max=12)])
    ticket_code = StringField(_l("Ticket code"), validators=[DataRequired(), Length(max=64)])


class ConfirmForm(Form):
    """A button that only needs the CSRF token (open, close, publish)."""
    published = HiddenField()
