"""Name normalisation and content-derived ids.

``name_key`` is the one normal form used to compare names; ``slug`` turns a key into
the readable part of an id. Both are pure and idempotent (tested with hypothesis).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

# Generational suffixes (nameparser's list of suffixes that are not acronyms, the
# European ones): never a word of a person's name for comparison.
GENERATIONAL_SUFFIXES = frozenset({"jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv", "v"})
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-"})
_SLUG_DROP = re.compile(r"[^\w]+", re.UNICODE)
# ASCII letters and digits in words separated by single spaces: already a name key but for case.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def clean_surface(text: str) -> str:
    """Surface form with whitespace collapsed and typographic quotes and dashes unified.

    >>> clean_surface("Song  Young‑moo’s")
    "Song Young-moo's"
    """
    return _SPACES.sub(" ", text.translate(_APOSTROPHES).translate(_DASHES)).strip()


def strip_accents(text: str) -> str:
    if text.isascii():  # nothing to strip: most names (and the gazetteer's 45k look-ups)
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def name_key(text: str) -> str:
    """The normal form of a name: accents stripped, case-folded, periods removed,
    punctuation and spaces collapsed to single spaces.

    >>> name_key("U.S.")
    'us'
    >>> name_key("  São   Paulo ")
    'sao paulo'
    >>> name_key("Song Young-moo")
    'song young moo'
    """
    if _PLAIN_NAME.fullmatch(text):
        return text.lower()  # the steps below would only lower its case (most names, and the gazetteer's 45k)
    folded = strip_accents(clean_surface(text)).casefold().replace(".", "")
    return _SPACES.sub(" ", _SLUG_DROP.sub(" ", folded).replace("_", " ")).strip()


def slug(text: str) -> str:
    """The readable part of an id: the name key with spaces as hyphens.

    >>> slug("Jim Mattis")
    'jim-mattis'
    """
    return name_key(text).replace(" ", "-")


def short_hash(*parts: str, length: int = 10) -> str:
    """A stable short hex digest of ``parts`` (for ids that must not collide)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:length]


def entity_id(prefix: str, name: str) -> str:
    """``person:jim-mattis``. Names whose key is empty (only punctuation) get a hash.

    >>> entity_id("person", "Jim Mattis")
    'person:jim-mattis'
    """
    readable = slug(name)
    return f"{prefix}:{readable}" if readable else f"{prefix}:h-{short_hash(name)}"
