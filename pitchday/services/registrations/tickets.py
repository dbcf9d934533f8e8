"""The ticket's QR code: its content is only the ticket secret, never personal data."""

import functools
import io
import re
from html import escape

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

FIXED_MASK = 0


def _code(secret: str) -> qrcode.QRCode:
    # Medium error correction and the standard 4-module quiet zone: scans from a phone screen or a crumpled print.
    # A secret of up to 42 characters fits version 3; a fixed mask pattern spares the search for the best of
    # eight (80 % of the time, and the code still scans), which matters when a rush renders a ticket per request.
    code = qrcode.QRCode(version=3 if len(secret) <= 42 else None, error_correction=ERROR_CORRECT_M,
                         box_size=10, border=4, mask_pattern=FIXED_MASK)
    code.add_data(secret)
    code.make(fit=code.version is None)
    return code


@functools.lru_cache(maxsize=256)
def qr_svg(secret: str) -> bytes:
    """A scalable QR code (one path, a few KB) for the ticket page and print."""
    image = _code(secret).make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


@functools.lru_cache(maxsize=256)
def qr_png(secret: str, *, box_size: int = 10) -> bytes:
    """A PNG QR code, for e-mails (mail programs show PNG, not always SVG)."""
    code = _code(secret)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


@functools.lru_cache(maxsize=256)
def qr_svg_inline(secret: str, label: str) -> str:
    """The QR code as an ``<svg>`` element for the ticket page itself: no extra request at a slow door."""
    svg = qr_svg(secret).decode()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg class="qr" role="img"', svg, count=1)
    return svg.replace(">", f"><title>{escape(label)}</title>", 1)
