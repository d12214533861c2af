"""Another name the text gives a person, read off real parses (extraction/known_as.py)."""
from __future__ import annotations

import pytest

from graphbuild.extraction.known_as import names_known_as


def pairs(nlp, text):
    doc = nlp(text)
    return [(text[k.name.start:k.name.end], text[k.alias.start:k.alias.end]) for k in names_known_as(doc)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # wikinews wn-granda-capture-crisis
    ("The Brazilian Carlos Alberto Libânio Christo, known as Frei Betto, a celebrity in Brazil PT and a personal "
     "friend of Lula, was former director of the magazine.", [("Carlos Alberto Libânio Christo", "Frei Betto")]),
    # ECB+ 32_4ecbplus
    ("Kathryn Jenkin, known as Katie, sang the anthem.", [("Kathryn Jenkin", "Katie")]),
])
def test_a_name_known_as_another_name_gives_the_pair(nlp, text, expected):
    assert pairs(nlp, text) == expected


@pytest.mark.model
def test_known_as_without_a_person_before_it_gives_nothing(nlp):
    # ECB+ 30_12ecb: a cable, not a person; and a man with no name of his own.
    assert pairs(nlp, "The SMW4 cable, also known as SEA-ME-WE 4, was cut near Alexandria.") == []
    assert pairs(nlp, "The man known as John was seen near Cairo.") == []
    # ECB+ 11_9ecb: the model tags the other name GPE (a city's name too): no person's name.
    assert pairs(nlp, "Turkmen President Saparmurat Niyazov, also known as Turkmenbaschi, died on Thursday.") == []
