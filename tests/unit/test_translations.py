"""Every area keeps its own German catalog, and Flask-Babel merges them: one English text must not get two German
translations, or which one a page shows would depend on the order the catalogs load."""

from pathlib import Path

from babel.messages.pofile import read_po

import pitchday

CATALOGS = sorted(Path(pitchday.__file__).parent.glob("translations/*/de/LC_MESSAGES/messages.po"))


def test_a_text_has_one_german_translation_across_all_catalogs():
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in CATALOGS:
        with path.open("rb") as f:
            for message in read_po(f):
                if not message.id or not message.string:
                    continue
                key = message.id if isinstance(message.id, str) else message.id[0]
                key = f"{message.context or ''}\x04{key}"
                area = path.parts[-4]
                if key in seen and seen[key][1] != message.string:
                    clashes.append((key.split("\x04")[1], seen[key], (area, message.string)))
                seen.setdefault(key, (area, message.string))
    assert len(CATALOGS) >= 8
    assert clashes == []


def test_every_text_of_the_app_has_a_german_translation():
    from babel.messages.extract import extract_from_dir

    root = Path(pitchday.__file__).parent
    methods = [("**.py", "python"), ("**/templates/**.html", "jinja2"), ("**/templates/**.txt", "jinja2")]
    keywords = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2),
                "pgettext": ((1, "c"), 2), "lazy_ngettext": (1, 2)}
    found = set()
    for _file, _line, message, *_ in extract_from_dir(str(root), methods, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    translated = set()
    for path in CATALOGS:
        with path.open("rb") as f:
            translated |= {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id and m.string}
    assert len(found) > 1000
    assert sorted(found - translated) == []
