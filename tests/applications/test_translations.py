"""Every user-facing string of the applications area has a German translation in its catalog."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "pitchday/translations/applications/de/LC_MESSAGES/messages.po"
METHODS = [
    ("**/applications.py", "python"), ("services/applications/*.py", "python"),
    ("blueprints/applications/*.py", "python"), ("**/startups.py", "python"),
    ("**/templates/applications/**.html", "jinja2"), ("**/templates/emails/applications_*.txt", "jinja2"),
]


def test_the_german_catalog_covers_the_area():
    keywords = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None}
    found = {message for _file, _line, message, *_ in
             extract_from_dir(str(ROOT / "pitchday"), METHODS, keywords=keywords) if isinstance(message, str)}
    with CATALOG.open("rb") as fh:
        translated = {m.id for m in read_po(fh) if m.id and m.string}
    assert len(found) > 150  # the extraction did find the area's strings
    assert sorted(found - translated) == []
