"""Delivering outbox rows: claim, send, mark; retries with back-off; the sweep that finds what was missed.

A row is claimed by a conditional UPDATE (pending or failed -> sending) whose row count decides, so two workers,
or a worker and ``outbox flush``, never both send it. The mark after sending is a second commit: a worker killed
between the two leaves the row "sending"; after ``OUTBOX_CLAIM_TIMEOUT`` the sweep hands it out again and it is
sent with the same Message-ID, so the recipient's mail client shows one message (SMTP cannot promise more: the
server may have taken the message when the connection dropped).

Every function here works in its own database session and commits per row: delivery never joins, commits or
rolls back the caller's transaction.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.orm import Session

from ... import mail
from ...database import utcnow, write_intent, writers_queue
from ...extensions import db
from ...models.outbox import MessageState, OutboxMessage

log = logging.getLogger(__name__)
S = MessageState
# Waits after the 1st, 2nd, ... failed attempt; after the last one the message is given up.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2),
           timedelta(hours=12))
# A row due for longer than this without being sent lost its enqueue (the worker was down, Redis blinked).
SWEEP_GRACE = timedelta(seconds=30)
SENDABLE = (S.PENDING, S.FAILED)


@dataclass
class Outcome:
    state: MessageState | None  # None: another worker had it, or it was not due
    retry_in: timedelta | None = None


def _session() -> Session:
    return Session(db.engine, expire_on_commit=False)


def claim(row_id: int, *, force: bool = False) -> bool:
    """Take the row for sending; False when it is not sendable (already sent, claimed elsewhere, not yet due)."""
    now = utcnow()
    # Short writes in SQLite's queue of writers (as a registration's): the worker never makes a registration
    # that holds its place in that queue sleep in SQLite's busy handler.
    with _session() as session, write_intent(), writers_queue(db.engine):
        query = db.update(OutboxMessage).where(OutboxMessage.id == row_id, OutboxMessage.state.in_(SENDABLE))
        if not force:
            query = query.where(OutboxMessage.due_at <= now)
        result = session.execute(query.values(state=S.SENDING, claimed_at=now,
                                              attempts=OutboxMessage.attempts + 1))
        session.commit()
        return result.rowcount == 1


def deliver(row_id: int, *, force: bool = False) -> Outcome:
    """Claim, compose (when the row was written as a reference), send and mark one row. ``force`` sends a
    failed row before its retry is due (``outbox flush``)."""
    if not claim(row_id, force=force):
        return Outcome(None)
    with _session() as session:
        row = session.get(OutboxMessage, row_id)
        session.commit()  # end the read: on SQLite a snapshot older than others' writes could not write after
        content: dict = {}  # a message composed here is stored with the mark, for the mail log and a resend

        def mark(state: MessageState, **values):
            with write_intent(), writers_queue(db.engine):
                session.execute(db.update(OutboxMessage).where(OutboxMessage.id == row_id,
                                                               OutboxMessage.state == S.SENDING)
                                .values(state=state, claimed_at=None, **content, **values))
                session.commit()

        def mark_sent():
            mark(S.DELIVERED, delivered_at=utcnow(), last_error=None)
            marked.append(True)

        marked: list[bool] = []
        try:
            # Composed and built in a context of their own: what they read (the registration, the event for its
            # .ics) neither joins the caller's session nor holds a second pooled connection while it is sent.
            with current_app.app_context():
                message = mail.composed(row)
                if message is None:
                    mark(S.DISCARDED, last_error="Nothing to send any more: what the message was about changed "
                                                 "before it was sent.")
                    return Outcome(S.DISCARDED)
                if not mail.is_composed(row):
                    content.update(mail.stored_content(message))
                with force_locale(message.locale):  # attachments built now speak the recipient's language too
                    msg = mail.build_message(message, current_app.config["MAIL_SENDER"], message_id=row.message_id)
            mail.transport(msg, on_sent=mark_sent)
        except Exception as exc:  # any failure is kept on the row and retried; the error tells the organiser
            if marked:  # taken and marked; only closing the SMTP session failed
                log.warning("mail %s delivered, closing the connection failed: %s", row.message_id, exc)
                return Outcome(S.DELIVERED)
            return _failed(row, exc, mark)
    log.info("mail %s delivered to the %s backend: %s", row.message_id, current_app.config["MAIL_BACKEND"],
             row.template or row.subject)
    return Outcome(S.DELIVERED)


def _failed(row: OutboxMessage, exc: Exception, mark) -> Outcome:
    error = f"{type(exc).__name__}: {exc}"[:2000]
    attempts = row.attempts
    give_up = attempts > len(BACKOFF)
    retry_in = None if give_up else BACKOFF[attempts - 1]
    mark(S.GIVEN_UP if give_up else S.FAILED, last_error=error, due_at=utcnow() + (retry_in or timedelta()))
    log.warning("mail %s to %s failed (attempt %d%s): %s", row.message_id, row.recipient, attempts,
                ", given up" if give_up else f", next in {retry_in}", error)
    return Outcome(S.GIVEN_UP if give_up else S.FAILED, retry_in)


def reclaim_stale() -> list[int]:
    """Rows claimed longer ago than ``OUTBOX_CLAIM_TIMEOUT`` (their worker died) become due again."""
    cutoff = utcnow() - timedelta(seconds=current_app.config["OUTBOX_CLAIM_TIMEOUT"])
    stale = (OutboxMessage.state == S.SENDING, OutboxMessage.claimed_at < cutoff)
    with _session() as session:
        # Looked for first: on SQLite a write waits for every other writer, and there is rarely anything to do.
        ids = list(session.scalars(db.select(OutboxMessage.id).where(*stale)))
    if not ids:
        return []
    with _session() as session, write_intent():
        session.execute(db.update(OutboxMessage).where(OutboxMessage.id.in_(ids), *stale)
                                 .values(state=S.FAILED, due_at=utcnow(), claimed_at=None,
                                         last_error="The worker stopped while sending; sent again with the "
                                                    "same Message-ID."))
        session.commit()
    return ids


def due_ids(*, overdue_by: timedelta = timedelta(), limit: int | None = None, ignore_due: bool = False,
            after: int = 0) -> list[int]:
    with _session() as session:
        query = (db.select(OutboxMessage.id).where(OutboxMessage.state.in_(SENDABLE), OutboxMessage.id > after)
                 .order_by(OutboxMessage.id))
        if not ignore_due:
            query = query.where(OutboxMessage.due_at <= utcnow() - overdue_by)
        return list(session.scalars(query.limit(limit)))


def sweep(limit: int = 1000) -> list[int]:
    """Make stale claims due again and return the rows overdue for the worker to queue again."""
    reclaimed = reclaim_stale()
    return sorted(set(reclaimed) | set(due_ids(overdue_by=SWEEP_GRACE, limit=limit)))


def flush() -> dict[str, int]:
    """Try every pending or failed message once now, retries not yet due included; counts of the outcomes.

    A message that fails again keeps its next retry time and waits for the worker or the next flush."""
    reclaim_stale()
    counts: dict[str, int] = {}
    last = 0
    while ids := due_ids(ignore_due=True, limit=500, after=last):
        for row_id in ids:
            outcome = deliver(row_id, force=True)
            if outcome.state is not None:
                counts[str(outcome.state)] = counts.get(str(outcome.state), 0) + 1
        last = ids[-1]
    return counts


def counts_by_state() -> dict[str, int]:
    with _session() as session:
        rows = session.execute(db.select(OutboxMessage.state, db.func.count()).group_by(OutboxMessage.state))
        return {str(state): n for state, n in rows}
