"""A name with a regnal number ("Queen Elizabeth II") is one PERSON with its number: the
mechanism on a blank pipeline, and the real model on sentences of our own words."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from graphbuild.extraction.regnal_names import regnal_names


def _tagged(nlp, text, proper):
    doc = nlp.make_doc(text)
    for token in doc:
        token.tag_ = "NNP" if token.text in proper else "NN"
    return doc


def test_a_person_followed_by_a_numeral_takes_it_in(blank_nlp):
    doc = _tagged(blank_nlp, "They met Abdullah II in Amman .", {"Abdullah", "Amman"})
    found = regnal_names(doc, [Span(doc, 2, 3, label="PERSON")])
    assert [(e.text, e.label_) for e in found] == [("Abdullah II", "PERSON")]


def test_a_title_a_name_and_a_numeral_no_entity_holds_are_a_person(blank_nlp):
    doc = _tagged(blank_nlp, "A state visit to Queen Elizabeth II .", {"Queen", "Elizabeth", "II"})
    assert [(e.text, e.label_) for e in regnal_names(doc, [])] == [("Elizabeth II", "PERSON")]


@pytest.mark.parametrize("text", [
    "I think so , and I said it .",        # "I" is no numeral
    "The Second World War II memorial .",  # no title before the name
])
def test_no_regnal_name_without_a_title_and_a_numeral(blank_nlp, text):
    doc = _tagged(blank_nlp, text, {"Second", "World", "War", "II"})
    assert regnal_names(doc, []) == []


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("The president flew on to London for a state visit to Queen Elizabeth II. Talks followed.", "Elizabeth II"),
    ("She had received a papal honour from Pope Benedict XVI.\nShe thanked him.", "Benedict XVI"),
])
def test_the_real_model_keeps_a_regnal_name_whole(nlp, text, name):
    assert (name, "PERSON") in [(e.text, e.label_) for e in nlp(text).ents]
