"""Reading calendars back with two independent parsers: icalendar and vobject."""

import icalendar
import vobject


def parse_both(data: bytes):
    """(icalendar Calendar, vobject calendar); both must accept the bytes."""
    cal = icalendar.Calendar.from_ical(data)
    vcal = vobject.readOne(data.decode("utf-8"))
    return cal, vcal


def vevents(data: bytes) -> list:
    """The VEVENTs as icalendar components, after checking vobject reads the same UIDs and times."""
    cal, vcal = parse_both(data)
    items = list(cal.walk("VEVENT"))
    v_items = list(getattr(vcal, "vevent_list", []))
    assert [str(e["UID"]) for e in items] == [v.uid.value for v in v_items]
    for item, v_item in zip(items, v_items, strict=True):
        assert item.decoded("DTSTART") == v_item.dtstart.value
        assert item.decoded("DTEND") == v_item.dtend.value
        assert int(item["SEQUENCE"]) == int(v_item.sequence.value)
    return items
