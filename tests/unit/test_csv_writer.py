"""The one CSV writer: formulas are neutralised in every cell (headers too), and German readers get their format."""

from datetime import UTC, datetime

from pitchday.exports import csv_writer


def test_formula_cells_are_plain_text_in_header_and_rows():
    body = csv_writer.text(['=HYPERLINK("http://evil.example","x")'], [["+1", "-cmd", "@SUM(A1)", "\tx", "plain"]])
    header, row = body.lstrip(csv_writer.BOM).splitlines()
    assert header.startswith("\"'=HYPERLINK")
    assert row.split(";") == ["'+1", "'-cmd", "'@SUM(A1)", "'\tx", "plain"]


def test_german_dialect_uses_semicolons_decimal_comma_and_berlin_dates():
    stamp = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)
    body = csv_writer.text(["Wert", "Zeit"], [[6.5, stamp], [-1.25, None]])
    assert body.startswith(csv_writer.BOM)
    assert body.splitlines()[1:] == ["6,5;06.12.2026 18:30", "-1,25;"]


def test_international_dialect_uses_commas_decimal_points_and_iso_dates():
    stamp = datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    body = csv_writer.text(["value", "time"], [[6.5, stamp]], csv_writer.INTERNATIONAL)
    assert body.splitlines()[1] == "6.5,2026-07-01 12:00"


def test_rows_are_streamed_one_chunk_each():
    chunks = list(csv_writer.lines(["a"], ([n] for n in range(3))))
    assert len(chunks) == 4
