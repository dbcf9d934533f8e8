"""Pitch decks: PDF checked by its content, stored under a random name outside the static folder."""

import io
import logging
import secrets
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from ...errors import Invalid

log = logging.getLogger(__name__)

MAX_DECK_BYTES = 20 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def read_upload(stream) -> bytes:
    """The uploaded bytes, refusing anything past the limit without reading it all into memory."""
    data = stream.read(MAX_DECK_BYTES + 1)
    if len(data) > MAX_DECK_BYTES:
        raise Invalid(_("The pitch deck is larger than 20 MB. Please upload a smaller PDF."), field="deck",
                      code="deck_too_large")
    return data


def check_pdf(data: bytes) -> int:
    """Raise unless ``data`` is a PDF that parses and has pages; return the page count.

    The name and the browser's content type say nothing: a renamed image is refused here.
    """
    if not data:
        raise Invalid(_("The file is empty. Please choose your pitch deck as a PDF."), field="deck",
                      code="deck_empty")
    if not data.startswith(PDF_MAGIC):
        raise Invalid(_("This file is not a PDF. Please upload your pitch deck as a PDF."), field="deck",
                      code="deck_not_pdf")
    from pypdf import PdfReader

    try:
        pages = len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception as error:  # pypdf raises many kinds for broken files; all of them mean "not usable"
        log.info("deck refused, PDF does not parse: %s", error)
        pages = 0
    if pages < 1:
        raise Invalid(_("This PDF seems to be damaged. Please export it again and upload it."), field="deck",
                      code="deck_broken")
    return pages


def upload_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(data: bytes) -> str:
    """Write the deck under a new random name and return that name."""
    name = f"{secrets.token_urlsafe(24)}.pdf"
    (upload_dir() / name).write_bytes(data)
    return name


def path_of(stored_name: str) -> Path:
    # Stored names are ours (token_urlsafe), but never let one escape the folder.
    path = (upload_dir() / stored_name).resolve()
    if path.parent != upload_dir().resolve():
        raise ValueError("deck path outside the upload folder")
    return path


def remove(stored_name: str | None) -> None:
    if stored_name:
        try:
            path_of(stored_name).unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove old deck %s", stored_name)
