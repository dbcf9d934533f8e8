"""Forms of matchmaking and the impact report: shapes only; the rules live in the services."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..models.matchmaking import FollowUpKind
from .base import Form, choices

KIND_LABELS = {
    FollowUpKind.MEETING: _l("A further meeting"), FollowUpKind.PILOT: _l("A pilot project"),
    FollowUpKind.INVESTMENT: _l("An investment"), FollowUpKind.HIRE: _l("A hire"), FollowUpKind.OTHER: _l("Other"),
}


class AskForm(Form):
    """Ask for a meeting: ``target`` is the startup's id (attendee side) or the registration's (startup side)."""

    target = HiddenField(validators=[DataRequired()])
    reason = StringField(_l("Why do you want to meet? (one line)"), validators=[Optional(), Length(max=200)])


class ProfileForm(Form):
    visible = BooleanField(_l("Startups of this event may see me and ask me for a meeting"))
    share_contact = BooleanField(_l("Startups I meet or ask to meet may have my name, organisation and e-mail"))
    looking_for = StringField(_l("What I am looking for (one line, shown to startups)"),
                              validators=[Optional(), Length(max=200)])


class SettingsForm(Form):
    slot_minutes = IntegerField(_l("Minutes per meeting"), validators=[DataRequired(), NumberRange(5, 120)])
    tables = TextAreaField(_l("Tables or rooms, one per line"), validators=[Optional(), Length(max=5000)])


class MoveForm(Form):
    slot = SelectField(_l("Slot"), coerce=int, validate_choice=True)
    table = SelectField(_l("Table"), coerce=int, validate_choice=True)


class FollowUpForm(Form):
    startup = SelectField(_l("Startup"), coerce=int)
    kind = SelectField(_l("What came of it"), choices=choices((k.value, label) for k, label in KIND_LABELS.items()))
    partner = StringField(_l("With whom (company or person)"), validators=[Optional(), Length(max=200)])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])


class ImpactFilterForm(Form):
    class Meta:
        csrf = False  # a GET filter changes nothing

    camp = SelectField(_l("Camp"), validators=[Optional()])
    year = SelectField(_l("Year"), validators=[Optional()])
    period = SelectField(_l("Per"), choices=choices([("quarter", _l("Quarter")), ("year", _l("Year"))]),
                         default="quarter")
