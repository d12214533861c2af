"""A blank line ends a sentence (extraction/nlp.py `paragraph_breaks`), on the real model."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_heading_or_a_line_without_a_stop_never_runs_into_the_next_paragraph(nlp):
    # The shapes of wn-chavez-un-address and wn-bush-urges-allies (our own words).
    doc = nlp("Some analysts stayed skeptical of the plan\n\nU.S. Response\n\n"
              "U.N. Ambassador John Bolton said the remarks did not warrant a response.\n\n"
              "The president's first stop is Israel.")
    sentences = list(doc.sents)
    assert not any("\n\n" in s.text.strip() for s in sentences)
    starts = {s.start_char for s in sentences}
    for paragraph in ("U.S. Response", "U.N. Ambassador", "The president's"):
        assert doc.text.index(paragraph) in starts
    assert "John Bolton" in {e.text for e in doc.ents if e.label_ == "PERSON"}


def test_a_single_line_break_inside_a_sentence_is_left_to_the_parser(nlp):
    # Hard-wrapped text: one line break is no paragraph.
    doc = nlp("The two leaders met in Tokyo on Friday and agreed\nto meet again in the spring.")
    assert len(list(doc.sents)) == 1
