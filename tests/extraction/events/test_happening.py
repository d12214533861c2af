"""Where and when an event noun took place, told by a verb of happening (``began``,
``took place``) rather than in the noun's own phrase: sentences of our own words with the
real model (the forms of the texts cited in ``data/event_words.jsonl``, ``happening_verbs``)."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract, one

pytestmark = pytest.mark.model


def test_a_meeting_that_began_in_a_city_took_place_there(nlp):
    found = extract(nlp, "The meeting of Greek Prime Minister Nikos Andreou and his Cypriot counterpart Elena "
                         "Petrou began in Nicosia, the main topic of the talks is expected to be energy.")
    assert one(found, "meeting")["place"] == "Nicosia"


def test_negotiations_that_took_place_on_a_day_at_a_place_have_both(nlp):
    found = extract(nlp, "Reporters learned more about the negotiations that took place Thursday in Geneva "
                         "between Anna Berg and Tomas Lind.")
    record = one(found, "negotiations")
    assert (record["place"], record["date"]) == ("Geneva", "Thursday")


def test_a_summit_which_began_on_a_day_is_dated_by_it(nlp):
    found = extract(nlp, "The Group of Seven summit, which began in Quebec on Friday, brought the leaders of "
                         "Canada and France together.")
    record = one(found, "summit")
    assert (record["place"], record["date"]) == ("Quebec", "Friday")


def test_a_relative_clause_that_only_tells_of_the_event_gives_it_no_place(nlp):
    # "announced in Paris": where it was announced, not where it was held
    found = extract(nlp, "The summit, which Anna Berg announced in Paris on Monday, will bring Berg and Tomas "
                         "Lind together.")
    record = one(found, "summit")
    assert record["place"] is None and record["date"] is None
