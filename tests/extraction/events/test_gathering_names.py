"""A summit named by an organisation whose name the parser split around the summit noun
(``finder._name_split_by_the_parse``): sentences of our own words with the real model."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract, one

pytestmark = pytest.mark.model


def test_a_summit_the_parser_hung_inside_its_organisers_name_is_that_organisations(nlp):
    # gulfnews.com and theglobalherald.com: "on the sidelines of the Group of 20 summit"
    record = one(extract(nlp, "The talks took place on the sidelines of the Group of 20 summit."), "summit")
    assert record["modifiers"] == ["Group of 20"]

