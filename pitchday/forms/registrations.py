"""Forms for registering, the event's own questions and the organisers' tools."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional

from ..services.registrations.labels import ATTENDEE_TYPES
from .base import Form, choices


class RegistrationForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=[
        DataRequired(), Email(message=_l("Please enter a valid e-mail address.")), Length(max=254)],
        description=_l("Your ticket is sent to this address."))
    organisation = StringField(_l("Organisation"), validators=[Optional(), Length(max=200)])
    attendee_type = SelectField(_l("I am attending as"), choices=choices([("", _l("Please choose"))] + ATTENDEE_TYPES),
                                validators=[DataRequired(message=_l("Please choose who you are attending as."))])
    consent = BooleanField(_l("I agree that my details are stored to run this event, as the privacy notice on "
                              "this page describes."),
                           validators=[DataRequired(message=_l("Please agree to the privacy notice to register."))])
    # Matchmaking opt-ins (services.matchmaking.set_profile): both off unless the attendee ticks them.
    meet_visible = BooleanField(
        _l("Show me to the startups of this event for meeting requests"), default=False,
        description=_l("Pitching startups then see your name, organisation and attendee type and may ask you for "
                       "a meeting. You can change this later on your meeting page."))
    meet_share_contact = BooleanField(
        _l("Share my contact details with startups I meet"), default=False,
        description=_l("Startups you meet or ask to meet get your name, organisation and e-mail address."))

    def answers(self) -> dict:
        return {name[2:]: field.data.strip() for name, field in self._fields.items()
                if name.startswith("q_") and field.data and field.data.strip()}


def registration_form_for(questions, **kwargs) -> RegistrationForm:
    """The registration form with the event's own optional questions as extra fields ``q_<id>``."""

    class EventRegistrationForm(RegistrationForm):
        pass

    for question in questions:
        setattr(EventRegistrationForm, f"q_{question.id}",
                TextAreaField(question.label, validators=[Optional(), Length(max=1000)],
                              description=_l("Optional.")))
    return EventRegistrationForm(**kwargs)


class CapacityForm(Form):
    capacity = IntegerField(_l("Seats"), validators=[InputRequired(), NumberRange(min=0, max=100000)],
                            description=_l("Lowering cancels nobody; it only stops promotions from the waiting "
                                           "list."))


class QuestionForm(Form):
    label = StringField(_l("Question"), validators=[DataRequired(), Length(max=200)],
                        description=_l("Attendees may answer it; it is never required."))


class ConfirmForm(Form):
    """Just the CSRF token, for buttons that change something."""
