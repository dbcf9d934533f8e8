"""Forms of the jury: rubric criteria, invitations, assignment, conflicts, reset, awards."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    FloatField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from ..models.jury import ConflictReason
from ..sectors import sector_choices
from .base import Form, choices
from .camps import MultiCheckboxField

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


def _optional_int(value) -> int | None:
    """The select's value as an id; the empty first choice (and nothing sent) is None, not an error."""
    if value in (None, ""):
        return None
    return int(value)


class AwardForm(Form):
    title = StringField(_l("Award"), validators=[DataRequired(), Length(max=120)],
                        description=_l("For example \"1st place\" or \"Special award: impact\"."))
    # Offered in ranking order after an empty first choice: nothing is preselected, the organiser picks.
    application_id = SelectField(_l("Startup"), coerce=_optional_int, validate_choice=False,
                                 validators=[InputRequired()])
    position = IntegerField(_l("Order on the event page"), default=1, validators=[Optional(), NumberRange(0, 99)])
    confirmed = HiddenField(default="")


class JurorProfileForm(Form):
    """A juror's profile in the hub's pool."""

    organisation = StringField(_l("Organisation"), validators=[Length(max=160)])
    sectors = MultiCheckboxField(_l("Expertise"), choices=[])
    languages = MultiCheckboxField(_l("Languages you judge in"), choices=[])
    camps = MultiCheckboxField(_l("Camps you serve (none ticked: every camp)"), choices=[])
    in_pool = BooleanField(_l("Organisers of every camp may suggest me for their juries"), default=True)

    def __init__(self, *args, camps, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors.choices = choices(sector_choices())
        self.languages.choices = choices([("de", "Deutsch"), ("en", "English")])
        self.camps.choices = choices((c.slug, c.name) for c in camps)

    def values(self) -> dict:
        return {"organisation": self.organisation.data or "", "sector_slugs": ",".join(self.sectors.data or []),
                "languages": ",".join(self.languages.data or []), "camp_slugs": ",".join(self.camps.data or []),
                "in_pool": self.in_pool.data}
