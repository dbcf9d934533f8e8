"""Links out of the event page: web calendars, maps, and webcal:// subscriptions."""

from datetime import UTC
from urllib.parse import urlencode

from .text import plain_text


def _utc(value, fmt):
    return value.astimezone(UTC).strftime(fmt)


def _location(event) -> str:
    return ", ".join(p for p in (event.venue_name, event.venue_address) if p) or event.online_url


def google_calendar_url(event, page_url: str) -> str:
    details = (plain_text(event.description)[:800] + "\n\n" + page_url).strip()
    query = urlencode({"action": "TEMPLATE", "text": event.title,
                       "dates": f"{_utc(event.starts_at, '%Y%m%dT%H%M%SZ')}/{_utc(event.ends_at, '%Y%m%dT%H%M%SZ')}",
                       "details": details, "location": _location(event), "ctz": "Europe/Berlin"})
    return f"https://calendar.google.com/calendar/render?{query}"


def outlook_calendar_url(event, page_url: str) -> str:
    body = (plain_text(event.description)[:800] + "\n\n" + page_url).strip()
    query = urlencode({"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title,
                       "startdt": _utc(event.starts_at, "%Y-%m-%dT%H:%M:%SZ"),
                       "enddt": _utc(event.ends_at, "%Y-%m-%dT%H:%M:%SZ"), "body": body,
                       "location": _location(event)})
    return f"https://outlook.live.com/calendar/0/deeplink/compose?{query}"


def map_url(address: str) -> str:
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


def webcal(url: str) -> str:
    """The same feed address as a webcal:// link, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[1] if "://" in url else url
