"""Folding names for search: case, accents and German umlaut spellings all compare equal.

"Özdemir", "Oezdemir" and "ozdemir" fold to "ozdemir"; "Krüger" and "Kruger" to "kruger"; "Straße" to "strasse".
Stored text and the typed query are folded the same way, so a match never depends on how either was spelled.
"""

import re
import unicodedata

# Letters NFKD does not take apart into a base letter and an accent.
_SPECIAL = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})
# After the accents are gone, "ae", "oe" and "ue" are the umlauts typed without them: ä = ae = a.
_UMLAUT_SPELLING = re.compile(r"([aou])e")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """``text`` in lower case without accents, with ß as ss and ae/oe/ue as a/o/u."""
    text = unicodedata.normalize("NFKD", (text or "").casefold().translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _UMLAUT_SPELLING.sub(r"\1", text)


def words(text: str) -> list[str]:
    """The folded words of ``text``: letters and digits; an e-mail address gives its parts."""
    return _WORD.findall(fold(text))


def search_key(*texts: str) -> str:
    """One searchable string of every distinct word, each with a space before it, so ``LIKE '% word%'``
    matches the start of any word."""
    seen = dict.fromkeys(w for text in texts for w in words(text))
    return " " + " ".join(seen) + " " if seen else " "
