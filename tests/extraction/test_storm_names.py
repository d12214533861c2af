"""Storms named like people (extraction/storm_names.py), on the real model: sentences from
ECB+ 34_10ecbplus, 34_2ecbplus, 34_9ecbplus and 2_9ecbplus, as written."""
from __future__ import annotations

import pytest

_KEPT = {"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP"}


@pytest.mark.parametrize("text, storms", [
    # ECB+ 34_10ecbplus: NER took "Hurricanes Katrina" for a building and "George" for a person.
    ("In 1990 she founded the Bayou La Batre Rural Health Clinic, which cares for a largely uninsured working - class "
     "community that was hit by both Hurricanes Katrina and George.", {"Katrina", "George"}),
    # ECB+ 34_2ecbplus
    ("When Hurricane George destroyed the clinic in 1998, she made house calls to all her patients while it was rebuilt.",
     {"George"}),
    # ECB+ 34_9ecbplus
    ("There, she served the poor Alabama community on the Gulf Coast after 1998's Hurricane Georges and 2005's "
     "Hurricane Katrina.", {"Georges", "Katrina"}),
])
def test_a_name_after_a_storm_word_is_no_person_place_or_organisation(nlp, text, storms):
    doc = nlp(text)
    assert not any(word in e.text for e in doc.ents if e.label_ in _KEPT for word in storms)


def test_a_storms_name_written_again_alone_is_the_storm_and_other_names_stay(nlp):
    # ECB+ 2_9ecbplus, then the bare name again, then a person of another name.
    doc = nlp("She hosted the Emmy Awards shortly after Hurricane Katrina. Katrina had flooded the city. "
              "Ellen DeGeneres will host the Oscars.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Ellen DeGeneres"]
    assert "Katrina" not in [e.text for e in doc.ents if e.label_ in _KEPT]


def test_a_capitalised_word_that_is_no_storm_word_names_no_storm(nlp):
    doc = nlp("George Bush met Hurricanes coach Rod Brind'Amour in Raleigh.")
    assert "George Bush" in [e.text for e in doc.ents if e.label_ == "PERSON"]
