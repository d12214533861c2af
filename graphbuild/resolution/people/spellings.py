"""Two spellings of one name word: a nickname of a given name (the maintained
``nicknames`` package), a transliteration or doubled letter (Metaphone key and
Levenshtein distance, ``jellyfish``)."""
from __future__ import annotations

import functools

import jellyfish
from nicknames import NickNamer

_VOWELS = frozenset("aeiou")


@functools.lru_cache(maxsize=1)
def nicknamer() -> NickNamer:
    return NickNamer()


def near_spelling(x: str, y: str) -> bool:
    """Two spellings of one name word (transliterations, a doubled letter)."""
    if x[0] != y[0] or min(len(x), len(y)) < 4 or phonetic(x) != phonetic(y):
        return False
    distance = jellyfish.levenshtein_distance(x, y)
    if distance > (2 if min(len(x), len(y)) >= 6 else 1):
        return False
    # A different or added final vowel makes another name (Mario / Maria, Daniel / Daniela).
    stem = 0
    while stem < min(len(x), len(y)) and x[stem] == y[stem]:
        stem += 1
    tail_x, tail_y = x[stem:], y[stem:]
    return not (len(tail_x) <= 1 and len(tail_y) <= 1 and (set(tail_x) | set(tail_y)) & _VOWELS)


@functools.lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    return jellyfish.metaphone(word) or word
