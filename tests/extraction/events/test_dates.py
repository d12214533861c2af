"""Which date expression of a sentence is an event's (``extraction/events/dates.py`` and the
date candidates of ``context.py``): sentences of our own words with the real model."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
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


# ---------------------------------------------------------------- round 12: the present perfect

def recent_of(nlp, text, trigger):
    doc = nlp(text)
    [record] = [r for r in events_from_doc(doc, mentions_from_doc(doc)) if r.trigger_text == trigger]
    return text[record.recent.start:record.recent.end] if record.recent is not None else None


@pytest.mark.parametrize("text, trigger, words", [
    # wikinews:wn-bush-arrives-israel "Bush has arrived in Israel"
    ("President Anna Berg has arrived in Chile for a state visit.", "arrived", "has arrived"),
    # ndtv.com "has met Chinese President Xi Jinping in Wuhan"
    ("Prime Minister Tomas Lind has met President Anna Berg in Santiago.", "met", "has met"),
    # newsflash.one "leaders have met at the heavily fortified Demilitarized Zone"
    ("Tomas Lind and Anna Berg have met at the border.", "met", "have met"),
    # "has held talks": the support verb of the talks tells them
    ("Tomas Lind has held talks with Anna Berg in Oslo.", "talks", "has held"),
])
def test_an_undated_present_perfect_tells_the_news_of_the_day(nlp, text, trigger, words):
    assert recent_of(nlp, text, trigger) == words


@pytest.mark.parametrize("text, trigger", [
    # npr.org "It was the third time the two leaders have met"; ecbplus:2_6ecb "has hosted the Tonys several times"
    ("Tomas Lind has met Anna Berg three times.", "met"),
    # ecbplus:7_11ecb "has held … since beating Chris Byrd"
    ("Tomas Lind has met Anna Berg regularly since 2015.", "met"),
    # a date of its own: the date, not the publication
    ("Tomas Lind has met Anna Berg on Monday.", "met"),
    # the past perfect and the simple past are no news of the day
    ("Tomas Lind had met Anna Berg in Oslo.", "met"),
    ("Tomas Lind met Anna Berg in Oslo.", "met"),
    # a plan
    ("Tomas Lind will meet Anna Berg in Oslo.", "meet"),
])
def test_other_tenses_counts_and_dates_are_not_the_news_of_the_day(nlp, text, trigger):
    assert recent_of(nlp, text, trigger) is None
