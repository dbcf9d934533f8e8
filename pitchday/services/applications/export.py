"""The applications of an event as CSV that opens correctly in a German spreadsheet program.

UTF-8 with a byte order mark (so Excel reads umlauts) and ``;`` as separator (Excel's German default).
"""

import csv
import io

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from ...berlin import to_local
from ...extensions import db
from ...models import Application, ApplicationStatus, Event
from ...sectors import sector_label
from .call import call_for
from .labels import stage_label, status_label


def _cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet: make it plain text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def applications_csv(event: Event) -> bytes:
    call = call_for(event)
    questions = call.questions if call else []
    applications = db.session.scalars(
        db.select(Application).filter(Application.event_id == event.id, Application.status != ApplicationStatus.DRAFT)
        .options(selectinload(Application.startup), selectinload(Application.answers))
        .order_by(Application.submitted_at, Application.id))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_("Startup"), _("Status"), _("Submitted (Berlin time)"), _("One-line pitch"), _("Sectors"),
                     _("Stage"), _("Founding year"), _("City"), _("Website"), _("Contact person"),
                     _("Contact e-mail"), _("Pitch deck")] + [q.label for q in questions])
    for application in applications:
        s = application.startup
        answers = {a.question_id: a.value for a in application.answers}
        submitted = to_local(application.submitted_at)
        row = [s.name, status_label(application.status), submitted.strftime("%d.%m.%Y %H:%M") if submitted else "",
               s.one_liner, ", ".join(sector_label(x) for x in s.sectors), stage_label(s.stage),
               str(s.founded_year or ""), s.city, s.website, s.contact_name, s.contact_email,
               _("yes") if application.deck_filename else _("no")]
        row += [answers.get(q.id, "").replace("\n", ", ") if q.kind == "multiple_choice" else answers.get(q.id, "")
                for q in questions]
        writer.writerow([_cell(str(v)) for v in row])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")
