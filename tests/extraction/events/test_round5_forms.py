"""Round 5 forms (issue 14), on the real model, in sentences of our own words: a meeting
told by discussing with someone, a where-clause inside "the city of …", a plan told by
the noun "plans", a question whether they will meet, and a legislature's sitting."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventKind, EventStatus
from tests.extraction.events import meetings

pytestmark = pytest.mark.model


def test_discussing_with_a_named_person_is_a_meeting(nlp):
    found = meetings(nlp, "General Tom Avery visited the capital to discuss border issues with President Omar Kassem.")
    assert (EventKind.MEETING, EventStatus.HELD, ["Omar Kassem", "Tom Avery"]) in found


@pytest.mark.parametrize("text", [
    "Paul Meier discussed the crisis by phone with Ivan Bondar.",
    "Paul Meier discussed the budget with reporters.",
])
def test_discussing_by_phone_or_with_nobody_named_is_no_meeting(nlp, text):
    assert [m for m in meetings(nlp, text) if m[0] is EventKind.MEETING] == []


def test_a_where_clause_inside_the_city_of_names_the_traveller_and_the_place(nlp):
    text = "President Carlos Mendes travelled to the Peruvian city of Iquitos, where he met with President Ana Ruiz."
    doc = nlp(text)
    found = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.MEETING]
    assert [sorted(text[p.start:p.end] for p in e.participants) for e in found] == [["Ana Ruiz", "Carlos Mendes"]]
    assert text[found[0].place.start:found[0].place.end] == "Iquitos"


@pytest.mark.parametrize("text", [
    "Britain announced plans to hold an international conference on Somali security next month.",
    "Britain announced plans to fund a police unit, as well as plans to hold an international conference on Somali security.",
])
def test_plans_to_hold_a_conference_are_the_planner_s_and_planned(nlp, text):
    assert meetings(nlp, text) == [(EventKind.CONFERENCE, EventStatus.PLANNED, ["Britain"])]


def test_a_question_whether_they_will_meet_is_no_event(nlp):
    assert meetings(nlp, "Reporters asked whether Ivan Bondar would meet with Paul Meier.") == []


def test_a_parliament_convening_alone_is_a_sitting_not_a_meeting(nlp):
    assert meetings(nlp, "Parliament is to convene next week to pass the budget.") == []
    assert meetings(nlp, "The Arab League will hold an urgent meeting on Sunday.") != []


def test_who_meets_in_the_presence_of_someone_meets_them_too(nlp):
    found = meetings(nlp, "Anna Berg and Ivan Bondar will meet in the presence of Paul Meier.")
    assert found == [(EventKind.MEETING, EventStatus.PLANNED, ["Anna Berg", "Ivan Bondar", "Paul Meier"])]


def test_meetings_with_several_people_are_one_meeting_each_with_the_traveller(nlp):
    text = "Jonas Weber, whose state trip includes meetings with Anna Berg, Ivan Bondar and Paul Meier, arrived in Oslo."
    found = [m for m in meetings(nlp, text) if m[0] is EventKind.MEETING]
    assert sorted(m[2] for m in found) == [["Anna Berg", "Jonas Weber"], ["Ivan Bondar", "Jonas Weber"],
                                           ["Jonas Weber", "Paul Meier"]]
    assert {m[1] for m in found} == {EventStatus.PLANNED}  # the programme of a trip, told in the present


def test_a_meeting_a_past_journey_included_was_held(nlp):
    text = "Jonas Weber, whose state trip included a meeting with Anna Berg, returned to Oslo."
    assert [m for m in meetings(nlp, text) if m[0] is EventKind.MEETING] == [
        (EventKind.MEETING, EventStatus.HELD, ["Anna Berg", "Jonas Weber"])]


def test_one_meeting_with_several_people_stays_one(nlp):
    found = meetings(nlp, "Jonas Weber held a meeting with Anna Berg and Ivan Bondar.")
    assert found == [(EventKind.MEETING, EventStatus.HELD, ["Anna Berg", "Ivan Bondar", "Jonas Weber"])]


def test_an_organisation_meeting_someone_unnamed_is_no_body_meeting(nlp):
    assert meetings(nlp, "On Monday, the UN met with a local security official to discuss the attacks.") == []
    assert meetings(nlp, "NATO met with President Ivan Bondar on Monday.") == [
        (EventKind.MEETING, EventStatus.HELD, ["Ivan Bondar", "NATO"])]


def test_a_visit_named_deep_in_a_statement_is_the_speaker_s(nlp):
    text = "Weber said in a video statement released in conjunction with a visit to Ireland with Prime Minister Anna Berg."
    found = meetings(nlp, text)
    assert (EventKind.VISIT, EventStatus.HELD, ["Weber"]) in found
    assert (EventKind.MEETING, EventStatus.HELD, ["Anna Berg", "Weber"]) in found


def test_being_in_a_country_for_a_purpose_is_a_visit(nlp):
    found = meetings(nlp, "Anna Berg said so on Monday. She is currently in Peru, for talks with the government.")
    assert (EventKind.VISIT, EventStatus.HELD, ["Anna Berg"]) in found


def test_being_in_a_country_alone_is_no_visit(nlp):
    assert meetings(nlp, "Anna Berg is in Peru.") == []


def test_sitting_down_with_a_named_person_is_a_meeting(nlp):
    assert meetings(nlp, "Jonas Weber sat down with Anna Berg on Friday.") == [
        (EventKind.MEETING, EventStatus.HELD, ["Anna Berg", "Jonas Weber"])]
    assert meetings(nlp, "Jonas Weber sat down with reporters on Friday.") == []
