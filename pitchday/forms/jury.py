"""Forms of the jury: rubric criteria, invitations, assignment, conflicts, reset, awards."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    FloatField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from ..models.jury import ConflictReason
from .base import Form, choices

CONFLICT_REASONS = [(ConflictReason.INVESTED.value, _l("I have invested in it")),
                    (ConflictReason.ADVISES.value, _l("I advise it")),
                    (ConflictReason.WORKS_THERE.value, _l("I work there")),
                    (ConflictReason.COMPETITOR.value, _l("I work for a competitor")),
                    (ConflictReason.OTHER.value, _l("Other reason"))]


class CriterionForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=500)])
    weight = FloatField(_l("Weight"), default=1.0, validators=[InputRequired(), NumberRange(min=0.1, max=100)])
    scale_min = IntegerField(_l("Lowest value"), default=1, validators=[InputRequired(), NumberRange(0, 100)])
    scale_max = IntegerField(_l("Highest value"), default=10, validators=[InputRequired(), NumberRange(1, 100)])
    anchor_low = StringField(_l("What the lowest value means"), validators=[Optional(), Length(max=120)])
    anchor_mid = StringField(_l("What the middle means"), validators=[Optional(), Length(max=120)])
    anchor_high = StringField(_l("What the highest value means"), validators=[Optional(), Length(max=120)])

    def values(self) -> dict:
        return {name: (getattr(self, name).data or "") if name in ("description", "anchor_low", "anchor_mid",
                                                                    "anchor_high") else getattr(self, name).data
                for name in ("name", "description", "weight", "scale_min", "scale_max", "anchor_low",
                             "anchor_mid", "anchor_high")}


class InviteForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    locale = SelectField(_l("Language of the invitation"), choices=choices([("de", "Deutsch"), ("en", "English")]))


class AssignForm(Form):
    scope = RadioField(_l("Scores"), default="all",
                       choices=choices([("all", _l("All pitches")), ("some", _l("Only these pitches"))]))
    application_ids = SelectMultipleField(_l("Pitches"), coerce=int, validate_choice=False)


class ConflictForm(Form):
    application_id = SelectField(_l("Startup"), coerce=int, validate_choice=False)
    reason = SelectField(_l("Reason"), choices=choices(CONFLICT_REASONS))


class ResetForm(Form):
    confirm = BooleanField(_l("Yes, delete every score and comment of this event"))


class AwardForm(Form):
    title = StringField(_l("Award"), validators=[DataRequired(), Length(max=120)],
                        description=_l("For example \"1st place\" or \"Special award: impact\"."))
    application_id = SelectField(_l("Startup"), coerce=int, validate_choice=False)
    position = IntegerField(_l("Order on the event page"), default=1, validators=[Optional(), NumberRange(0, 99)])
