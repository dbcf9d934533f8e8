"""Forms of industry challenges: the company profile, a challenge, a startup's proposal, the review."""

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, EmailField, SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, DataRequired, Email, Length, Optional

from ..berlin import from_local
from ..models import Visibility
from ..sectors import sector_choices
from .applications import LOCAL_FORMAT
from .base import Form, choices
from .camps import MultiCheckboxField


class CompanyForm(Form):
    name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=120)])
    sectors = MultiCheckboxField(_l("Sectors"), choices=[])
    city = StringField(_l("City"), validators=[Length(max=120)])
    website = URLField(_l("Website"), validators=[Optional(), URL(message=_l("Enter an address starting with "
                                                                             "https://")), Length(max=300)])
    description = TextAreaField(_l("About the company"), validators=[Length(max=3000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors.choices = choices(sector_choices())

    def values(self) -> dict:
        return {"name": self.name.data, "sector_slugs": ",".join(self.sectors.data or []),
                "city": self.city.data or "", "website": self.website.data or "",
                "description": self.description.data or ""}


class ContactForm(Form):
    email = EmailField(_l("E-mail address of the contact person"), validators=[DataRequired(), Email(),
                                                                                Length(max=254)])


class ChallengeForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)])
    problem = TextAreaField(_l("The problem"), validators=[DataRequired(), Length(max=5000)],
                            description=_l("What do you want solved, and why does it matter to you?"))
    pilot = TextAreaField(_l("What a pilot could look like"), validators=[Length(max=3000)],
                          description=_l("Scope, duration, data or site you offer, budget if there is one."))
    sector_slug = SelectField(_l("Sector"), choices=[])
    camp_id = SelectField(_l("Camp that reviews it"), choices=[], coerce=int)
    deadline = DateTimeLocalField(_l("Answers until (Berlin time)"), format=LOCAL_FORMAT,
                                  validators=[DataRequired()])
    visibility = SelectField(_l("Who sees it"), choices=[])

    def __init__(self, *args, camps, **kwargs):
        super().__init__(*args, **kwargs)
        self.sector_slug.choices = choices(sector_choices())
        self.camp_id.choices = choices((c.id, c.name) for c in camps)
        self.visibility.choices = choices([(Visibility.PUBLIC.value, _l("Everyone")),
                                           (Visibility.STARTUPS.value, _l("Only the hub's startups"))])

    def values(self) -> dict:
        return {"title": self.title.data, "problem": self.problem.data, "pilot": self.pilot.data or "",
                "sector_slug": self.sector_slug.data, "camp_id": self.camp_id.data,
                "deadline": from_local(self.deadline.data), "visibility": self.visibility.data}


class ProposalForm(Form):
    startup = SelectField(_l("Startup"), choices=[], coerce=int)
    summary = TextAreaField(_l("Your proposal"), validators=[DataRequired(), Length(max=2000)],
                            description=_l("How would you solve it, and what would a first step be? "
                                           "At most 2,000 characters."))


class ReviewForm(Form):
    note = TextAreaField(_l("Note to the company"), validators=[Length(max=500)],
                         description=_l("Needed when you return the challenge for changes."))
