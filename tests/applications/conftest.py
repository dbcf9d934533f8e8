"""Fixtures of the applications area: an Essen pitch day with an open call, a founder with a startup, PDFs."""

from datetime import timedelta

import pytest

from pitchday.database import utcnow
from pitchday.models import (
    AgendaBlock,
    BlockKind,
    CallForPitches,
    CfpQuestion,
    Event,
    EventStatus,
    EventType,
    MemberRole,
    QuestionKind,
    Startup,
    StartupMember,
)
from tests.conftest import create_user


def make_pdf(pages: int = 1, padding: int = 0) -> bytes:
    """A small valid PDF (correct xref offsets), optionally padded with a comment to a given size."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + i} 0 R' for i in range(pages))}] /Count {pages} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    if padding:
        out += b"%" + b"x" * padding + b"\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture
def pdf():
    return make_pdf()


def make_event(db, camp, *, title="Pitch Day Essen", days=30, call_open=True, deck_required=False,
               questions=True) -> Event:
    now = utcnow()
    starts = (now + timedelta(days=days)).replace(hour=16, minute=0, second=0, microsecond=0)
    event = Event(camp_id=camp.id, title=title, type=EventType.PITCH_DAY, starts_at=starts,
                  ends_at=starts + timedelta(hours=4), status=EventStatus.PUBLISHED, sector_slugs="energy,fintech",
                  cfp_opens_at=now - timedelta(days=5) if call_open else now + timedelta(days=1),
                  cfp_closes_at=now + timedelta(days=10), pitch_minutes=5, qa_minutes=5)
    event.blocks.append(AgendaBlock(kind=BlockKind.PITCH_BLOCK, title="Pitches", starts_at=starts + timedelta(hours=1),
                                    ends_at=starts + timedelta(hours=1, minutes=30)))
    db.session.add(event)
    db.session.flush()
    call = CallForPitches(event_id=event.id, deck_required=deck_required)
    if questions:
        call.questions = [
            CfpQuestion(position=1, kind=QuestionKind.LONG_TEXT, label="What problem do you solve?", required=True),
            CfpQuestion(position=2, kind=QuestionKind.SINGLE_CHOICE, label="Team size", options="1-3\n4-10\n11+"),
            CfpQuestion(position=3, kind=QuestionKind.MULTIPLE_CHOICE, label="Looking for",
                        options="Investment\nPilot customers\nMentoring"),
            CfpQuestion(position=4, kind=QuestionKind.YES_NO, label="Incorporated?"),
        ]
    db.session.add(call)
    db.session.commit()
    return event


@pytest.fixture
def event(db, camps):
    return make_event(db, camps["essen"])


@pytest.fixture
def founder(db, camps):
    return create_user("founder@example.org", "Frida Founder")


def make_startup(db, user, name="Kohlekraft", sectors="energy", public=True) -> Startup:
    startup = Startup(slug=name.lower(), name=name, one_liner=f"{name} makes energy smarter", sector_slugs=sectors,
                      contact_name=user.name, contact_email=user.email, is_public=public)
    startup.members.append(StartupMember(user_id=user.id, role=MemberRole.FOUNDER))
    db.session.add(startup)
    db.session.commit()
    return startup


@pytest.fixture
def startup(db, founder):
    return make_startup(db, founder)


@pytest.fixture(autouse=True)
def _collect_garbage_at_teardown():
    """Collect garbage while the test that made it is still running, so a leak is blamed on the right test."""
    yield
    import gc

    gc.collect()
