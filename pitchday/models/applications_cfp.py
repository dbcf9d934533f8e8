"""The call for pitches of an event: its settings and its own questions."""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values
from ..extensions import db


class QuestionKind(enum.StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"


class CallForPitches(db.Model):
    """Per event: whether a deck is required, the rejection texts, and whether the line-up is published.

    The window itself lives on the event (``cfp_opens_at``/``cfp_closes_at``), which the event page shows.
    """

    __tablename__ = "calls_for_pitches"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    deck_required: Mapped[bool] = mapped_column(default=False)
    # Rejection texts per event, editable by the organisers; empty means the standard text.
    rejection_text_de: Mapped[str] = mapped_column(sa.Text, default="")
    rejection_text_en: Mapped[str] = mapped_column(sa.Text, default="")
    lineup_published_at = mapped_column(UTCDateTime())

    event = relationship("Event")
    questions: Mapped[list["CfpQuestion"]] = relationship(
        back_populates="call", cascade="all, delete-orphan", order_by="CfpQuestion.position")


class CfpQuestion(db.Model):
    __tablename__ = "cfp_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(sa.ForeignKey("calls_for_pitches.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    kind: Mapped[QuestionKind] = mapped_column(sa.Enum(QuestionKind, native_enum=False, length=20,
                                                       values_callable=enum_values))
    label: Mapped[str] = mapped_column(sa.String(300))
    # Choices of single and multiple choice questions, one per line.
    options: Mapped[str] = mapped_column(sa.Text, default="")
    required: Mapped[bool] = mapped_column(default=False)

    call: Mapped[CallForPitches] = relationship(back_populates="questions")

    @property
    def choices(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]
