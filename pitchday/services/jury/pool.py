"""One juror pool for the hub: profiles across events, suggestions when inviting, load, and stakes that carry over.

A juror's *load* is the number of jury evenings they were asked to this quarter (Berlin time), whatever the camp.
A *stake* is a conflict they declared once (``Conflict``): it is flagged again at every later event where the
same startup pitches, so nobody has to remember it. Suggestions rank pool members by sector fit with the event,
then by the camp they serve, then by the lightest load; someone asked by another camp in the same week, or
already on a jury that day, is marked so the organiser can spare them.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa

from ...berlin import from_local, to_local
from ...database import utcnow
from ...extensions import db
from ...models import Application, Conflict, Event, EventStatus, Juror, JurorProfile, PitchSlot, Startup, User
from ...models.jury import JurorStatus

LANGUAGES = ("de", "en")


def profile_of(user: User) -> JurorProfile | None:
    return db.session.scalar(sa.select(JurorProfile).filter_by(user_id=user.id))


def save_profile(user: User, *, sector_slugs: str, languages: str, camp_slugs: str, organisation: str = "",
                 in_pool: bool = True) -> JurorProfile:
    """A juror keeps their own profile; the pool shows only people who chose to be in it."""
    profile = profile_of(user) or JurorProfile(user_id=user.id)
    profile.sector_slugs, profile.camp_slugs = sector_slugs, camp_slugs
    profile.languages = ",".join(lang for lang in languages.split(",") if lang in LANGUAGES) or "de"
    profile.organisation, profile.in_pool = organisation.strip()[:160], in_pool
    db.session.add(profile)
    db.session.flush()
    return profile


def quarter_of(moment: datetime) -> tuple[datetime, datetime]:
    """The Berlin calendar quarter containing ``moment``, as UTC bounds."""
    local = to_local(moment)
    first_month = 3 * ((local.month - 1) // 3) + 1
    start = datetime(local.year, first_month, 1)
    end = datetime(local.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
    return from_local(start), from_local(end)


def _asked(user_ids, start: datetime, end: datetime):
    """(user id, event) of every jury invitation not revoked, for events between start and end."""
    return db.session.execute(
        sa.select(Juror.user_id, Event).join(Event, Event.id == Juror.event_id)
        .where(Juror.user_id.in_(user_ids), Juror.status != JurorStatus.REVOKED,
               Event.status != EventStatus.CANCELLED, Event.starts_at >= start, Event.starts_at < end)).all()


@dataclass
class Candidate:
    user: User
    profile: JurorProfile
    sector_fit: int
    serves_camp: bool
    load: int
    busy_same_day: bool = False
    other_camp_same_week: list[str] = field(default_factory=list)
    stakes: list[str] = field(default_factory=list)


def suggestions(event: Event, limit: int = 8) -> list[Candidate]:
    """Pool members not yet on this event's jury, best fit first (a fixed number of queries)."""
    on_jury = sa.select(Juror.user_id).where(Juror.event_id == event.id)
    rows = db.session.execute(sa.select(JurorProfile, User).join(User, User.id == JurorProfile.user_id)
                              .where(JurorProfile.in_pool.is_(True), User.id.not_in(on_jury))).all()
    if not rows:
        return []
    wanted = set(event.sectors or event.camp.sectors)
    candidates = {user.id: Candidate(user=user, profile=profile, sector_fit=len(wanted & set(profile.sectors)),
                                     serves_camp=not profile.camps or event.camp.slug in profile.camps, load=0)
                  for profile, user in rows}
    start, end = quarter_of(event.starts_at)
    week_start = event.starts_at - timedelta(days=to_local(event.starts_at).weekday() + 1)
    for user_id, other in _asked(list(candidates), min(start, week_start), max(end, week_start + timedelta(days=8))):
        candidate = candidates[user_id]
        if start <= other.starts_at < end:
            candidate.load += 1
        if to_local(other.starts_at).date() == to_local(event.starts_at).date():
            candidate.busy_same_day = True
        same_week = to_local(other.starts_at).isocalendar()[:2] == to_local(event.starts_at).isocalendar()[:2]
        if same_week and other.camp_id != event.camp_id:
            candidate.other_camp_same_week.append(other.title)
    for user_id, startup_name in _stakes(list(candidates), event):
        candidates[user_id].stakes.append(startup_name)
    ranked = sorted(candidates.values(), key=lambda c: (c.busy_same_day, -c.sector_fit, not c.serves_camp, c.load,
                                                         c.user.name))
    return ranked[:limit]


def _lineup_startups(event: Event):
    return (sa.select(Application.startup_id).join(PitchSlot, PitchSlot.application_id == Application.id)
            .where(Application.event_id == event.id))


def _stakes(user_ids, event: Event):
    """(user id, startup name) for conflicts these people declared at other events about startups in this line-up."""
    return db.session.execute(
        sa.select(Juror.user_id, Startup.name).join(Conflict, Conflict.juror_id == Juror.id)
        .join(Startup, Startup.id == Conflict.startup_id)
        .where(Juror.user_id.in_(user_ids), Juror.event_id != event.id,
               Conflict.startup_id.in_(_lineup_startups(event))).distinct()).all()


def carried_stakes(event: Event) -> dict[int, list[str]]:
    """{juror id: [startup names]} for this event's jurors whose earlier declared stakes meet its line-up and
    that are not declared here yet: the organiser sees them flagged on the jury page."""
    jurors = {j.user_id: j for j in db.session.scalars(sa.select(Juror).where(Juror.event_id == event.id,
                                                                             Juror.status != JurorStatus.REVOKED))}
    if not jurors:
        return {}
    declared_here = {(c.juror_id, c.startup.name) for c in db.session.scalars(
        sa.select(Conflict).join(Juror).where(Juror.event_id == event.id))}
    flagged: dict[int, list[str]] = {}
    for user_id, startup_name in _stakes(list(jurors), event):
        juror = jurors[user_id]
        if (juror.id, startup_name) not in declared_here:
            flagged.setdefault(juror.id, []).append(startup_name)
    return flagged


@dataclass
class Evening:
    event: Event
    juror: Juror
    scored: int
    comments: int


def evenings_of(user: User) -> tuple[list[Evening], list[Evening]]:
    """A juror's jury evenings, upcoming (soonest first) and past (newest first), with what they scored."""
    from ...models import Score, ScoreSheet

    scored = (sa.select(sa.func.count(sa.distinct(Score.application_id))).where(Score.juror_id == Juror.id)
              .correlate(Juror).scalar_subquery())
    comments = (sa.select(sa.func.count()).select_from(ScoreSheet)
                .where(ScoreSheet.juror_id == Juror.id, ScoreSheet.comment != "")
                .correlate(Juror).scalar_subquery())
    rows = db.session.execute(
        sa.select(Juror, Event, scored, comments).join(Event, Event.id == Juror.event_id)
        .where(Juror.user_id == user.id, Juror.status != JurorStatus.REVOKED).order_by(Event.starts_at)).all()
    now = utcnow()
    evenings = [Evening(event=event, juror=juror, scored=s, comments=c) for juror, event, s, c in rows]
    return ([e for e in evenings if e.event.ends_at >= now], [e for e in reversed(evenings) if e.event.ends_at < now])
