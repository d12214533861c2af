"""Where one went, or was, to attend a gathering is where the gathering is
(participants.py, ``_attended_place``), and a place inside ``for the first time in`` is where
they met (``_place_of_occasion``), on the real model with the sentences the rules cite."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract, one

pytestmark = pytest.mark.model


def test_in_a_city_to_attend_the_general_assembly_places_it_there(nlp):
    # wikinews:wn-ukraine-subpoena-pompeo, with the sentence before it (the parse that hangs
    # "in" on "While")
    found = extract(nlp, "\"I didn't put any pressure on them whatsoever.\"\n\nWhile in New York City to attend the "
                         "United Nations General Assembly, President Zelensky told reporters, \"Nobody can put "
                         "pressure on me because I am the president of an independent state.\"")
    record = one(found, "Assembly")
    assert (record["place"], record["parties"]) == ("New York City", ["Zelensky"])


def test_travelling_to_a_city_to_speak_at_the_general_assembly_places_it_there(nlp):
    # https://inkl.com/news/biden-plans-new-york-trip-to-speak-at-united-nations-general-assembly-in-september
    found = extract(nlp, "President Joe Biden plans to travel to New York City in September to speak at the U.N. "
                         "General Assembly, the New York Daily News learned Thursday.")
    record = one(found, "Assembly")
    assert record["place"] == "New York City" and record["parties"] == ["Joe Biden"]


def test_a_plan_to_attend_places_nothing(nlp):
    found = extract(nlp, "Anna Berg plans to attend the United Nations General Assembly.")
    assert one(found, "Assembly")["place"] is None


def test_a_place_inside_for_the_first_time_is_where_they_met(nlp):
    # wikinews:wn-granda-capture-crisis
    found = extract(nlp, "Raul Reyes, a FARC commander, described the liaisons with President Lula in an interview to "
                         "Folha de São Paulo newspaper in August 24 2003 and said he met Lula for the first time in San "
                         "Salvador during the Foro de São Paulo.")
    record = one(found, "met")
    assert record["place"] == "San Salvador" and set(record["parties"]) == {"Raul Reyes", "Lula"}


def test_for_the_first_time_in_a_span_of_time_places_nothing(nlp):
    found = extract(nlp, "Anna Berg met Tomas Lind for the first time in over a year.")
    assert one(found, "met")["place"] is None
