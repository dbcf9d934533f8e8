"""Publishing the jury's results: awards on the event page, and feedback to every startup that pitched."""

from dataclasses import dataclass

from flask_babel import gettext as _

from ... import mail
from ...errors import Conflict as ConflictError
from ...errors import Invalid
from ...extensions import db
from ...models import Application, Award, Event, JuryPublication, StartupMember, User
from ..accounts import account as accounts
from ..audit import trail as audit
from . import results as jury_results


def awards_of(event: Event) -> list[Award]:
    return list(db.session.scalars(db.select(Award).filter_by(event_id=event.id)
                                   .order_by(Award.position, Award.id)))


@dataclass(frozen=True)
class AwardCandidate:
    application_id: int
    startup: str
    rank: int | None  # place in the raw ranking; None while the pitch has no complete score
    score: float | None  # raw weighted mean, 0–100
    norm_rank: int | None


def award_candidates(results: jury_results.EventResults) -> list[AwardCandidate]:
    """Every pitch of the event in ranking order (raw weighted mean; unscored ones last, in running order), so
    the award form offers the winner first and never the running order's first."""
    slots = results.slot_by_app
    return [AwardCandidate(p.application_id, slots[p.application_id].startup.name, p.raw_rank, p.mean, p.norm_rank)
            for p in results.stats.ranked("raw_rank") if p.application_id in slots]


def add_award(event: Event, application: Application, *, title: str, position: int = 0, by=None) -> Award:
    title = (title or "").strip()
    if not title:
        raise Invalid(_("Name the award."), field="title")
    award = Award(event_id=event.id, application_id=application.id, title=title[:120], position=position)
    db.session.add(award)
    db.session.flush()
    audit.record(by, "jury.award_added", subject=award, event=event,
                 after={"title": award.title, "startup": application.startup.name})
    return award


def remove_award(event: Event, award_id: int, *, by=None) -> None:
    award = db.session.get(Award, award_id)
    if award is None or award.event_id != event.id:
        raise Invalid(_("No such award."))
    audit.record(by, "jury.award_removed", subject=award, event=event, before={"title": award.title})
    db.session.delete(award)
    db.session.flush()


@dataclass
class FeedbackRow:
    name: str
    scale: str
    mine: float | None
    field_median: float | None


@dataclass
class Feedback:
    application: Application
    rows: list[FeedbackRow]
    comments: list[str]
    count: int


def feedback_for(results: jury_results.EventResults, application: Application) -> Feedback:
    """Criterion by criterion: this pitch's mean against the field's median, and the comments; no names."""
    pitch = results.pitch(application.id)
    rows = [FeedbackRow(c.name, f"{c.scale_min}–{c.scale_max}", pitch.criterion_means.get(c.id) if pitch else None,
                        results.field_median(c.id)) for c in results.criteria]
    return Feedback(application, rows, results.comments.get(application.id, []), pitch.count if pitch else 0)


def publish(event: Event, *, by: User) -> int:
    """Make results public once; e-mails each startup that pitched its feedback. Returns the mails queued."""
    if db.session.get(JuryPublication, event.id) is not None:
        raise ConflictError(_("The results are published already."), code="published")
    db.session.add(JuryPublication(event_id=event.id, published_by_id=by.id))
    audit.record(by, "jury.results_published", subject=event)
    db.session.flush()
    results = jury_results.load(event)
    startup_ids = [s.application.startup_id for s in results.slots]
    members = db.session.execute(db.select(StartupMember.startup_id, User).join(User, StartupMember.user_id == User.id)
                                 .filter(StartupMember.startup_id.in_(startup_ids))).all()
    by_startup: dict[int, list[User]] = {}
    for startup_id, user in members:
        by_startup.setdefault(startup_id, []).append(user)
    sent = 0
    for slot in results.slots:
        application = slot.application
        feedback = feedback_for(results, application)
        link = accounts.external_url("jury_results.feedback", event_id=event.id, application_id=application.id)
        recipients = {u.email.lower(): u.locale for u in by_startup.get(application.startup_id, [])}
        if application.startup.contact_email:
            recipients.setdefault(application.startup.contact_email.lower(), "de")
        for email, locale in recipients.items():
            mail.queue(mail.render("jury_feedback", to=email, locale=locale, event=event, feedback=feedback,
                                   startup=application.startup, link=link))
            sent += 1
    return sent
