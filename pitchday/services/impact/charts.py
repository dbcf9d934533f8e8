"""The impact report's charts: lines over time, one per camp, drawn on the server by pygal as SVG and put into
the page itself. The page's strict CSP allows no inline script or style, so each SVG is cleaned here: pygal's
script and tooltip (which needs it) go, its <style> is served once as a same-origin stylesheet (``chart_css``),
and the chart gets a name and a description for screen readers, which the page backs with a data table."""

import functools
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pygal
from pygal.style import Style

from ...i18n import number

# pygal puts an old-style import hook at the end of sys.meta_path for its map plugins (which we do not use); Python
# warns about it on every import that reaches it, so it is taken out again.
sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"]

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
SCOPE = "svg.pygal-chart"
MAX_SERIES = 12  # the stylesheet colours this many lines; the hub has six camps
# Six colours a reader tells apart, each at least 3:1 against white (WCAG 1.4.11), from the site's palette.
PALETTE = ("#0b4f6c", "#c2410c", "#2f7d3f", "#8b3a62", "#5b5b5b", "#8a6d00")
STYLE = Style(
    font_family='system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
    background="transparent", plot_background="#ffffff", foreground="#1b2430", foreground_strong="#1b2430",
    foreground_subtle="#cfd8df", colors=PALETTE, opacity=".9", opacity_hover="1", transition="0s",
    title_font_size=20, legend_font_size=18, label_font_size=16, major_label_font_size=16, value_font_size=16,
    tooltip_font_size=16, no_data_font_size=20,
)
# Sized so the text stays readable when a phone shows the chart about 350 px wide.
CONFIG = {"style": STYLE, "js": [], "disable_xml_declaration": True, "no_prefix": True, "width": 520, "height": 360,
          "legend_at_bottom": True, "legend_at_bottom_columns": 2, "dots_size": 4, "stroke_style": {"width": 3},
          "show_minor_y_labels": False, "include_x_axis": True, "truncate_legend": -1, "truncate_label": -1,
          "print_values": False, "margin": 12, "margin_right": 44, "spacing": 12}


@dataclass
class Chart:
    key: str
    title: str
    periods: list[str]
    series: list[tuple[str, list[int | None]]]  # (camp, value per period; None where it held no event)
    svg: str


def _clean(svg_text: str, title: str, description: str) -> str:
    """pygal's SVG without script, inline style or tooltip, named for screen readers."""
    root = ET.fromstring(svg_text)  # noqa: S314 (pygal's output for our own figures, not outside input)
    for parent in list(root.iter()):
        for child in list(parent):
            tag = child.tag.split("}")[-1]
            if tag in ("script", "style") or child.get("style") is not None or (
                    tag in ("desc", "title") and parent is root) or (
                    tag == "desc"):  # pygal's own title, and the x/y coordinates of each dot: noise when read out
                parent.remove(child)
    # Plain tag names and an xmlns attribute, so the output never depends on ElementTree's global prefix table
    # (the QR code library registers "svg" there, and an <svg:svg> inside HTML is not drawn).
    for element in root.iter():
        element.tag = element.tag.split("}", 1)[-1]
    root.set("xmlns", SVG)
    root.attrib.pop("id", None)
    root.set("role", "img")
    root.set("aria-label", title)
    root.set("focusable", "false")
    for tag, text in (("desc", description), ("title", title)):  # title first, as SVG wants it
        element = ET.Element(tag)
        element.text = text
        root.insert(0, element)
    return ET.tostring(root, encoding="unicode")


def line_chart(key: str, title: str, periods: list[str], series: list[tuple[str, list[int | None]]]) -> Chart:
    """One line per series over the periods; missing values leave a gap in that line. The page shows the title
    above the chart (as text, not drawn into it)."""
    chart = pygal.Line(**CONFIG, x_labels=periods, value_formatter=number, formatter=number,
                       allow_interruptions=True, x_label_rotation=30 if len(periods) > 6 else 0)
    for name, values in series:
        chart.add(name, values)
    description = "; ".join(
        f"{name}: " + ", ".join(f"{period} {number(value)}" for period, value in zip(periods, values, strict=True)
                                if value is not None)
        for name, values in series)
    return Chart(key, title, periods, series, _clean(chart.render(is_unicode=True), title, description))


@functools.cache
def chart_css() -> str:
    """pygal's stylesheet for these charts, each rule scoped to the charts, for a same-origin <link>."""
    chart = pygal.Line(**CONFIG)
    for n in range(MAX_SERIES):
        chart.add(str(n), [n])
    svg = ET.fromstring(chart.render(is_unicode=True))  # noqa: S314 (pygal's output, not outside input)
    style = next(e for e in svg.iter() if e.tag.endswith("style"))

    def scoped(match: re.Match) -> str:
        selectors = [s.strip() for s in match.group(2).split(",")]
        return match.group(1) + ",".join(f"{SCOPE} {s}" if s else SCOPE for s in selectors) + "{"

    return re.sub(r"(^|})([^{}@]*)\{", scoped, style.text or "")
