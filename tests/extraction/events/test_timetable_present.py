"""A visit told in the simple present with a cue of a timetable is a plan (finder.py,
``_scheduled_present``; ``timetable_cues`` in data/event_words.jsonl), on the real model:
real sentences from the texts the cues cite, and the present without a cue stays held."""
from __future__ import annotations

import pytest

from tests.extraction.events.test_real_sentences import extract
from graphbuild.model import EventKind, EventStatus

pytestmark = pytest.mark.model


def visits(found):
    return [r for r in found if r["kind"] is EventKind.VISIT]


def test_the_stops_after_a_place_of_an_itinerary_are_planned(nlp):
    # wikinews:wn-bush-urges-allies (the trip was announced for the coming week)
    found = visits(extract(nlp, "After Israel, the president visits Kuwait, Bahrain, the United Arab Emirates, "
                                "Saudi Arabia, and Egypt."))
    assert len(found) == 5
    assert {(r["status"], r["future"]) for r in found} == {(EventStatus.PLANNED, True)}


def test_a_present_visit_later_this_week_is_planned(nlp):
    # https://jmh.usembassy.gov/20190513123024/
    found = visits(extract(nlp, "The two governments will discuss details of the two leaders' reciprocal visits when "
                                "the Chinese Communist Party's top official responsible for foreign affairs Yang "
                                "Jiechi visits Japan later this week."))
    record = next(r for r in found if r["trigger"] == "visits")
    assert record["parties"] == ["Yang Jiechi"] and record["status"] is EventStatus.PLANNED


def test_a_present_visit_without_a_cue_stays_held(nlp):
    # the form of a headline: wikinews-extra wnx-bush-canada-visit, "US president Bush visits Canada"
    found = visits(extract(nlp, "US president George W. Bush visits Canada."))
    assert [(r["parties"], r["status"]) for r in found] == [(["George W. Bush"], EventStatus.HELD)]


def test_another_beside_a_conference_is_a_second_conference_with_the_shared_place_and_date(nlp):
    # wikinews:wn-brown-london-conferences: "due to take place" (schedule_postmodifiers) over
    # "sessions in London" (session_nouns) gives both the place and the date; "another" is a
    # second conference (ellipsis_words) whose topic ("in Yemen") is no party
    found = extract(nlp, "British prime minister Gordon Brown said in his monthly news conference today that a "
                         "conference on the war in Afghanistan and another on security concerns in Yemen, due to "
                         "take place over two one-day sessions in London this week, will announce an expansion of "
                         "the British military presence in Afghanistan.")
    conferences = [r for r in found if r["kind"] is EventKind.CONFERENCE]
    assert [r["trigger"] for r in conferences] == ["conference", "another"]
    assert {(r["place"], r["date"], r["status"]) for r in conferences} == {("London", "this week", EventStatus.PLANNED)}
    assert all(r["parties"] == [] for r in conferences)


def test_another_with_a_noun_of_its_own_is_no_ellipsis(nlp):
    found = extract(nlp, "Anna Berg will hold a meeting with Tomas Lind in Oslo and another meeting with Ivan Bondar "
                         "in Bergen.")
    assert "another" not in [r["trigger"] for r in found]
