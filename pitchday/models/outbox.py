"""The outbox: every message the app sends, written in the same transaction as the change that causes it.

A worker delivers the rows after the commit (``services/outbox/delivery.py``); the row keeps the state, the
attempts and the last error, so a message is never lost to a mail server that is down and the organisers can
answer "did you send my ticket?".
"""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_values, utcnow
from ..extensions import db


class MessageState(enum.StrEnum):
    HELD = "held"  # a draft the organiser sends in a batch (decision mails)
    PENDING = "pending"  # due, waiting for the worker
    SENDING = "sending"  # claimed by a worker
    FAILED = "failed"  # failed for now; retried at due_at
    DELIVERED = "delivered"
    GIVEN_UP = "given_up"
    DISCARDED = "discarded"  # a draft the organiser chose not to send, or one a later decision replaced


class OutboxMessage(db.Model):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        sa.Index("ix_outbox_messages_state_due", "state", "due_at"),
        sa.Index("ix_outbox_messages_event", "event_id", "id"),
        sa.Index("ix_outbox_messages_topic", "topic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The Message-ID header, fixed when the row is written: a message sent twice after a crash between
    # sending and marking carries the same id both times, so mail clients show it once.
    message_id: Mapped[str] = mapped_column(sa.String(200), unique=True)
    template: Mapped[str] = mapped_column(sa.String(80), default="")
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))
    # What the message is about ("application:12"): a later draft on the same topic replaces a held one.
    topic: Mapped[str | None] = mapped_column(sa.String(80))
    recipient: Mapped[str] = mapped_column(sa.String(254))
    locale: Mapped[str] = mapped_column(sa.String(8), default="de")
    subject: Mapped[str] = mapped_column(sa.Text)
    body_text: Mapped[str] = mapped_column(sa.Text)
    body_html: Mapped[str | None] = mapped_column(sa.Text)
    # References the worker builds attachments from ({"ref": "ticket_qr", ...}), or small blobs (base64).
    attachments: Mapped[list] = mapped_column(sa.JSON, default=list)
    # A message composed when it is sent ({"kind": "registration", "args": {...}}): subject and text stay empty
    # until then (``mail.queue_composed_later``). None once composed, and for every message written in full.
    composer: Mapped[dict | None] = mapped_column(sa.JSON)
    state: Mapped[MessageState] = mapped_column(
        sa.Enum(MessageState, native_enum=False, length=16, values_callable=enum_values),
        default=MessageState.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    due_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    claimed_at = mapped_column(UTCDateTime())
    created_at = mapped_column(UTCDateTime(), default=utcnow, nullable=False)
    delivered_at = mapped_column(UTCDateTime())
    resent_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("outbox_messages.id", ondelete="SET NULL"))

    event = relationship("Event")
