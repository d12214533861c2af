"""Round 9 forms (issue 14): a visit written without "visit" — going, flying, heading,
leaving or departing to or for a country, a journey going "on to" the next ones — with
the plan a gerund shares with the verb it hangs on, "is going to" as a plan, and the
traveller of a where-clause on coordinated destinations. Real model, sentences of our
own words."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventKind, EventStatus

pytestmark = pytest.mark.model


def _events(nlp, text, kind):
    """(status, participants, place) of every ``kind`` mention of ``text``."""
    doc = nlp(text)
    return [(e.status, sorted(text[p.start:p.end] for p in e.participants),
             text[e.place.start:e.place.end] if e.place is not None else None)
            for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is kind]


@pytest.mark.parametrize("text, status, traveller, destination", [
    ("Prime Minister Anna Berg flew to Kenya on Monday.", EventStatus.HELD, "Anna Berg", "Kenya"),
    ("Chancellor Ivan Bondar will go to Brazil next week.", EventStatus.PLANNED, "Ivan Bondar", "Brazil"),
    ("Prime Minister Anna Berg headed to Peru on Sunday.", EventStatus.HELD, "Anna Berg", "Peru"),
    ("Prime Minister Anna Berg left for Norway on Sunday.", EventStatus.HELD, "Anna Berg", "Norway"),
    ("Prime Minister Anna Berg departed for Norway on Sunday.", EventStatus.HELD, "Anna Berg", "Norway"),
])
def test_going_to_a_country_is_a_visit_to_it(nlp, text, status, traveller, destination):
    assert _events(nlp, text, EventKind.VISIT) == [(status, [traveller], destination)]


def test_the_for_phrase_of_leaving_names_each_destination(nlp):
    text = "Prime Minister Anna Berg leaves on Tuesday for Norway and Sweden."
    assert sorted(place for _, _, place in _events(nlp, text, EventKind.VISIT)) == ["Norway", "Sweden"]


@pytest.mark.parametrize("text", [
    "Prime Minister Anna Berg left Norway on Sunday.",  # leaving a country is no visit to it
    "Prime Minister Anna Berg is going to meet Ivan Bondar on Friday.",  # going nowhere
    "The tanker headed for Kenya on Monday.",  # no person travels
    "Prime Minister Anna Berg went for a walk on Sunday.",
])
def test_leaving_a_country_or_going_nowhere_is_no_visit(nlp, text):
    assert _events(nlp, text, EventKind.VISIT) == []


def test_a_journey_on_to_further_countries_is_planned_with_the_verb_it_follows(nlp):
    text = ("President Paul Meier will hold talks with King Harald in Oslo before continuing on to Sweden "
            "and Finland.")
    visits = _events(nlp, text, EventKind.VISIT)
    assert sorted(place for _, _, place in visits) == ["Finland", "Sweden"]
    assert {status for status, _, _ in visits} == {EventStatus.PLANNED}
    assert {tuple(parts) for _, parts, _ in visits} == {("Paul Meier",)}


def test_a_gerund_after_a_held_meeting_stays_held(nlp):
    text = "President Paul Meier met King Harald in Oslo before flying to Sweden."
    assert _events(nlp, text, EventKind.VISIT) == [(EventStatus.HELD, ["Paul Meier"], "Sweden")]


def test_a_denied_meeting_does_not_deny_the_journey_after_it(nlp):
    text = "President Paul Meier did not meet King Harald before leaving for Sweden."
    assert _events(nlp, text, EventKind.VISIT) == [(EventStatus.HELD, ["Paul Meier"], "Sweden")]


@pytest.mark.parametrize("text, status", [
    ("President Paul Meier is going to meet King Harald on Friday.", EventStatus.PLANNED),
    ("President Paul Meier was going to meet King Harald on Friday.", EventStatus.PLANNED),
    ("President Paul Meier went to Norway to meet King Harald on Friday.", EventStatus.HELD),
])
def test_being_going_to_meet_is_a_plan(nlp, text, status):
    assert [s for s, _, _ in _events(nlp, text, EventKind.MEETING)] == [status]


@pytest.mark.parametrize("text, status", [
    ("Prime Minister Anna Berg leaves on Tuesday for Norway.", EventStatus.PLANNED),
    ("Prime Minister Anna Berg is going to Norway next week.", EventStatus.PLANNED),
    ("Prime Minister Anna Berg travels to Norway next week.", EventStatus.PLANNED),
    ("Prime Minister Anna Berg traveled to Norway last week.", EventStatus.HELD),
])
def test_a_journey_told_in_the_present_is_on_the_schedule(nlp, text, status):
    assert _events(nlp, text, EventKind.VISIT) == [(status, ["Anna Berg"], "Norway")]


def test_the_traveller_to_coordinated_places_is_who_a_where_clause_speaks_of(nlp):
    text = ("President Paul Meier and Foreign Minister Ivan Bondar spoke to reporters on Friday. The president "
            "leaves Tuesday for Norway and Sweden, where he will meet King Harald.")
    meetings = _events(nlp, text, EventKind.MEETING)
    assert [parts for _, parts, _ in meetings] == [["King Harald", "Paul Meier"]]


def test_a_trip_whose_clause_schedules_in_the_present_is_planned(nlp):
    text = "During the trip, President Anna Berg is scheduled to meet with King Harald."
    assert [s for s, _, _ in _events(nlp, text, EventKind.VISIT)] == [EventStatus.PLANNED]


def test_a_trip_whose_clause_was_scheduled_stays_held(nlp):
    text = "During the trip, President Anna Berg was expected to meet King Harald."
    assert [s for s, _, _ in _events(nlp, text, EventKind.VISIT)] == [EventStatus.HELD]


def test_what_parties_agreed_at_a_conference_does_not_make_it_a_plan(nlp):
    text = ("The trip follows October's conference in Oslo, where Prime Minister Anna Berg and President "
            "Ivan Bondar agreed to begin regular talks.")
    doc = nlp(text)
    found = [e.status for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.CONFERENCE]
    assert found == [EventStatus.HELD]


def test_a_round_of_talks_is_the_talks(nlp):
    text = "Norway and Sweden settled their fishing dispute in the third round of border talks."
    doc = nlp(text)
    found = [sorted(text[p.start:p.end] for p in e.participants)
             for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.NEGOTIATION]
    assert found == [["Norway", "Sweden"]]


def test_holding_a_round_of_talks_with_someone_is_meeting_them(nlp):
    text = "Foreign Minister Anna Berg held another round of talks with President Ivan Bondar in Geneva."
    assert _events(nlp, text, EventKind.MEETING) == [(EventStatus.HELD, ["Anna Berg", "Ivan Bondar"], "Geneva")]


def test_separate_talks_with_two_people_are_one_meeting_with_each(nlp):
    text = "Prime Minister Anna Berg held separate talks with President Ivan Bondar and King Harald on Monday."
    assert sorted(parts for _, parts, _ in _events(nlp, text, EventKind.MEETING)) == [
        ["Anna Berg", "Ivan Bondar"], ["Anna Berg", "King Harald"]]


def test_the_leaders_of_coordinated_countries_are_the_holders_named_before(nlp):
    text = ("Russian President Ivan Bondar and Ukrainian President Paul Meier spoke by phone on Friday. "
            "The Russian and Ukrainian leaders will meet in Geneva next week.")
    assert _events(nlp, text, EventKind.MEETING) == [(EventStatus.PLANNED, ["Ivan Bondar", "Paul Meier"], "Geneva")]


def test_the_leaders_of_coordinated_countries_nobody_named_stay_the_countries(nlp):
    text = "The Russian and Ukrainian leaders will meet in Geneva next week."
    assert _events(nlp, text, EventKind.MEETING) == [(EventStatus.PLANNED, ["Russian", "Ukrainian"], "Geneva")]
