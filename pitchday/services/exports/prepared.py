"""Exports the worker prepares: a CSV of a very large event written to a file in the background, then
downloaded from the list page, so no browser waits minutes and no web process is busy meanwhile.

Areas register a ``Source`` per kind (``register_source``: the file name, header and rows, the same the streamed
download uses), so a prepared file is exactly the download's. An organiser asks (``ask``); after the commit the
worker is told (``start``), and the minutely ``sweep`` finds what a lost hint or a dead worker left behind. The
worker claims a row with a conditional UPDATE (pending -> running), so two workers never write one file; the
file is written beside its final name and renamed, so a download never reads half a file. Files and their rows
are deleted ``EXPORT_KEEP_HOURS`` after they were written (``purge``).
"""

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app, has_request_context
from flask_babel import force_locale

from ...database import utcnow, write_intent
from ...exports import csv_writer
from ...extensions import db
from ...models import Event
from ...models.exports import ExportState, PreparedExport

log = logging.getLogger(__name__)
S = ExportState
# An export asked for this long ago and not started lost its hint; one running this long lost its worker.
UNSTARTED_GRACE = timedelta(seconds=30)
RUNNING_TIMEOUT = timedelta(minutes=30)
SHOWN = 5  # the latest exports of an event the list page shows


@dataclass(frozen=True)
class Source:
    file_name: str  # the name the download is saved under
    header: list
    rows: Iterable


SOURCES: dict[str, Callable[[Event], Source]] = {}


def register_source(kind: str, build: Callable[[Event], Source]) -> None:
    SOURCES[kind] = build


def offered(row_count: int) -> bool:
    """Whether a list this long also offers its file prepared by the worker."""
    return row_count >= current_app.config["EXPORT_IN_WORKER_FROM"]


def ask(event: Event, *, by, kind: str, dialect: str) -> PreparedExport:
    """An export of ``event`` for ``by``; one already pending or running in that format is returned instead of a
    second. The caller commits, then calls ``start``."""
    if kind not in SOURCES or dialect not in csv_writer.DIALECTS:
        raise ValueError(f"unknown export {kind!r} in format {dialect!r}")
    underway = db.session.scalar(sa.select(PreparedExport).where(
        PreparedExport.event_id == event.id, PreparedExport.kind == kind, PreparedExport.dialect == dialect,
        PreparedExport.state.in_((S.PENDING, S.RUNNING))).limit(1))
    if underway is not None:
        return underway
    export = PreparedExport(event_id=event.id, requested_by_id=getattr(by, "id", None), kind=kind, dialect=dialect)
    db.session.add(export)
    db.session.flush()
    return export


def start(export_id: int) -> None:
    """Tell the worker (after the commit). A lost hint costs only time: the sweep finds the export."""
    hint = current_app.extensions.get("pitchday.export_start")
    if hint is None:
        return
    try:
        hint(export_id)
    except Exception:
        log.warning("could not tell the worker about export %d; the sweep will start it", export_id, exc_info=True)


def recent(event: Event, kind: str) -> list[PreparedExport]:
    return list(db.session.scalars(sa.select(PreparedExport).where(
        PreparedExport.event_id == event.id, PreparedExport.kind == kind)
        .order_by(PreparedExport.id.desc()).limit(SHOWN)))


def load(event_id: int, export_id: int) -> PreparedExport | None:
    export = db.session.get(PreparedExport, export_id)
    return export if export is not None and export.event_id == event_id else None


def file_of(export: PreparedExport) -> Path | None:
    """The written file of a ready export, or None."""
    if export.state != S.READY:
        return None
    path = _folder() / export.file_name
    return path if path.is_file() else None


def _folder() -> Path:
    return Path(current_app.config["EXPORT_DIR"])


def _set(export_id: int, *conditions, **values) -> bool:
    db.session.rollback()  # end the read first: on SQLite an old snapshot could not write
    with write_intent():
        changed = db.session.execute(sa.update(PreparedExport).where(PreparedExport.id == export_id, *conditions)
                                     .values(**values)).rowcount == 1
        db.session.commit()
    return changed


def prepare(export_id: int) -> ExportState | None:
    """Write the export's file (the worker's task); None when another worker has it or it is done."""
    if not _set(export_id, PreparedExport.state == S.PENDING, state=S.RUNNING, started_at=utcnow()):
        return None
    export = db.session.get(PreparedExport, export_id)
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{export.file_name}.{os.getpid()}.part"
    try:
        rows = _write(export, partial)
        os.replace(partial, folder / export.file_name)
    except Exception as exc:  # kept on the row for the organiser; the streamed download still works
        partial.unlink(missing_ok=True)
        log.exception("export %d failed", export_id)
        _set(export_id, state=S.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=utcnow())
        return S.FAILED
    _set(export_id, state=S.READY, rows=rows, size=(folder / export.file_name).stat().st_size,
         finished_at=utcnow())
    return S.READY


def _write(export: PreparedExport, path: Path) -> int:
    dialect = csv_writer.DIALECTS[export.dialect]
    count = 0

    def counted(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield row

    # Labels and lazy texts need a request context (the worker has none) and come out in the file's language.
    context = current_app.test_request_context("/") if not has_request_context() else contextlib.nullcontext()
    with context, force_locale(dialect.language), path.open("w", encoding="utf-8", newline="") as out:
        source = SOURCES[export.kind](export.event)
        for chunk in csv_writer.lines(source.header, counted(source.rows), dialect):
            out.write(chunk)
    return count


def sweep() -> list[int]:
    """Exports to start (again): asked for and never started, or whose worker stopped while writing."""
    now = utcnow()
    with write_intent():
        db.session.execute(sa.update(PreparedExport).where(
            PreparedExport.state == S.RUNNING, PreparedExport.started_at < now - RUNNING_TIMEOUT)
            .values(state=S.PENDING, started_at=None))
        db.session.commit()
    return list(db.session.scalars(sa.select(PreparedExport.id).where(
        PreparedExport.state == S.PENDING, PreparedExport.created_at < now - UNSTARTED_GRACE)))


def purge() -> int:
    """Delete the files and rows of exports written more than EXPORT_KEEP_HOURS ago; how many."""
    cutoff = utcnow() - timedelta(hours=current_app.config["EXPORT_KEEP_HOURS"])
    old = list(db.session.scalars(sa.select(PreparedExport).where(
        PreparedExport.state.in_((S.READY, S.FAILED)), PreparedExport.finished_at < cutoff)))
    ids = [export.id for export in old]
    for export in old:
        (_folder() / export.file_name).unlink(missing_ok=True)
    if ids:
        db.session.rollback()  # the read ends before the write (SQLite)
        with write_intent():
            db.session.execute(sa.delete(PreparedExport).where(PreparedExport.id.in_(ids)))
            db.session.commit()
    return len(ids)
