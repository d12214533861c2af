"""Which date expression of a sentence is an event's (``extraction/events/dates.py`` and the
date candidates of ``context.py``): sentences of our own words with the real model."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract, one

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, trigger, date", [
    # wikinews:wn-annan-warns-kenya "arrived for a three-day visit to Kenya late on Wednesday"
    ("Anna Berg arrived for a three-day visit to Kenya late on Wednesday.", "visit", "Wednesday"),
    # ndtv.com "who is on a two-day visit to China, has met …"
    ("Tomas Lind began a two-day visit to Chile on Monday.", "visit", "Monday"),
])
def test_a_duration_is_not_the_date_of_the_event_it_measures(nlp, text, trigger, date):
    assert one(extract(nlp, text), trigger)["date"] == date


def test_a_duration_alone_gives_no_date(nlp):
    # english.newstrack.com "for the two-day summit": how long, not when
    found = extract(nlp, "Anna Berg will host Tomas Lind for a two-day visit to Norway.")
    assert one(found, "visit")["date"] is None
