"""Forms for camps and their organisers."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..sectors import sector_choices
from .base import Form, choices


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class CampForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    sectors = MultiCheckboxField(_l("Sector focus"), choices=[])
    description_de = TextAreaField(_l("Description (German)"), validators=[Length(max=5000)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Length(max=5000)])
    address = StringField(_l("Address"), validators=[Length(max=300)])
    contact_email = EmailField(_l("Contact e-mail"), validators=[Optional(), Email(), Length(max=254)])
    contact_phone = StringField(_l("Contact phone"), validators=[Length(max=60)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors.choices = choices(sector_choices())


class AppointForm(Form):
    email = EmailField(_l("E-mail of the person"), validators=[DataRequired(), Email(), Length(max=254)])
