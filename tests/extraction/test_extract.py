"""extract(): each article fenced inside its NLP batch. A text the pipeline fails on, or
one that runs past its budget, comes out as an InputError in its place; the other
articles of the batch come out as if it were not there (the real model, plus a component
that misbehaves on a marker word)."""
from __future__ import annotations

import time

import pytest
from spacy.language import Language

from graphbuild.errors import InputError
from graphbuild.extraction.extract import CHUNK_CHARS, extract
from graphbuild.extraction.nlp import load_pipeline
from graphbuild.model import Document, Extraction
from graphbuild.text import split_chunks

pytestmark = pytest.mark.model


@Language.component("misbehave_on_marker")
def misbehave_on_marker(doc):
    if "EXPLODE" in doc.text:
        raise ValueError("the parser met something it cannot take")
    if "LINGER" in doc.text:
        time.sleep(60)
    return doc


@pytest.fixture(scope="module")
def touchy_nlp():
    """A pipeline of its own (the session's stays untouched) with the misbehaving component."""
    nlp = load_pipeline()
    nlp.add_pipe("misbehave_on_marker", first=True)
    return nlp


def documents(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=text, path="in.jsonl", line=i, sha256=str(i)) for i, text in enumerate(texts, 1)]


def test_a_text_the_pipeline_fails_on_is_reported_and_its_batch_goes_on(touchy_nlp):
    results = list(extract(documents("Mr Mattis spoke.", "It will EXPLODE.", "Mr Onodera spoke."), touchy_nlp,
                           batch_size=16))
    assert [type(r).__name__ for r in results] == ["Extraction", "InputError", "Extraction"]
    assert str(results[1]) == ("in.jsonl:2: expected extraction to succeed, "
                               "found ValueError: the parser met something it cannot take")
    assert [m.text for m in results[2].mentions] == ["Onodera"]  # its own mentions, not a neighbour's


def test_a_text_over_its_budget_is_reported_and_the_others_of_its_batch_are_parsed(touchy_nlp):
    started = time.monotonic()
    results = list(extract(documents("Mr Mattis spoke.", "They LINGER here.", "Mr Onodera spoke."), touchy_nlp,
                           batch_size=16, seconds=0.5))
    # the batch runs over its budget (3 x 0.5 s), then each text alone: only the slow one again
    assert time.monotonic() - started < 10
    assert isinstance(results[1], InputError)
    assert str(results[1]) == "in.jsonl:2: expected extraction within 0.5 s, found it still running after 0.5 s"
    assert all(isinstance(r, Extraction) for r in (results[0], results[2]))
    assert [r.article.id for r in (results[0], results[2])] == ["d1", "d3"]


def test_a_long_article_over_budget_names_the_part_that_ran_over(touchy_nlp):
    text = "Mr Mattis spoke. " * 700 + "\n\n" + "They LINGER here. " * 10
    # 6 s per 10,000 characters: the first chunk's share (7.1 s) holds on a loaded machine
    # (2 s did not: a busy CI box parsed 11,900 characters past their 2.4 s share).
    results = list(extract(documents(text), touchy_nlp, seconds=6))
    assert len(text) == 12_082 and isinstance(results[0], InputError)
    (start, last), = [(offset, piece) for offset, piece in split_chunks(text, CHUNK_CHARS) if "LINGER" in piece]
    share = round(6 * 12_082 / 10_000 * len(last) / len(text), 1)
    # the chunk that lingers has its share of the article's budget
    assert str(results[0]) == (f"in.jsonl:1: expected extraction within 7.2 s, found it still running after {share:g} s "
                               f"on characters {start}-12082 of 12082")
