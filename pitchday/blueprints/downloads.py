"""CSV downloads, shared by every export route: the dialect the reader asked for, streamed as it is written."""

from flask import Response, request, stream_with_context

from ..exports import csv_writer
from ..i18n import current_language


def csv_dialect() -> csv_writer.Dialect:
    """``?format=de`` or ``?format=intl``; otherwise German for German readers, international for everyone else."""
    asked = request.args.get("format")
    if asked in csv_writer.DIALECTS:
        return csv_writer.DIALECTS[asked]
    return csv_writer.GERMAN if current_language() == "de" else csv_writer.INTERNATIONAL


def csv_download(filename: str, header, rows, *, dialect: csv_writer.Dialect | None = None) -> Response:
    """A streamed attachment: the first bytes leave before the last row is read, memory stays flat."""
    chunks = csv_writer.lines(header, rows, dialect or csv_dialect())
    return Response(stream_with_context(chunks), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "private, no-store"})
