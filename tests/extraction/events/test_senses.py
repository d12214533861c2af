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
