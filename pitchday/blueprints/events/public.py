"""Public side of events: the listing, the archive, the event page and every iCal address.

The .ics addresses are part of the product (people subscribe to them): keep them stable.
"""

import hashlib
from contextlib import nullcontext
from datetime import date

from flask import Blueprint, abort, render_template, request
from flask_babel import force_locale, format_date, format_datetime
from flask_babel import gettext as _

from ...berlin import BERLIN
from ...i18n import LANGUAGES, current_language
from ...permissions import guard
from ...sectors import SECTORS, sector_label
from ...services import camps as camp_service
from ...services.accounts.account import external_url
from ...services.cache import versions
from ...services.calendar import entries as calendar_entries
from ...services.calendar import ics as ical
from ...services.calendar.personal import entries_for
from ...services.events import links as events_links
from ...services.events import query as events_query
from ...services.events.labels import block_label, status_label, type_label
from ...services.events.lookup import load_event, load_feed_owner
from ...services.events.page_stamp import load_page_stamp
from .feeds import calendar_response
from .page_cache import event_page

bp = Blueprint("events", __name__)


def _page_number() -> int:
    try:
        return max(1, min(int(request.args.get("page", 1)), 10_000))
    except ValueError:
        return 1


def _feed_locale():
    """Calendar apps send no cookie: ``?lang=en`` picks the feed's language, German otherwise."""
    lang = request.args.get("lang")
    return force_locale(lang) if lang in LANGUAGES else nullcontext()


@bp.app_template_filter("zone")
def zone(value) -> str:
    """The zone's short name at that moment (MEZ/MESZ, CET/CEST), for times shown without a date."""
    if not value:
        return ""
    # Babel names the zone MEZ/MESZ in German but only "+0100" in English, where CET/CEST reads better.
    return format_datetime(value, "zzz") if current_language() == "de" else value.astimezone(BERLIN).tzname()


@bp.app_template_filter("date_short")
def date_short(value) -> str:
    return format_datetime(value, "d. MMM" if current_language() == "de" else "d MMM") if value else ""


@bp.app_template_filter("weekday_short")
def weekday_short(value) -> str:
    return format_datetime(value, "EEE") if value else ""


@bp.app_template_filter("reject_key")
def reject_key(mapping: dict, key: str) -> dict:
    return {k: v for k, v in mapping.items() if k != key}


def month_label(month: str) -> str:
    year, number = month.split("-")
    return format_date(date(int(year), int(number), 1), "LLLL y")


@bp.app_context_processor
def _event_helpers():
    return {"event_type_label": type_label, "event_status_label": status_label, "block_label": block_label,
            "camp_upcoming_events": events_query.upcoming_of_camp, "webcal": events_links.webcal,
            "month_label": month_label}


def _listing(template: str, finder):
    filters = events_query.Filters.from_args(request.args)
    page = _page_number()
    events, more = finder(filters, page=page)
    return render_template(template, events=events, more=more, page=page, filters=filters,
                           camps=camp_service.all_camps(), sectors=SECTORS,
                           months=events_query.months_ahead(), hub_feed=external_url("events.hub_feed"))


@bp.get("/events/", strict_slashes=False)  # /events serves the listing too, no redirect
@guard("public")
def index():
    return _listing("events/index.html", events_query.upcoming)


@bp.get("/events/archive")
@guard("public")
def archive():
    return _listing("events/archive.html", events_query.archive)


@bp.get("/events/<int:event_id>")
@guard("event.view", event=load_page_stamp)
def show(event):
    return event_page(event)


@bp.get("/events/<int:event_id>/calendar.ics")
@guard("event.view", event=load_event)
def event_ics(event):
    with _feed_locale():
        stamp = calendar_entries.event_stamp(event)
        return calendar_response(lambda: calendar_entries.event_file(event, stamp),
                                 key=("event", event.id, stamp.token), cache=False,
                                 last_modified=max(filter(None, (stamp.changed_at, event.updated_at))),
                                 filename=f"event-{event.id}.ics")


def _feed(name: str, key: tuple, filename: str, **scope):
    """Hub, camp and sector feeds: every one moves with the ``feeds`` counter (and once a day, as the horizon
    of the last 12 months moves on)."""
    with _feed_locale():
        stamp = versions.read(versions.FEEDS)
        return calendar_response(lambda: calendar_entries.feed(name, **scope),
                                 key=(*key, stamp.token, calendar_entries.horizon_start().date()),
                                 last_modified=stamp.changed_at, filename=filename)


@bp.get("/calendar.ics")
@guard("public")
def hub_feed():
    with _feed_locale():
        name = _("pitchday: all camps")
    return _feed(name, ("hub",), "pitchday.ics")


@bp.get("/camps/<slug>/calendar.ics")
@guard("public", camp=camp_service.by_slug)
def camp_feed(camp):
    return _feed(f"pitchday: {camp.name}", ("camp", camp.id, camp.name), f"{camp.slug}.ics", camp=camp)


@bp.get("/sectors/<slug>/calendar.ics")
@guard("public")
def sector_feed(slug):
    if slug not in SECTORS:
        abort(404)
    with _feed_locale():
        name = f"pitchday: {sector_label(slug)}"
    return _feed(name, ("sector", slug), f"{slug}.ics", sector=slug)


@bp.get("/me/calendar/<token>.ics")
@guard("event.personal_feed", owner=load_feed_owner)
def personal_feed(owner):
    lang = request.args.get("lang")
    with force_locale(lang if lang in LANGUAGES else (owner.locale or "de")):
        # Entries come from other areas and carry no common change stamp: build, then compare by content.
        body = ical.personal_feed(entries_for(owner), name=_("pitchday: my events"))
        digest = hashlib.sha256(body).hexdigest()
        return calendar_response(lambda: body, key=("personal", owner.id, digest), last_modified=None,
                                 filename="my-pitchday.ics", private=True, cache=False)
