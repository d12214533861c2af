"""Where a meeting took place when the text names a building: sentences of our own words
with the real model (the forms come from the texts cited in participants.py ``_place``)."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract, one

pytestmark = pytest.mark.model


def test_a_named_building_with_its_city_places_the_meeting_in_the_city(nlp):
    found = extract(nlp, "Chancellor Hans Berg met Peruvian President Ana Lopez at the Presidential Palace "
                         "in Lima on Monday.")
    assert one(found, "met")["place"] == "Lima"


def test_a_named_building_with_its_city_and_country_keeps_the_country_as_context(nlp):
    found = extract(nlp, "Chancellor Hans Berg met with Peruvian President Ana Lopez at the Presidential Palace "
                         "in Lima, Peru, on Monday.")
    record = one(found, "met")
    assert (record["place"], record["context"]) == ("Lima", ["Peru"])


def test_a_city_named_alone_stays_the_place(nlp):
    found = extract(nlp, "Chancellor Hans Berg met Peruvian President Ana Lopez in Lima on Monday.")
    assert one(found, "met")["place"] == "Lima"
