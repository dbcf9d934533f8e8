"""The impact report's pygal charts as the page embeds them: plain <svg> with nothing the strict CSP refuses,
named for screen readers, numbers in the reader's language; and the stylesheet served beside them."""

from flask_babel import force_locale

from pitchday.services.impact.charts import chart_css, line_chart
from pitchday.services.registrations.tickets import qr_svg


def test_a_chart_is_plain_inline_svg_without_script_or_style(app):
    with app.test_request_context(), force_locale("de"):
        qr_svg("ticket-secret-xyz")  # the QR library registers its own "svg" namespace prefix first
        chart = line_chart("registrations", "Anmeldungen", ["2025-Q1", "2025-Q2"],
                           [("Essen", [1200, None]), ("Bochum", [3, 4])])
    svg = chart.svg
    assert svg.startswith('<svg class="pygal-chart"') and 'xmlns="http://www.w3.org/2000/svg"' in svg
    assert "svg:" not in svg and "ns0:" not in svg
    assert "<script" not in svg and "<style" not in svg and "style=" not in svg
    assert 'role="img"' in svg and 'aria-label="Anmeldungen"' in svg
    assert "<desc>Essen: 2025-Q1 1.200; Bochum: 2025-Q1 3, 2025-Q2 4</desc>" in svg
    assert ">1.000<" in svg  # the axis in German


def test_the_stylesheet_colours_each_line_and_stays_inside_the_charts(app):
    with app.app_context():
        css = chart_css()
    rules = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    assert rules and all(s.strip().startswith("svg.pygal-chart") for rule in rules for s in rule.split(","))
    assert "svg.pygal-chart .color-0" in css and "#0b4f6c" in css.lower()
