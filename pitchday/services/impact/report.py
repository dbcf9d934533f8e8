"""The hub's impact report: per camp and per quarter or year, what its events achieved.

Every figure is counted in the database, one grouped query per figure over all events in scope. Areas that
own figures this module cannot see (check-ins, jurors) register a counter in ``EXTRA_FIGURES``:
``register_figure("checkins", label, count)`` where ``count(event_ids) -> {event_id: number}``.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from ...berlin import BERLIN
from ...database import utcnow
from ...extensions import db
from ...models import (
    Application,
    ApplicationStatus,
    AttendeeType,
    Camp,
    Event,
    EventStatus,
    PitchSlot,
    Registration,
    RegistrationStatus,
)
from ...models.matchmaking import FollowUp, FollowUpKind, Meeting, MeetingRequest, MeetingStatus


@dataclass(frozen=True)
class Figure:
    key: str
    label: object
    count: Callable[[list[int]], dict[int, int]]


EXTRA_FIGURES: dict[str, Figure] = {}


def register_figure(key: str, label, count: Callable[[list[int]], dict[int, int]]) -> None:
    """Add a figure counted by another area; ``checkins`` and ``jurors`` are the ones the report shows."""
    EXTRA_FIGURES[key] = Figure(key, label, count)


ATTENDEE_TYPES = [t.value for t in AttendeeType]
FOLLOW_UP_KINDS = [k.value for k in FollowUpKind]
COLUMNS = (["events", "registrations", "checkins", "attendance_rate"] + [f"type_{t}" for t in ATTENDEE_TYPES]
           + ["applied", "pitched", "jurors", "meetings", "meetings_industry"]
           + [f"followup_{k}" for k in FOLLOW_UP_KINDS])


@dataclass
class Row:
    camp: str
    period: str
    figures: dict = field(default_factory=lambda: defaultdict(int))

    @property
    def attendance_rate(self) -> float | None:
        regs = self.figures["registrations"]
        return round(self.figures["checkins"] / regs, 3) if regs else None


@dataclass
class Report:
    rows: list[Row]
    total: Row
    has_checkins: bool
    has_jurors: bool


def period_of(moment: datetime, granularity: str) -> str:
    local = moment.astimezone(BERLIN)
    return str(local.year) if granularity == "year" else f"{local.year}-Q{(local.month - 1) // 3 + 1}"


def held_events(camp_ids: list[int] | None, year: int | None) -> list[Event]:
    """Published events that have ended, in the camps and year asked for."""
    query = sa.select(Event).where(Event.status == EventStatus.PUBLISHED, Event.ends_at <= utcnow())
    if camp_ids is not None:
        query = query.where(Event.camp_id.in_(camp_ids))
    events = db.session.scalars(query.order_by(Event.starts_at)).all()
    return [e for e in events if year is None or e.starts_at.astimezone(BERLIN).year == year]


def _grouped(query) -> dict:
    return {tuple(row[:-1]) if len(row) > 2 else row[0]: row[-1] for row in db.session.execute(query)}


def per_event_figures(event_ids: list[int]) -> dict[str, dict]:
    """{figure: {event_id (or (event_id, kind)): count}}, one grouped query each."""
    if not event_ids:
        return {}
    count = sa.func.count()
    confirmed = sa.and_(Registration.event_id.in_(event_ids), Registration.status == RegistrationStatus.CONFIRMED)
    figures = {
        "registrations": _grouped(sa.select(Registration.event_id, count).where(confirmed)
                                  .group_by(Registration.event_id)),
        "types": _grouped(sa.select(Registration.event_id, Registration.attendee_type, count).where(confirmed)
                          .group_by(Registration.event_id, Registration.attendee_type)),
        "applied": _grouped(sa.select(Application.event_id, sa.func.count(sa.distinct(Application.startup_id)))
                            .where(Application.event_id.in_(event_ids),
                                   Application.status != ApplicationStatus.DRAFT)
                            .group_by(Application.event_id)),
        "pitched": _grouped(sa.select(PitchSlot.event_id, count).where(PitchSlot.event_id.in_(event_ids))
                            .group_by(PitchSlot.event_id)),
        "meetings": _grouped(sa.select(Meeting.event_id, count).where(
            Meeting.event_id.in_(event_ids), Meeting.status == MeetingStatus.PLACED,
            Meeting.slot_index.is_not(None)).group_by(Meeting.event_id)),
        "meetings_industry": _grouped(
            sa.select(Meeting.event_id, count).join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
            .join(Registration, MeetingRequest.registration_id == Registration.id)
            .where(Meeting.event_id.in_(event_ids), Meeting.status == MeetingStatus.PLACED,
                   Meeting.slot_index.is_not(None), Registration.attendee_type == AttendeeType.INDUSTRY)
            .group_by(Meeting.event_id)),
        "followups": _grouped(sa.select(FollowUp.event_id, FollowUp.kind, count)
                              .where(FollowUp.event_id.in_(event_ids)).group_by(FollowUp.event_id, FollowUp.kind)),
    }
    for key, figure in EXTRA_FIGURES.items():
        figures[key] = figure.count(event_ids)
    return figures


def build_report(*, camp_ids: list[int] | None = None, year: int | None = None,
                 granularity: str = "quarter") -> Report:
    """Rows per (camp, period) and a total row; ``camp_ids=None`` means every camp."""
    events = held_events(camp_ids, year)
    figures = per_event_figures([e.id for e in events])
    camps = {c.id: c.name for c in db.session.scalars(sa.select(Camp))}
    rows: dict[tuple, Row] = {}
    total = Row(camp="", period="")
    for event in events:
        key = (camps[event.camp_id], period_of(event.starts_at, granularity))
        row = rows.setdefault(key, Row(*key))
        values = _event_values(event.id, figures)
        for target in (row, total):
            for name, value in values.items():
                target.figures[name] += value
    ordered = sorted(rows.values(), key=lambda r: (r.period, r.camp))
    return Report(ordered, total, "checkins" in EXTRA_FIGURES, "jurors" in EXTRA_FIGURES)


def _event_values(event_id: int, figures: dict) -> dict:
    get = lambda name: figures.get(name, {}).get(event_id, 0)  # noqa: E731
    values = {"events": 1, "registrations": get("registrations"), "checkins": get("checkins"),
              "applied": get("applied"), "pitched": get("pitched"), "jurors": get("jurors"),
              "meetings": get("meetings"), "meetings_industry": get("meetings_industry")}
    for t in ATTENDEE_TYPES:
        values[f"type_{t}"] = figures.get("types", {}).get((event_id, t), 0)
    for k in FOLLOW_UP_KINDS:
        values[f"followup_{k}"] = figures.get("followups", {}).get((event_id, k), 0)
    return values


def report_header() -> Iterator:
    """The CSV's column names, made as the file is written, so they come out in the file's language."""
    from .labels import attendee_type_label, follow_up_label

    yield from (_l("Camp"), _l("Period"))
    for column in COLUMNS:
        if column.startswith("type_"):
            yield attendee_type_label(column.removeprefix("type_"))
        elif column.startswith("followup_"):
            yield follow_up_label(column.removeprefix("followup_"))
        else:
            yield LABELS.get(column) or EXTRA_FIGURES[column].label


def report_rows(report: Report) -> Iterator[list]:
    """One row per camp and period, then the total; the CSV writer formats the attendance rate."""
    for row in report.rows:
        yield [row.camp, row.period, *_figures(row)]
    yield [_l("Total"), "", *_figures(report.total)]


def _figures(row: Row) -> list:
    return [row.attendance_rate if column == "attendance_rate" else row.figures[column] for column in COLUMNS]


LABELS = {
    "events": _l("Events held"), "registrations": _l("Registrations"), "checkins": _l("Check-ins"),
    "attendance_rate": _l("Attendance rate"), "applied": _l("Startups that applied"),
    "pitched": _l("Startups that pitched"), "jurors": _l("Jurors"), "meetings": _l("Meetings arranged"),
    "meetings_industry": _l("Meetings with industry"),
}


def report_years() -> list[int]:
    """Years in which events were held, newest first, for the filter."""
    starts = db.session.scalars(sa.select(Event.starts_at).where(Event.status == EventStatus.PUBLISHED,
                                                                  Event.ends_at <= utcnow())).all()
    return sorted({s.astimezone(BERLIN).year for s in starts}, reverse=True)
