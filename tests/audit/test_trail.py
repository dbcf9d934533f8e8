"""Writing the trail: each change by staff leaves one entry with who, when, what and from what to what, in the
change's own transaction; the database keeps entries as written."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from pitchday.database import utcnow
from pitchday.enums import Role
from pitchday.models import AuditEntry, EventStatus
from pitchday.services.accounts import roles
from pitchday.services.applications import selection
from pitchday.services.audit import trail as audit
from pitchday.services.events import schedule


def test_publishing_an_event_records_who_when_and_the_status_change(db, event, organiser, entries):
    before = utcnow()
    schedule.publish(event, by=organiser)
    db.session.commit()
    [entry] = entries("event.published")
    assert (entry.actor_id, entry.actor_name, entry.actor_email) == (organiser.id, "Olga Orga", "orga@example.org")
    assert before - timedelta(seconds=1) <= entry.at <= utcnow()
    assert (entry.camp_id, entry.event_id, entry.subject_type, entry.subject_id) == (
        event.camp_id, event.id, "event", event.id)
    assert entry.subject_label == "Pitch Day Essen"
    assert (entry.before, entry.after) == ({"status": "draft"}, {"status": "published"})


def test_postponing_cancelling_and_editing_are_recorded(db, event, organiser, entries):
    schedule.publish(event, by=organiser)
    schedule.postpone(event, by=organiser, note="Venue flooded")
    new_start = event.starts_at + timedelta(days=7)
    schedule.update(event, by=organiser, starts_at=new_start, ends_at=event.ends_at + timedelta(days=7),
                    title="Pitch Day Essen (new date)")
    schedule.cancel(event, by=organiser)
    db.session.commit()
    assert [e.action for e in entries("event.")] == ["event.published", "event.postponed", "event.updated",
                                             "event.cancelled"]
    postponed, updated = entries("event.postponed")[0], entries("event.updated")[0]
    assert postponed.after == {"status": "postponed", "note": "Venue flooded"}
    assert updated.before["title"] == "Pitch Day Essen"
    assert updated.after["title"] == "Pitch Day Essen (new date)"
    assert updated.after["starts_at"] == new_start.isoformat()
    assert set(updated.after) == {"title", "starts_at", "ends_at"}  # only what changed


def test_a_decision_is_recorded_with_both_statuses(db, application, organiser, entries):
    selection.decide(application, "shortlisted", by=organiser)
    db.session.commit()
    [entry] = entries("application.decided")
    assert entry.subject_label == "Kohlekraft"
    assert (entry.before, entry.after) == ({"status": "submitted"}, {"status": "shortlisted"})
    assert entry.event_id == application.event_id and entry.camp_id == application.event.camp_id


def test_a_rolled_back_change_leaves_no_entry(db, event, organiser, entries):
    schedule.publish(event, by=organiser)
    db.session.rollback()
    assert entries("event.") == []
    assert db.session.get(type(event), event.id).status == EventStatus.DRAFT


def test_a_skipped_step_of_a_bulk_decision_leaves_no_entry(db, application, organiser, entries):
    selection.decide_many([application], "accepted", by=organiser)  # submitted cannot become accepted: skipped
    selection.decide_many([application], "rejected", by=organiser)
    db.session.commit()
    assert [(e.before, e.after) for e in entries("application.")] == [({"status": "submitted"}, {"status": "rejected"})]


def test_role_changes_are_recorded_in_the_camps_trail(db, camps, hub_admin, member, entries):
    roles.grant(actor=hub_admin, user=member, role=Role.CAMP_ORGANISER, camp=camps["essen"])
    roles.revoke(actor=hub_admin, user=member, role=Role.CAMP_ORGANISER, camp=camps["essen"])
    db.session.commit()
    granted, revoked = entries("role.granted")[-1], entries("role.revoked")[0]
    assert granted.camp_id == camps["essen"].id and granted.actor_name == "Ada Admin"
    assert granted.after == {"role": "camp_organiser", "person": "member@example.org"}
    assert revoked.before == {"role": "camp_organiser", "person": "member@example.org"}


def test_an_export_is_on_record_even_though_its_request_commits_nothing(app, db, event, organiser, entries):
    audit.record_export(organiser, "registrations", rows=12, subject=event)
    db.session.rollback()  # the request's own transaction ends without a commit
    [entry] = entries("export.registrations")
    assert entry.after == {"rows": 12} and entry.camp_id == event.camp_id and entry.actor_id == organiser.id


def test_actions_must_be_dotted_codes(db, organiser):
    with pytest.raises(ValueError):
        audit.record(organiser, "Published!")


def test_entries_cannot_be_changed_or_deleted_in_the_database(db, event, organiser, entries):
    schedule.publish(event, by=organiser)
    db.session.commit()
    with pytest.raises(sa.exc.DatabaseError):
        db.session.execute(sa.update(AuditEntry).values(actor_name="Someone else"))
    db.session.rollback()
    with pytest.raises(sa.exc.DatabaseError):
        db.session.execute(sa.delete(AuditEntry))
    db.session.rollback()
    assert [e.actor_name for e in entries("event.")] == ["Olga Orga"]


def test_agenda_and_line_up_changes_are_recorded(db, event, organiser, entries):
    from pitchday.models import AgendaBlock, BlockKind
    from pitchday.services.applications import running_order
    from pitchday.services.events import agenda

    block = db.session.scalar(sa.select(AgendaBlock).where(AgendaBlock.event_id == event.id))
    agenda.update_block(block, by=organiser, kind=BlockKind.PITCH_BLOCK, title="Die Pitches",
                        starts_at=block.starts_at, ends_at=block.ends_at)
    agenda.remove_block(block, by=organiser)
    running_order.publish(event, by=organiser)
    running_order.publish(event, by=organiser)  # already published: nothing changes, nothing recorded
    db.session.commit()
    assert [(e.action, e.before, e.after) for e in entries("event.") if "block" in e.action] == [
        ("event.block_changed", {"title": "Pitches"}, {"title": "Die Pitches"}),
        ("event.block_removed", {"title": "Die Pitches", "starts_at": block.starts_at.isoformat(),
                                 "ends_at": block.ends_at.isoformat()}, {})]
    assert [e.action for e in entries("application.")] == ["application.lineup_published"]


def test_an_export_in_a_request_that_writes_joins_its_transaction(app, db, event, organiser, entries):
    from pitchday.database import write_intent

    with write_intent():
        audit.record_export(organiser, "registrations", rows=3, subject=event)
        db.session.rollback()
        assert entries("export.") == []
        audit.record_export(organiser, "registrations", rows=3, subject=event)
        db.session.commit()
    assert [e.after for e in entries("export.")] == [{"rows": 3}]


def test_camp_page_call_and_registration_questions_are_recorded(db, camps, event, organiser, entries):
    from pitchday.services import camps as camp_service
    from pitchday.services.applications import call
    from pitchday.services.registrations import questions

    camp_service.update(camps["essen"], by=organiser, name="Camp Essen", contact_phone="0201 123")
    call.update_call(event, by=organiser, opens_at=event.cfp_opens_at, closes_at=event.cfp_closes_at,
                     deck_required=True)
    question = questions.add(event, "Dietary needs?", by=organiser)
    questions.remove(question, by=organiser)
    db.session.commit()
    camp_entry = entries("camp.updated")[0]
    assert camp_entry.camp_id == camps["essen"].id and camp_entry.after == {"contact_phone": "0201 123"}
    assert entries("application.call_changed")[0].after == {"deck_required": True}
    assert [(e.action, e.subject_label, e.event_id) for e in entries("registration.")] == [
        ("registration.question_added", "Dietary needs?", event.id),
        ("registration.question_removed", "Dietary needs?", event.id)]


def test_an_organisers_challenge_decision_is_recorded_and_the_companys_own_moves_are_not(
        db, camps, organiser, entries):
    from pitchday.models import ChallengeStatus, Company
    from pitchday.services.challenges import review
    from tests.challenges.conftest import make_challenge

    company = Company(slug="stahlwerk", name="Stahlwerk Ruhr GmbH", sector_slugs="energy", city="Duisburg")
    db.session.add(company)
    db.session.flush()
    challenge = make_challenge(db, company, camps["essen"], status=ChallengeStatus.IN_REVIEW)
    review.move(challenge, ChallengeStatus.RETURNED, by=organiser, note="Bitte den Pilot genauer beschreiben.")
    review.move(challenge, ChallengeStatus.IN_REVIEW, by=organiser)  # sent again: the company's move
    db.session.commit()
    [entry] = entries("challenge.")
    assert (entry.action, entry.camp_id, entry.subject_label) == ("challenge.returned", camps["essen"].id,
                                                                  "Abwärme nutzen")
    assert entry.after == {"status": "returned", "note": "Bitte den Pilot genauer beschreiben."}


def test_reopening_a_jurors_submitted_scores_is_recorded(db, camps, organiser, entries):
    from pitchday.models import ScoreSheet
    from pitchday.services.jury import scoring
    from tests.jury.conftest import make_event as make_pitch_day
    from tests.jury.conftest import make_juror, pitches

    pitch_day = make_pitch_day(camps["essen"])
    juror = make_juror(pitch_day, "jana@example.org", "Jana Juror")
    first = pitches(pitch_day)[0]
    db.session.add(ScoreSheet(event_id=pitch_day.id, juror_id=juror.id, application_id=first.id,
                              submitted_at=utcnow()))
    db.session.commit()
    scoring.reopen(juror, first, by=organiser)
    db.session.commit()
    [entry] = entries("jury.sheet_reopened")
    assert (entry.subject_label, entry.event_id, entry.after) == ("Startup A", pitch_day.id,
                                                                  {"person": "Jana Juror"})
