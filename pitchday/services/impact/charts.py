"""Bar charts for the impact report as SVG, drawn on the server: no script, no CDN, no style attributes
(colours are presentation attributes, which the page's CSP allows), and a <title> and <desc> for screen
readers."""

from xml.sax.saxutils import escape

PALETTE = ["#1f5f8b", "#e07a1f", "#3a8a4c", "#8b3a62", "#6b6b6b", "#b59a1f"]


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[float]]],
              width: int = 520, bar_height: int = 22) -> str:
    """Horizontal grouped bars: one group per category, one bar per series, values written at the bar's end."""
    # Sized so the text stays readable when a phone shows the chart at ~350 px wide.
    label_w, right_pad, top = 200, 40, 48
    group_h = bar_height * len(series) + 10
    legend_h = 26
    height = top + legend_h + max(1, len(categories)) * group_h + 10
    largest = max([v for _name, values in series for v in values] + [1])
    scale = (width - label_w - right_pad) / largest
    desc = "; ".join(f"{cat}: " + ", ".join(f"{name} {values[i]:g}" for name, values in series)
                     for i, cat in enumerate(categories))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
             f'height="{height}" role="img" font-family="sans-serif" font-size="15">',
             f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
             f'<text x="0" y="20" font-size="18" font-weight="bold" fill="#111">{escape(title)}</text>']
    x = 0
    for i, (name, _values) in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{top - 11}" width="14" height="14" fill="{colour}"/>'
                     f'<text x="{x + 19}" y="{top + 1}" fill="#111">{escape(name)}</text>')
        x += 30 + 9 * len(name)
    y = top + legend_h
    for c, category in enumerate(categories):
        parts.append(f'<text x="0" y="{y + group_h / 2}" fill="#111">{escape(category[:25])}</text>')
        for s, (_name, values) in enumerate(series):
            value = values[c]
            w = max(0.0, value * scale)
            by = y + s * bar_height
            parts.append(f'<rect x="{label_w}" y="{by}" width="{w:.1f}" height="{bar_height - 3}" '
                         f'fill="{PALETTE[s % len(PALETTE)]}"/>'
                         f'<text x="{label_w + w + 4:.1f}" y="{by + bar_height - 6}" fill="#111">{value:g}</text>')
        y += group_h
    parts.append("</svg>")
    return "".join(parts)
