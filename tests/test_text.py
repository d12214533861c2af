"""Chunking long articles: pieces join back to the text, keep sentences whole where
that is possible, and stay bounded in size."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.text import CHUNK_STRETCH, split_chunks

LIMIT = 10_000


def sentence(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choice(["minister", "talks", "met", "on", "Friday", "trade", "the", "Tokyo"])
                    for _ in range(words))
    return body[0].upper() + body[1:] + rng.choice([". ", "? ", "! ", '." '])


def check_pieces(text: str, pieces, limit: int) -> None:
    assert "".join(piece for _, piece in pieces) == text
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
        assert len(piece) <= CHUNK_STRETCH * limit
    assert all(len(piece) > limit // 2 for _, piece in pieces[:-1])


def test_sentences_are_never_cut_when_each_fits_in_a_chunk():
    rng = random.Random(3)
    sentences = [sentence(rng, rng.randint(3, 80)) for _ in range(3_000)]
    text = "".join(sentences)
    starts, position = set(), 0
    for s in sentences:
        starts.add(position)
        position += len(s)
    pieces = split_chunks(text, LIMIT)
    check_pieces(text, pieces, LIMIT)
    assert len(pieces) > 10
    assert all(offset in starts for offset, _ in pieces)


def test_a_sentence_longer_than_a_chunk_is_kept_whole_in_one_piece():
    names = ", ".join(f"Minister Number{i} Person" for i in range(700))  # ~19k characters, no sentence end
    long_sentence = f"The summit was attended by {names} and the press. "
    text = "Leaders met on Friday. " * 300 + long_sentence + "They agreed on trade. " * 300
    pieces = split_chunks(text, LIMIT)
    check_pieces(text, pieces, LIMIT)
    start = text.index(long_sentence)
    holding = [(o, p) for o, p in pieces if o <= start < o + len(p)]
    assert len(holding) == 1 and long_sentence in holding[0][1]


def test_paragraphs_then_lines_then_sentences_are_preferred_to_spaces():
    paragraph = "Leaders met on Friday. They agreed. " * 40 + "\n\n"
    pieces = split_chunks(paragraph * 20, LIMIT)
    assert all(piece.endswith("\n\n") for _, piece in pieces)
    lines = ("Leaders met on Friday. They agreed. " * 40 + "\r") * 20  # lone-CR line ends count as lines
    assert all(piece.endswith("\r") for _, piece in split_chunks(lines, LIMIT))


@pytest.mark.timeout(60)  # a hang guard: every shape is linear and takes about a second
@pytest.mark.parametrize("text", [
    "word " * 400_000,  # a 2 MB "sentence" without punctuation: cut at spaces, chunks of the usual size
    "x" * 2_000_000,  # no whitespace at all
    "A. " * 700_000,  # a sentence end every three characters
    "\n" * 2_000_000,
    "Name Surname, " * 150_000,
], ids=["no punctuation", "no whitespace", "tiny sentences", "only newlines", "a list of names"])
def test_pieces_stay_bounded_on_text_without_boundaries(text):
    pieces = split_chunks(text, LIMIT)
    check_pieces(text, pieces, LIMIT)
    if "." not in text and "\n" not in text:
        # A "sentence" that never ends is cut into pieces of the usual size (the last
        # one runs to the text's end, which ends it, so it may stretch).
        assert max(len(p) for _, p in pieces[:-1]) <= LIMIT


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from("ab .?!\n\r\tAÉ\u2028\u00a0\"”"), max_size=400),
       limit=st.integers(min_value=1, max_value=40))
def test_any_text_splits_into_pieces_that_join_back(text, limit):
    pieces = split_chunks(text, limit)
    check_pieces(text, pieces, limit)
