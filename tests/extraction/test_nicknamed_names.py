"""A nickname written inside a person's name (extraction/nicknamed_names.py), on the real
model: sentences from ECB+ (29_2ecb, 16_1ecbplus, 26_1ecbplus) and of our own words."""
from __future__ import annotations

import pytest


def people(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    # ECB+ 29_2ecb: NER kept only "Jones".
    ("Adam (Pacman) Jones says the herniated disk in his neck was bothering him.", "Adam (Pacman) Jones"),
    # ECB+ 16_1ecbplus: NER kept "Luis Gerardo" and "Ortiz" apart.
    ("The gang member is accused of gunning down Deputy Luis Gerardo (Jerry) Ortiz in June.",
     "Luis Gerardo (Jerry) Ortiz"),
    # ECB+ 26_1ecbplus: NER made "Tommy Ryan" a person of its own.
    ("One of his managers was a Greenwich Village neighbor, Thomas (Tommy Ryan) Eboli, who later became a boss.",
     "Thomas (Tommy Ryan) Eboli"),
])
def test_a_nickname_in_brackets_inside_a_name_makes_one_person_span(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text", [
    # ECB+ 26_10ecbplus, 26_2ecbplus: NER typed 'The Chin" Gigante' WORK_OF_ART and left "Vincent" out.
    'Mob boss Vincent "The Chin" Gigante, the powerful Mafioso, died in prison on Monday.',
    "Mob boss Vincent 'The Chin' Gigante, the powerful Mafioso, died in prison on Monday.",
])
def test_a_nickname_beginning_with_the_inside_a_name_makes_one_person_span(nlp, text):
    assert any(p.startswith("Vincent") and p.endswith("Gigante") for p in people(nlp, text))


def test_brackets_around_a_place_or_between_words_of_no_name_make_no_person(nlp):
    assert not any("(" in p for p in people(nlp, "The San Angelo (Texas) Standard printed the letter on Monday."))
    assert not any("(" in p for p in people(nlp, "The Regulatory Reform (Fire Safety) Order applies to shops."))
