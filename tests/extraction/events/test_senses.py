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
