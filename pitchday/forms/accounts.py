"""Forms for sign-up, log-in and the account page."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from ..i18n import LANGUAGES
from .base import Form, choices

EMAIL = [DataRequired(), Email(message=_l("Please enter a valid e-mail address.")), Length(max=254)]
# The rules themselves live in services/accounts/passwords.py; the form only says them.
PASSWORD_RULES = _l("At least 10 characters. Not a common password, and not containing the name of your e-mail "
                    "address or the site's name. Several words that only you would put together work well.")


class SignUpForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("E-mail"), validators=EMAIL)
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(min=10, max=200)],
                             description=PASSWORD_RULES)
    password_again = PasswordField(_l("Repeat password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match."))])


class LoginForm(Form):
    email = EmailField(_l("E-mail"), validators=EMAIL)
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    remember = BooleanField(_l("Stay logged in on this device"))


class ForgotPasswordForm(Form):
    email = EmailField(_l("E-mail"), validators=EMAIL)


class ResetPasswordForm(Form):
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=200)],
                             description=PASSWORD_RULES)
    password_again = PasswordField(_l("Repeat new password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match."))])


class ProfileForm(Form):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    locale = SelectField(_l("Language"), choices=choices(LANGUAGES.items()))


class ChangePasswordForm(Form):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=10, max=200)],
                             description=PASSWORD_RULES)
    password_again = PasswordField(_l("Repeat new password"), validators=[
        DataRequired(), EqualTo("password", message=_l("The passwords do not match."))])


class ChangeEmailForm(Form):
    email = EmailField(_l("New e-mail address"), validators=EMAIL)


class ConfirmForm(Form):
    """A bare form: only the CSRF token, for buttons that change something."""


class TwoStepCodeForm(Form):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)],
                       description=_l("The six digits your authenticator app shows, or one of your recovery codes."))
