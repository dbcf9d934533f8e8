"""Fixtures for the registrations area: a published event with open registration, registering people, a live
server for parallel clients, and reading tickets back with a real QR decoder."""

import io
import re
from datetime import timedelta

import pytest
from PIL import Image, ImageDraw

from pitchday.database import utcnow, write_intent
from pitchday.models import Event, EventStatus, EventType
from pitchday.services.registrations import seats as registrations


def create_event(db, camp, *, capacity=3, status=EventStatus.PUBLISHED, starts_in=timedelta(days=10), **extra):
    now = utcnow()
    starts = (now + starts_in).replace(microsecond=0)
    values = {"camp_id": camp.id, "title": "Pitch Day Energie", "type": EventType.PITCH_DAY, "starts_at": starts,
                  "ends_at": starts + timedelta(hours=4), "venue_name": "Deutschland-Haus",
                  "venue_address": "Lindenallee 10, 45127 Essen", "capacity": capacity, "status": status,
                  "registration_opens_at": now - timedelta(days=1)}
    values.update(extra)
    event = Event(**values)
    db.session.add(event)
    db.session.commit()
    return event


@pytest.fixture
def make_event(db, camps):
    return lambda **kw: create_event(db, camps["essen"], **kw)


@pytest.fixture
def event(make_event):
    """A published pitch day of camp Essen with 3 seats and registration open."""
    return make_event()


@pytest.fixture
def register(db):
    """Register someone through the service and commit, as a request would."""

    def make(event, n=None, *, email=None, name=None, kind="startup", locale="de", **kw):
        with write_intent():
            outcome = registrations.register(event, name=name or f"Person {n}", email=email or f"p{n}@example.org",
                                             attendee_type=kind, locale=locale, **kw)
            db.session.commit()
        return outcome.registration

    return make


@pytest.fixture
def server(live_server):
    """The test's app served by threads on a free port (many clients at once)."""
    return live_server


def decode_qr(image: Image.Image) -> list[str]:
    import zxingcpp

    return [r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_png(content: bytes) -> list[str]:
    return decode_qr(Image.open(io.BytesIO(content)))


_SVG_RECT = re.compile(r"M([\d.]+),([\d.]+)H([\d.]+)V([\d.]+)H([\d.]+)z")


def decode_svg(content: bytes) -> list[str]:
    """Rasterise the QR SVG's path (unit squares ``Mx,yH..V..H..z``) and decode the picture."""
    text = content.decode()
    size = int(float(re.search(r'viewBox="0 0 ([\d.]+)', text).group(1)))
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    squares = _SVG_RECT.findall(text)
    assert squares, "no modules found in the SVG"
    for x, y, x2, y2, _x3 in squares:
        draw.rectangle([float(x) * scale, float(y) * scale, float(x2) * scale - 1, float(y2) * scale - 1], fill=0)
    return decode_qr(image)
