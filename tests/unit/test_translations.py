"""German is the hub's first language: every user-facing string has one German translation, the same in
every area's catalog."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(ROOT.glob("pitchday/translations/*/de/LC_MESSAGES/messages.po"))


def _key(message):
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context, msgid)


def _read(path):
    with path.open("rb") as fh:
        return read_po(fh)


def _translations():
    found = {}
    for path in CATALOGS:
        for message in _read(path):
            if message.id and message.string and "fuzzy" not in message.flags:
                string = message.string if isinstance(message.string, str) else message.string[0]
                found.setdefault(_key(message), {})[path.parts[-4]] = string
    return found


def test_areas_translate_a_shared_string_the_same_way():
    clashes = {key: areas for key, areas in _translations().items() if len(set(areas.values())) > 1}
    assert clashes == {}


def test_every_string_in_code_and_templates_has_a_german_translation(tmp_path):
    template = tmp_path / "all.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-k", "_l", "-k", "lazy_gettext", "-k", "lazy_pgettext:1c,2", "-o", str(template),
                    str(ROOT / "pitchday")], check=True, capture_output=True)
    translated = _translations()
    missing = sorted(key[1] for key in map(_key, _read(template)) if key[1] and key not in translated)
    assert missing == []
