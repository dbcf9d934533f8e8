"""The event page (the link in every newsletter) from the shared cache.

The page is built once per version of what it shows (``services/cache/versions``: the event with its agenda,
line-up, call and results; its camp), per language and per phase of its clock (registration or call opening
or closing), as an anonymous visitor sees it, and stored for every worker process. An anonymous visitor gets
those bytes with an ETag and Last-Modified (a repeat visit is a 304). The route's loader reads the event's
status, clock and versions in one statement (``services/events/page_stamp``); the event itself is loaded only
to build the page or for a signed-in viewer, who gets the same article with their own parts put in (the
organiser's actions, their own registration, the call's links...: the panels registered ``personal=True``)
inside a page rendered for them. Seats left change with every registration and are fetched by the page
(``registrations.seats``) instead.
"""

import hashlib
import re
from contextlib import contextmanager

from flask import Response, current_app, g, render_template, request, session, url_for
from flask_login import current_user
from markupsafe import Markup

from ...database import utcnow
from ...extensions import login_manager
from ...i18n import current_language
from ...permissions import can
from ...services.accounts.account import external_url
from ...services.cache import store
from ...services.events import links as events_links
from ...services.events.lookup import load_event
from ...services.events.text import render_markdown
from .panels import shown_panels

# The moments at which the page changes by itself, without any data changing.
CLOCK_FIELDS = ("registration_opens_at", "registration_closes_at", "starts_at", "ends_at", "cfp_opens_at",
                "cfp_closes_at")
PANEL_RE = re.compile(r"<!--panel:(?P<name>[^>]+?)-->.*?<!--/panel:(?P=name)-->", re.S)


def _phase(event) -> str:
    now = utcnow()
    return "".join("-" if getattr(event, f) is None else str(int(now >= getattr(event, f))) for f in CLOCK_FIELDS)


@contextmanager
def _as_public():
    """Render as an anonymous visitor, whoever asked: what is built here is served to everyone."""
    saved = g.get("_login_user")
    g._login_user = login_manager.anonymous_user()
    g.pitchday_public_page = True
    try:
        yield
    finally:
        g.pitchday_public_page = False
        if saved is None:
            g.pop("_login_user", None)
        else:
            g._login_user = saved


def _wrap(name: str, html: str) -> str:
    return f"<!--panel:{name}-->{html}<!--/panel:{name}-->"


def _article(event) -> str:
    page_url = external_url("events.show", event_id=event.id)
    address = event.venue_address or event.venue_name
    panels = [Markup(_wrap(panel.template, render_template(panel.template, **{"event": event, **context})))  # noqa: S704
              if panel.personal else Markup(render_template(panel.template, **{"event": event, **context}))  # noqa: S704
              for panel, context in shown_panels(event)]
    return render_template(
        "events/_article.html", event=event, description=render_markdown(event.description or ""), panels=panels,
        ics_url=url_for("events.event_ics", event_id=event.id),
        google_url=events_links.google_calendar_url(event, page_url),
        outlook_url=events_links.outlook_calendar_url(event, page_url),
        map_url=events_links.map_url(address) if address else None,
        camp_feed=external_url("events.camp_feed", slug=event.camp.slug),
    )


def _build(event) -> dict:
    with _as_public():
        article = _article(event)
        page = render_template("events/show.html", event=event, article=Markup(article),  # noqa: S704
                               public_page=True)
    return {"article": article, "page": page.encode()}


def _personal(article: str, event) -> str:
    """The article with this viewer's parts in the places kept for them."""
    mine = {panel.template: render_template(panel.template, **{"event": event, **context})
            for panel, context in shown_panels(event, personal_only=True)}
    # A personal panel the public does not see (the check-in section) goes after the others.
    missing = "".join(html for name, html in mine.items() if f"<!--panel:{name}-->" not in article)
    article = PANEL_RE.sub(lambda m: mine.get(m["name"], ""), article)
    article = article.replace("</article>", missing + "</article>", 1) if missing else article
    manage = render_template("events/_manage.html", event=event) if can("event.manage", event=event) else ""
    return article.replace("<!--personal:manage-->", manage, 1)


def _is_personal() -> bool:
    # Flashed messages belong to one browser too; anonymous visitors without any take the shared bytes.
    return current_user.is_authenticated or bool(session.get("_flashes"))


def event_page(stamp) -> Response:
    """The page of the event whose ``PageStamp`` (status, clock, versions) the route's loader read."""
    key = "|".join((str(stamp.id), stamp.token, current_language(), _phase(stamp), current_app.config["BASE_URL"]))
    etag = hashlib.sha256(key.encode()).hexdigest()[:32]
    if not _is_personal():
        fresh = request.if_none_match.contains(etag) if request.if_none_match else (
            request.if_modified_since is not None
            and stamp.last_modified.replace(microsecond=0) <= request.if_modified_since)
        if fresh:
            response = Response(status=304)
        else:
            entry = store.get_or_build(f"event-page:{etag}", lambda: _build(load_event(stamp.id)))
            response = Response(entry["page"], mimetype="text/html")
        response.set_etag(etag)
        response.last_modified = stamp.last_modified
        # Anyone may keep it, but must ask again each time: a change shows at once.
        response.headers["Cache-Control"] = "public, no-cache"
        response.vary.update(("Cookie", "Accept-Language"))
        return response
    event = load_event(stamp.id)
    entry = store.get_or_build(f"event-page:{etag}", lambda: _build(event))
    article = Markup(_personal(entry["article"], event))  # noqa: S704  (our own rendered templates)
    response = Response(render_template("events/show.html", event=event, article=article), mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-cache"
    return response
