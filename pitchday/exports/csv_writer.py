"""The one CSV writer: every CSV the app writes goes through it, so every cell is neutralised the same way.

Two dialects: German spreadsheet programs expect ``;`` between cells, a decimal comma and ``dd.mm.yyyy`` dates;
everyone else gets ``,``, a decimal point and ISO dates. Both start with a UTF-8 BOM so Excel reads umlauts.
Rows are written line by line, so a caller can stream an export of any size without holding it in memory.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from ..berlin import to_local

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    name: str
    delimiter: str
    decimal: str
    date_format: str
    datetime_format: str
    language: str  # of the headers and labels in the file


GERMAN = Dialect("de", ";", ",", "%d.%m.%Y", "%d.%m.%Y %H:%M", "de")
INTERNATIONAL = Dialect("intl", ",", ".", "%Y-%m-%d", "%Y-%m-%d %H:%M", "en")
DIALECTS = {d.name: d for d in (GERMAN, INTERNATIONAL)}


def neutralise(text: str) -> str:
    """Text that a spreadsheet would take as a formula, made plain text with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value, dialect: Dialect = GERMAN) -> str:
    """One value as the text of a cell: numbers and dates in the dialect's format, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return _number(value, dialect)
    if isinstance(value, datetime):
        local = to_local(value if value.tzinfo else value.replace(tzinfo=UTC))
        return local.strftime(dialect.datetime_format)
    if isinstance(value, date):
        return value.strftime(dialect.date_format)
    return neutralise(str(value))


def _number(value, dialect: Dialect) -> str:
    text = f"{value:.4f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", dialect.decimal)


def lines(header: Iterable, rows: Iterable[Iterable], dialect: Dialect = GERMAN) -> Iterator[str]:
    """The file as a stream of text chunks: the BOM, the header row, then one chunk per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")

    def line(values) -> str:
        writer.writerow([cell(v, dialect) for v in values])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield BOM + line(header)
    for row in rows:
        yield line(row)


def text(header: Iterable, rows: Iterable[Iterable], dialect: Dialect = GERMAN) -> str:
    """The whole file as one string, for small exports and tests."""
    return "".join(lines(header, rows, dialect))
