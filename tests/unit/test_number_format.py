"""Numbers on pages and in mails are written the way the reader's language writes them (Babel's CLDR data):
"64,8" and "6,5 %" in German, "64.8" and "6.5%" in English; halves round up; a missing value is a dash."""

import pytest
from flask import render_template_string
from flask_babel import force_locale

from pitchday.i18n import decimal_number, number, percent


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


@pytest.mark.parametrize(("locale", "expected"), [
    ("de", ["12.345", "64,8", "6,5", "+0,50", "-0,50", "1,5", "2", "6,5\u00a0%", "83\u00a0%", "–"]),
    ("en", ["12,345", "64.8", "6.5", "+0.50", "-0.50", "1.5", "2", "6.5%", "83%", "–"]),
])
def test_numbers_follow_the_locale(request_context, locale, expected):
    with force_locale(locale):
        assert [number(12345), decimal_number(64.83), decimal_number(6.45), decimal_number(0.5, 2, sign=True),
                decimal_number(-0.5, 2, sign=True), decimal_number(1.5, 0, 2), decimal_number(2.0, 0, 2),
                percent(0.065, 1), percent(0.833), decimal_number(None)] == expected


def test_halves_round_up_not_to_even(request_context):
    with force_locale("de"):
        assert (decimal_number(0.25), percent(0.125), number(2.5)) == ("0,3", "13\u00a0%", "3")


def test_the_template_filters_are_registered(request_context):
    with force_locale("de"):
        html = render_template_string("{{ 64.83|decimal }} {{ 0.065|percent(1) }} {{ 1234|number }}")
    assert html == "64,8 6,5\u00a0% 1.234"


def test_no_template_formats_numbers_by_hand():
    """Python's "%.1f" writes "64.8" on a German page: every number goes through the filters above."""
    import re
    from pathlib import Path

    import pitchday

    by_hand = re.compile(r"""["'][^"']*%[-+ 0#]*\d*(\.\d+)?[dfgeE%][^"']*["']\s*\|\s*format|\|\s*round\b|round\(""")
    found = [f"{path.name}: {match.group(0)}"
             for path in Path(pitchday.__file__).parent.glob("templates/**/*.*")
             for match in by_hand.finditer(path.read_text()) if "q_%d" not in match.group(0)]
    assert found == []


@pytest.mark.parametrize(("locale", "expected"), [("de", ["12.301–12.345 von 12.345", "Seite 247 von 247"]),
                                                  ("en", ["12,301–12,345 of 12,345", "Page 247 of 247"])])
def test_counts_in_sentences_are_grouped_too(app, locale, expected):
    """At ten times the data a pager says "von 12.345", not "von 12345" (the number goes in formatted)."""
    from pitchday.services.paging import Page

    with app.test_request_context("/events/?page=247"), force_locale(locale):
        html = render_template_string('{% from "_macros/paging.html" import pager %}{{ pager(page) }}',
                                      page=Page(items=[], total=12345, page=247, per_page=50))
    assert all(text in html for text in expected), html
