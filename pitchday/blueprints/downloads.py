"""CSV downloads, shared by every export route: the dialect the reader asked for, streamed as it is written.

The German file (``;``, decimal comma, German headers) is what German readers get; the international one (``,``,
decimal point, English headers and labels) is offered beside it (``?format=intl``, the ``csv_links`` macro).
Headers and labels should be lazy texts or be made while the rows are read, so they come out in the file's
language, which may differ from the page's.
"""

from flask import Response, request, stream_with_context
from flask_babel import force_locale

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
    dialect = dialect or csv_dialect()

    def chunks():
        with force_locale(dialect.language):
            yield from csv_writer.lines(header, rows, dialect)

    return Response(stream_with_context(chunks()), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "private, no-store"})
