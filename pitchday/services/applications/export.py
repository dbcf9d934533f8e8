"""The applications of an event as a header and rows for the one CSV writer (``exports/csv_writer.py``), which
neutralises formulas (names, answers and the organisers' question labels are typed by others) and writes the
German or the international dialect. Rows are read as the file is written."""

from collections.abc import Iterator

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ...extensions import db
from ...models import Application, ApplicationStatus, Event
from ...sectors import sector_label
from .call import call_for
from .labels import stage_label, status_label

COLUMNS = [_l("Startup"), _l("Status"), _l("Submitted (Berlin time)"), _l("One-line pitch"), _l("Sectors"),
           _l("Stage"), _l("Founding year"), _l("City"), _l("Website"), _l("Contact person"), _l("Contact e-mail"),
           _l("Pitch deck")]


def applications_table(event: Event) -> tuple[list, Iterator[list]]:
    """The header (fixed columns, then the call's questions) and the submitted applications, oldest first."""
    call = call_for(event)
    questions = list(call.questions) if call else []
    return COLUMNS + [q.label for q in questions], _rows(event, questions)


def _rows(event: Event, questions) -> Iterator[list]:
    applications = db.session.scalars(
        db.select(Application).filter(Application.event_id == event.id, Application.status != ApplicationStatus.DRAFT)
        .options(selectinload(Application.startup), selectinload(Application.answers))
        .order_by(Application.submitted_at, Application.id))
    for application in applications:
        s = application.startup
        answers = {a.question_id: a.value for a in application.answers}
        row = [s.name, status_label(application.status), application.submitted_at, s.one_liner,
               ", ".join(sector_label(x) for x in s.sectors), stage_label(s.stage), s.founded_year, s.city,
               s.website, s.contact_name, s.contact_email, _l("yes") if application.deck_filename else _l("no")]
        row += [answers.get(q.id, "").replace("\n", ", ") if q.kind == "multiple_choice" else answers.get(q.id, "")
                for q in questions]
        yield row
