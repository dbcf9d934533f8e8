"""What the impact report leads with: a few headline figures for the selection, and its figures over time per
camp as the charts draw them."""

from dataclasses import dataclass

from flask_babel import gettext as _

from .charts import Chart, line_chart
from .report import FOLLOW_UP_KINDS, Report, Row


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: float | int | None
    kind: str  # "number" or "percent", the filter the page writes it with


def outcomes(row: Row) -> int:
    """Follow-ups of every kind: what came of the pitch days."""
    return sum(row.figures[f"followup_{k}"] for k in FOLLOW_UP_KINDS)


def headlines(report: Report) -> list[Headline]:
    total = report.total
    return [
        Headline("events", _("Events held"), total.figures["events"], "number"),
        Headline("attendance_rate", _("Attendance rate"),
                 total.attendance_rate if report.has_checkins else None, "percent"),
        Headline("industry", _("Industry guests"), total.figures["type_industry"], "number"),
        Headline("meetings", _("Meetings arranged"), total.figures["meetings"], "number"),
        Headline("outcomes", _("Outcomes"), outcomes(total), "number"),
    ]


def charts(report: Report) -> list[Chart]:
    """Small multiples: one chart per figure, one line per camp over the selection's periods."""
    periods = sorted({row.period for row in report.rows})
    camps = sorted({row.camp for row in report.rows})
    cells = {(row.camp, row.period): row for row in report.rows}
    figures = [("registrations", _("Registrations"), lambda r: r.figures["registrations"])]
    if report.has_checkins:  # not drawn as zeros where no check-in counter is registered
        figures.append(("checkins", _("Check-ins"), lambda r: r.figures["checkins"]))
    figures += [("meetings", _("Meetings arranged"), lambda r: r.figures["meetings"]),
                ("outcomes", _("Outcomes"), outcomes)]
    # Every camp's name starts with "Camp": the legend leaves it out so the longest ("Mülheim an der Ruhr") fits.
    return [line_chart(key, title, periods,
                       [(camp.removeprefix("Camp "),
                         [value(cells[camp, p]) if (camp, p) in cells else None for p in periods])
                        for camp in camps])
            for key, title, value in figures]
