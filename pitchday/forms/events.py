"""Forms for scheduling events and their agenda. Times are typed in Europe/Berlin."""

from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, IntegerField, SelectField, StringField, TextAreaField, URLField
from wtforms.validators import URL, DataRequired, InputRequired, Length, NumberRange, Optional

from ..berlin import from_local, to_local_naive
from ..models import BlockKind, EventType
from ..sectors import sector_choices
from ..services.events.labels import BLOCK_LABELS, TYPE_LABELS
from .base import Form, choices
from .camps import MultiCheckboxField

LOCAL = "%Y-%m-%dT%H:%M"
TIME_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at", "cfp_opens_at",
               "cfp_closes_at")


def _when(label, required=True, description=None):
    validators = [InputRequired()] if required else [Optional()]
    return DateTimeLocalField(label, format=LOCAL, validators=validators, description=description)


class EventForm(Form):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    type = SelectField(_l("Type"), choices=[])
    description = TextAreaField(_l("Description"), validators=[Length(max=20000)],
                                description=_l("Markdown: **bold**, *italic*, lists and links."))
    starts_at = _when(_l("Starts (German time)"))
    ends_at = _when(_l("Ends (German time)"))
    venue_name = StringField(_l("Venue"), validators=[Length(max=200)])
    venue_address = StringField(_l("Address"), validators=[Length(max=300)])
    online_url = URLField(_l("Online link (optional)"), validators=[Optional(), URL(), Length(max=500)])
    capacity = IntegerField(_l("Capacity (seats)"), default=0,
                            validators=[InputRequired(), NumberRange(min=0, max=100000)],
                            description=_l("0 means no registration."))
    sectors = MultiCheckboxField(_l("Sectors"), choices=[])
    registration_opens_at = _when(_l("Registration opens"), required=False)
    registration_closes_at = _when(_l("Registration closes"), required=False)
    cfp_opens_at = _when(_l("Call for pitches opens"), required=False)
    cfp_closes_at = _when(_l("Call for pitches closes"), required=False)
    pitch_minutes = IntegerField(_l("Minutes per pitch"), default=5,
                                 validators=[InputRequired(), NumberRange(min=0, max=120)])
    qa_minutes = IntegerField(_l("Minutes of questions per pitch"), default=5,
                              validators=[InputRequired(), NumberRange(min=0, max=120)])

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.type.choices = choices((t.value, str(TYPE_LABELS[t])) for t in EventType)
        self.sectors.choices = choices(sector_choices())
        if event is not None and not self.is_submitted():
            for name in TIME_FIELDS:
                getattr(self, name).data = to_local_naive(getattr(event, name))
            self.sectors.data = event.sectors
            self.type.data = event.type.value

    def values(self) -> dict:
        """The typed data as the events service takes it (times in UTC)."""
        data = {name: from_local(getattr(self, name).data) for name in TIME_FIELDS}
        data.update(
            title=self.title.data, type=self.type.data, description=self.description.data or "",
            venue_name=self.venue_name.data or "", venue_address=self.venue_address.data or "",
            online_url=self.online_url.data or "", capacity=self.capacity.data,
            sector_slugs=",".join(self.sectors.data or []), pitch_minutes=self.pitch_minutes.data,
            qa_minutes=self.qa_minutes.data,
        )
        return data


class BlockForm(Form):
    kind = SelectField(_l("Kind"), choices=[])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    starts_at = _when(_l("Starts (German time)"))
    ends_at = _when(_l("Ends (German time)"))

    def __init__(self, *args, block=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices((k.value, str(BLOCK_LABELS[k])) for k in BlockKind)
        if block is not None and not self.is_submitted():
            self.kind.data = block.kind.value
            self.starts_at.data = to_local_naive(block.starts_at)
            self.ends_at.data = to_local_naive(block.ends_at)

    def values(self) -> dict:
        return {"kind": self.kind.data, "title": self.title.data, "starts_at": from_local(self.starts_at.data),
                "ends_at": from_local(self.ends_at.data)}


class CopyForm(Form):
    title = StringField(_l("Title of the copy"), validators=[DataRequired(), Length(max=200)])
    starts_at = _when(_l("New start (German time)"),
                      description=_l("The end, the agenda and the windows move by the same amount."))


class StatusForm(Form):
    note = TextAreaField(_l("Message to the people concerned (optional)"), validators=[Length(max=2000)])
