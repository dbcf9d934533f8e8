"""Forms of the applications area: startup profiles, invitations, calls and questions, applications,
selection and the running order."""

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Email, Length, NumberRange, Optional

from ..models import QuestionKind, Stage
from ..sectors import sector_choices
from ..services.applications.labels import KIND_LABELS, STAGE_LABELS, STATUS_LABELS
from .base import Form, choices
from .camps import MultiCheckboxField

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class StartupForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    one_liner = StringField(_l("One-line pitch"), validators=[DataRequired(), Length(max=200)],
                            description=_l("What you do, in one sentence."))
    description = TextAreaField(_l("Description"), validators=[Length(max=5000)])
    sectors = MultiCheckboxField(_l("Sectors"), choices=[])
    stage = SelectField(_l("Stage"), choices=[])
    founded_year = IntegerField(_l("Founding year"), validators=[Optional()])
    city = StringField(_l("City"), validators=[Length(max=120)])
    website = URLField(_l("Website"), validators=[Optional(), URL(message=_l("Enter an address starting with "
                                                                             "https://")), Length(max=300)])
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=120)])
    contact_email = EmailField(_l("Contact e-mail"), validators=[DataRequired(), Email(), Length(max=254)])
    team_size = IntegerField(_l("Team size"), validators=[Optional(), NumberRange(min=1, max=10_000)],
                             description=_l("People working in the startup, founders included."))
    is_public = BooleanField(_l("Show the startup in the public showcase, with a public page"),
                             description=_l("Nothing is public until you tick this."))
    public_description = BooleanField(_l("Show the description on the public page"), default=True)
    public_contact = BooleanField(_l("Show the contact person on the public page"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors.choices = choices(sector_choices())
        self.stage.choices = choices((s.value, str(STAGE_LABELS[s.value])) for s in Stage)

    def values(self) -> dict:
        return {"name": self.name.data.strip(), "one_liner": self.one_liner.data.strip(),
                "description": self.description.data or "", "sector_slugs": ",".join(self.sectors.data or []),
                "stage": Stage(self.stage.data), "founded_year": self.founded_year.data, "city": self.city.data or "",
                "website": self.website.data or "", "team_size": self.team_size.data,
                "contact_name": self.contact_name.data.strip(),
                "contact_email": self.contact_email.data.strip(), "is_public": self.is_public.data,
                "public_description": self.public_description.data, "public_contact": self.public_contact.data}


class InviteForm(Form):
    email = EmailField(_l("E-mail of your co-founder"), validators=[DataRequired(), Email(), Length(max=254)])


class ConfirmForm(Form):
    """A button that changes something: only its CSRF token."""


class CallForm(Form):
    opens_at = DateTimeLocalField(_l("Call opens (Berlin time)"), format=LOCAL_FORMAT, validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Call closes (Berlin time)"), format=LOCAL_FORMAT, validators=[Optional()])
    deck_required = BooleanField(_l("A pitch deck (PDF) is required"))
    rejection_text_de = TextAreaField(_l("Rejection text (German)"), validators=[Length(max=5000)],
                                      description=_l("Sent with a rejection. {startup} and {event} are filled in. "
                                                     "Leave empty for the standard text."))
    rejection_text_en = TextAreaField(_l("Rejection text (English)"), validators=[Length(max=5000)])


class QuestionForm(Form):
    label = StringField(_l("Question"), validators=[DataRequired(), Length(max=300)])
    kind = SelectField(_l("Kind of answer"), choices=[])
    options = TextAreaField(_l("Choices, one per line"), validators=[Length(max=3000)],
                            description=_l("Only for single and multiple choice."))
    required = BooleanField(_l("An answer is required"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices((k.value, str(KIND_LABELS[k.value])) for k in QuestionKind)


class NoteForm(Form):
    body = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=5000)],
                         description=_l("Only organisers see notes; the startup never does."))


class DecisionForm(Form):
    status = HiddenField(validators=[DataRequired()])
    seen = HiddenField()  # the status the organiser was looking at, so a parallel decision is not overwritten


class BulkForm(Form):
    status = SelectField(_l("Move the selected applications to"), choices=[])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choices((s, str(STATUS_LABELS[s])) for s in
                                      ("shortlisted", "accepted", "waitlisted", "rejected"))


class LengthsForm(Form):
    pitch_minutes = IntegerField(_l("Pitch (minutes)"), validators=[DataRequired(), NumberRange(1, 120)])
    qa_minutes = IntegerField(_l("Q&A (minutes)"), validators=[Optional(), NumberRange(0, 120)])


class ApplicationFormBase(Form):
    deck = FileField(_l("Pitch deck (PDF, at most 20 MB)"))


def application_form(questions, *, deck_required: bool, **kwargs) -> ApplicationFormBase:
    """A form with one field ``q_<id>`` per question of the call; required-ness is checked on submission."""

    class ApplicationForm(ApplicationFormBase):
        pass

    for q in questions:
        label = q.label
        if q.kind == QuestionKind.SHORT_TEXT:
            field = StringField(label, validators=[Length(max=500)])
        elif q.kind == QuestionKind.LONG_TEXT:
            field = TextAreaField(label, validators=[Length(max=5000)])
        elif q.kind == QuestionKind.SINGLE_CHOICE:
            field = RadioField(label, choices=choices((c, c) for c in q.choices), validators=[Optional()])
        elif q.kind == QuestionKind.MULTIPLE_CHOICE:
            field = MultiCheckboxField(label, choices=choices((c, c) for c in q.choices), validators=[Optional()])
        else:
            field = RadioField(label, choices=choices([("yes", _l("Yes")), ("no", _l("No"))]), validators=[Optional()])
        setattr(ApplicationForm, f"q_{q.id}", field)
    form = ApplicationForm(**kwargs)
    for q in questions:
        if q.required:
            getattr(form, f"q_{q.id}").flags.required = True
    if deck_required:
        form.deck.flags.required = True
    return form


def answers_from(form, questions) -> dict[int, str]:
    values = {}
    for q in questions:
        data = getattr(form, f"q_{q.id}").data
        if isinstance(data, list):
            values[q.id] = "\n".join(data)
        else:
            values[q.id] = (data or "").strip() if isinstance(data, str) else ""
    return values


def fill_answers(form, questions, answers: dict[int, str]) -> None:
    for q in questions:
        value = answers.get(q.id, "")
        field = getattr(form, f"q_{q.id}")
        field.data = [v for v in value.split("\n") if v] if q.kind == QuestionKind.MULTIPLE_CHOICE else value
