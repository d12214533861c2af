"""Finding the tokens with given words from the attribute arrays: the tokens a scan finds."""
from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, LOWER

from graphbuild.extraction.token_search import indices_with, word_hashes

# Real sentences: ecbplus:10_2ecbplus; wikinews:wn-granda-capture-crisis.
SENTENCES = [
    "The Red Sox flew to Texas on Thursday night to meet with free agent Mark Teixeira.",
    "He met Lula for the first time in San Salvador, and the two held talks at the summit on Thursday.",
]


@pytest.mark.parametrize(("attribute", "name", "words"), [
    (LOWER, "lower_", {"thursday", "talks", "the"}),
    (LEMMA, "lemma_", {"meet", "hold", "fly"}),
])
def test_indices_with_are_the_tokens_a_scan_finds_in_text_order(nlp, attribute, name, words):
    for doc in nlp.pipe(SENTENCES):
        scanned = [token.i for token in doc if getattr(token, name) in words]
        assert scanned, doc.text
        assert indices_with(doc, attribute, word_hashes(words)) == scanned


def test_indices_with_no_words_or_no_tokens_are_none(nlp):
    assert indices_with(nlp("The two met."), LOWER, word_hashes([])) == []
    assert indices_with(nlp(""), LOWER, word_hashes(["met"])) == []
