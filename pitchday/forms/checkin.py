"""Forms of the check-in area: staff, devices, and the scanner's code field (also for keyboard-wedge scanners)."""

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, HiddenField, StringField
from wtforms.validators import DataRequired, Email, Length

from .base import Form


class StaffForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])


class DeviceForm(Form):
    name = StringField(_l("Device name"), validators=[DataRequired(), Length(max=120)],
                       description=_l("For example “Door 1” or “Handheld scanner left”."))


class CodeForm(Form):
    """Typed or pasted ticket code; handheld USB/Bluetooth scanners type into it and press Enter."""

    code = StringField(_l("Ticket code"), validators=[DataRequired(), Length(max=500)])
    nonce = HiddenField()


class ConfirmForm(Form):
    """A bare POST with CSRF (revoke, undo)."""
