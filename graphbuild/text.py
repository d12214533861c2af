"""Small pure text helpers shared by stages (below every stage, like model.py)."""
from __future__ import annotations

import re

from graphbuild.model import TextSpan


def mask(text: str, spans: tuple[TextSpan, ...]) -> str:
    """Blank out ``spans`` with spaces (line ends ``\\n`` and ``\\r`` kept) so offsets stay valid.

    >>> mask("ab(Photo: X)cd", (TextSpan(2, 12),))
    'ab          cd'
    """
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


# Where a chunk of a long article may end, best first: a paragraph break, a line
# break, a sentence end (". ", "? " or "! ", maybe after a closing quote, before a
# capital), and only then any whitespace. Used by extraction to parse long articles
# in pieces of bounded size.
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.?!][\"'”’)\]]*\s+(?=[\"'“‘(]?[^\W\d_])")
_WHITESPACE = re.compile(r"\s")
# A sentence that runs past a chunk's end is kept whole if it ends within this many
# chunk lengths of the chunk's start; beyond that it is no sentence a parser can use
# (a list of thousands of names, a page without punctuation) and is cut at a space.
CHUNK_STRETCH = 4


def split_chunks(text: str, limit: int, stretch: int = CHUNK_STRETCH) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pairs for parsing, never cutting a
    sentence where that can be avoided.

    A piece ends at the last paragraph break in its second half (so no piece is
    shorter than ``limit // 2`` but the last), else the last line break, else the last
    sentence end. With none of those, the sentence running past ``limit`` is kept whole
    up to its end if that comes within ``stretch * limit`` characters; if not, the piece
    ends at the last whitespace (else at ``limit``). So pieces are at most
    ``stretch * limit`` characters, a sentence longer than that is the only one ever cut,
    and the cost is linear in the text's length. Offsets index ``text``; pieces join
    back to it.

    >>> split_chunks("aa\\n\\nbb", 4)
    [(0, 'aa\\n\\n'), (4, 'bb')]
    >>> split_chunks("One two. Three four five six. Seven.", 12)
    [(0, 'One two. '), (9, 'Three four five six. '), (30, 'Seven.')]
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _chunk_end(text, start, limit, stretch)
        pieces.append((start, text[start:end]))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _chunk_end(text: str, start: int, limit: int, stretch: int) -> int:
    low, high = start + max(1, limit // 2), start + limit
    for boundary in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END):
        last = _last_end(boundary, text, low, high)
        if last is not None:
            return last
    # One sentence runs past the piece: keep it whole if it ends soon enough.
    far = min(len(text), start + stretch * limit)
    ends = [found.end() for found in (pattern.search(text, high, far) for pattern in (_LINE_BREAK, _SENTENCE_END))
            if found is not None]
    if ends:
        return min(ends)
    if far == len(text):
        return far
    last = _last_end(_WHITESPACE, text, low, high)
    return high if last is None else last


def _last_end(pattern: re.Pattern, text: str, low: int, high: int) -> int | None:
    """End of the last match of ``pattern`` that ends within ``(low, high]``."""
    last = None
    for found in pattern.finditer(text, max(0, low - 4), high):
        if found.end() > low:
            last = found.end()
    return last


# Words an acronym's letters may skip ("Revolutionary Armed Forces of Colombia" = FARC).
MINOR_WORDS = frozenset({"of", "the", "for", "and", "de", "del", "la", "on", "in", "to", "des", "du", "y", "e", "&"})


def abbreviates(short: str, long: str, in_order: bool = False) -> bool:
    """The acronym's letters spell the name: each letter starts the next content word or
    continues the word of the letter before ("AfCFTA" = African Continental Free Trade
    Area), in order; or they are the content words' initials in another order (an
    acronym kept from another language: "FARC" = Revolutionary Armed Forces of Colombia)."""
    letters = [c.casefold() for c in short if c.isalpha()]
    words = [w.casefold() for w in re.split(r"[\s\-‐‑‒–—―]+", long.strip()) if w and w[0].isalpha()]
    words = [w for w in words if w not in MINOR_WORDS]
    if len(letters) < 2 or not words or len(letters) > 12:
        return False
    if not in_order and sorted(letters) == sorted(w[0] for w in words):
        return True
    return _spells(letters, 0, words, 0, 0)


def _spells(letters: list[str], i: int, words: list[str], w: int, k: int) -> bool:
    """Letters ``i:`` spell words ``w:``; ``k`` > 0 means letter ``i`` may continue word
    ``w - 1`` after its first ``k`` letters. Every word must be used."""
    if i == len(letters):
        return w == len(words)
    if w < len(words) and words[w][0] == letters[i] and _spells(letters, i + 1, words, w + 1, 1):
        return True
    if k and w > 0:
        rest = words[w - 1][k:]
        found = rest.find(letters[i])
        if found != -1 and _spells(letters, i + 1, words, w, k + found + 1):
            return True
    return False
