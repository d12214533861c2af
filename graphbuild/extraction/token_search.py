"""Find the few tokens of a doc that carry given words, without visiting the others.

Iterating a ``Doc`` builds a ``Token`` object for every token, and each ``lower_`` or
``lemma_`` is a look-up in the string store: about a microsecond a token, paid by every
rule that scans a whole chunk for a handful of words (trigger words, office head words,
weekday names, reference verbs). :func:`indices_with` reads the token attribute as an
array of string hashes (``Doc.to_array``) and compares it with the words' hashes, so only
the tokens it returns need to be looked at. Same tokens as the scan, in text order.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc


def word_hashes(words: Iterable[str]) -> numpy.ndarray:
    """The string-store hashes of ``words`` (what ``Doc.to_array`` gives for them)."""
    return numpy.fromiter((hash_string(word) for word in words), dtype=numpy.uint64)


def indices_with(doc: Doc, attribute: int, hashes: numpy.ndarray) -> list[int]:
    """Indices, in text order, of the tokens of ``doc`` whose ``attribute`` (``spacy.attrs.LOWER``,
    ``LEMMA`` …) is one of ``hashes`` (:func:`word_hashes`)."""
    if not len(doc) or not len(hashes):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(attribute), hashes)).tolist()
