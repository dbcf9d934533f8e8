"""Event descriptions: Markdown as organisers type it, sanitised HTML for pages, plain text for calendars."""

import html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

# Markdown may carry raw HTML; nh3 then keeps only harmless tags and safe link targets (and drops <script>
# together with its content), for the page as for the plain text.
_md = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table")
ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code", "pre",
                "table", "thead", "tbody", "tr", "th", "td", "hr"}


@lru_cache(maxsize=2048)
def render_markdown(text: str) -> Markup:
    """Sanitised HTML for the event page; headings are demoted so the page keeps one h1."""
    rendered = _md.render(text or "")
    rendered = rendered.replace("<h1>", "<h3>").replace("</h1>", "</h3>").replace("<h2>", "<h3>").replace(
        "</h2>", "</h3>")
    cleaned = nh3.clean(rendered, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}},
                        url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer nofollow")
    return Markup(cleaned)  # noqa: S704  (sanitised by nh3 just above)


@lru_cache(maxsize=4096)
def plain_text(text: str) -> str:
    """The description without markup, for iCal DESCRIPTION and e-mails."""
    stripped = nh3.clean(_md.render(text or ""), tags=set())
    lines = [line.strip() for line in html.unescape(stripped).splitlines()]
    return "\n".join(line for line in lines if line).strip()
