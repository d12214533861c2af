"""Senses of a trigger that are no meeting of parties (extraction/events/senses.py), on
sentences of our own words with the real model."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc

pytestmark = pytest.mark.model


def triggers(nlp, text):
    doc = nlp(text)
    return [r.trigger_text for r in events_from_doc(doc, mentions_from_doc(doc))]


def test_a_meeting_in_a_sentence_that_counts_rounds_of_a_fight_is_a_contest(nlp):
    assert triggers(nlp, "Marcus Fielding last met Oleg Petrenko in 2011, when the bout was stopped in the 9th round.") == []


def test_a_second_round_of_a_vote_or_of_talks_leaves_a_meeting_alone(nlp):
    found = triggers(nlp, "Chancellor Anna Weber met President Luis Moreno before the second round on Sunday.")
    assert found == ["met"]


def test_a_deal_worth_money_between_companies_is_a_purchase(nlp):
    assert triggers(nlp, "Brightwave's $410 million deal with Norland Systems closed on Monday.") == []


def test_a_deal_between_countries_stays_an_agreement(nlp):
    found = triggers(nlp, "Japan signed a $2 billion deal with Vietnam on Monday.")
    assert found == ["deal"]


def test_a_meeting_in_a_condition_is_only_supposed(nlp):
    assert triggers(nlp, "Karl Osterman would leave a note at the desk if he needed to meet Dana Whitfield.") == []


def test_a_meeting_with_a_condition_elsewhere_in_the_sentence_stays(nlp):
    found = triggers(nlp, "Prime Minister Ana Kovac met President Luis Moreno on Monday, and the talks continue if time allows.")
    assert "met" in found


# ---------------------------------------------------------------- round 10: collecting, a gathering only named

def test_evidence_gathered_by_agencies_is_collected_not_a_meeting(nlp):
    # the form of ECB+ 9_13ecbplus and 21_1ecb, in words of our own
    assert triggers(nlp, "The rule lets builders ignore data gathered by the Water Board and Forest Service "
                         "scientists when planning new roads.") == []
    assert triggers(nlp, "Detectives were still gathering statements from Maria Lopez and Tom Reed on Friday.") == []


def test_people_who_gather_still_meet(nlp):
    found = triggers(nlp, "President Luis Moreno and Chancellor Anna Weber gathered in Lisbon on Monday.")
    assert found == ["gathered"]
    found = triggers(nlp, "Chancellor Anna Weber gathered President Luis Moreno and Prime Minister Ana Kovac in Lisbon.")
    assert found == ["gathered"]


def test_a_gathering_only_named_beside_another_noun_is_no_event(nlp):
    # ECB+ 40_10ecb's form: the convention qualifies "address"; no one is said to take part
    assert triggers(nlp, "Brightwave's opening keynote at the annual TechWorld convention in Denver had no "
                         "new phones.") == []


def test_a_named_gathering_someone_attends_stays(nlp):
    found = triggers(nlp, "President Luis Moreno attended the annual TechWorld convention in Denver on Monday.")
    assert found == ["convention"]
    found = triggers(nlp, "At the NATO summit in Lisbon, President Luis Moreno said the alliance was united.")
    assert found == ["summit"]


def test_a_meeting_one_only_tried_to_have_is_no_event(nlp):
    # ECB+ 36_3ecb, 18_4ecb and wikinews:wn-carter-meets-shaer's form, in words of our own
    assert triggers(nlp, "Mayor Ana Ruiz has tried to meet with Governor Tom Reed, but the governor refused.") == []


def test_a_meeting_held_after_trying_stays(nlp):
    found = triggers(nlp, "Mayor Ana Ruiz met with Governor Tom Reed on Monday after trying for weeks.")
    assert found == ["met"]


# ---------------------------------------------------------------- round 11: an acquaintance

def test_meeting_people_through_their_parents_is_an_acquaintance_not_a_meeting(nlp):
    # the form of ECB+ 18_12ecb, in words of our own
    assert triggers(nlp, "Ruth Daley said she met Tom Barker and his sisters through their parents.") == []
    assert triggers(nlp, "Anna Weber and Luis Moreno first met through mutual friends in Lisbon.") == []


def test_meeting_through_an_interpreter_or_through_the_night_stays_a_meeting(nlp):
    found = triggers(nlp, "President Luis Moreno met Chancellor Anna Weber through an interpreter on Monday.")
    assert found == ["met"]
    found = triggers(nlp, "President Luis Moreno met Chancellor Anna Weber through the night in Lisbon.")
    assert found == ["met"]


# ---------------------------------------------------------------- round 11: a lure

def test_arranging_to_meet_someone_then_shooting_them_is_a_crime_not_a_meeting(nlp):
    # the forms of ECB+ 45_12ecbplus and fox16.com, in words of our own
    assert triggers(nlp, "Police say Mark Dolan called Jenna Cole and arranged to meet her behind a warehouse, "
                         "then shot her.") == []
    assert triggers(nlp, "Tom Reed said he had gone to meet Mark Dolan at a gas station when he was shot.") == []


def test_a_meeting_in_a_sentence_with_a_shooting_of_others_stays(nlp):
    found = triggers(nlp, "President Luis Moreno met Chancellor Anna Weber in Lisbon after gunmen shot two guards in Porto.")
    assert found == ["met"]
