"""The ticket's QR code: its content is only the ticket secret, never personal data."""

import io

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M


def _code(secret: str) -> qrcode.QRCode:
    # Medium error correction and the standard 4-module quiet zone: scans from a phone screen or a crumpled print.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(secret)
    code.make(fit=True)
    return code


def qr_svg(secret: str) -> bytes:
    """A scalable QR code (one path, a few KB) for the ticket page and print."""
    image = _code(secret).make_image(image_factory=qrcode.image.svg.SvgPathFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def qr_png(secret: str, *, box_size: int = 10) -> bytes:
    """A PNG QR code, for e-mails (mail programs show PNG, not always SVG)."""
    code = _code(secret)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()
