"""Counterparts and meetings told as the setting of a clause, on the real model, in
sentences of our own words: an unnamed counterpart takes part as the country that
qualifies it (a person, so talks with it are a Meeting); a named one is the person; "in
a meeting with X, Y said" and its passive form are meetings."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventKind, EventStatus
from tests.extraction.events import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, parties, status", [
    ("Secretary of State Mike Pompeo met his North Korean counterpart on Monday.",
     ["Mike Pompeo", "North Korean"], EventStatus.HELD),
    ("The Japanese prime minister Shinzo Abe held talks with his Indian counterpart on Friday.",
     ["Indian", "Shinzo Abe"], EventStatus.HELD),
    ("Defence Minister Anna Berg will meet her French counterpart in Paris next week.",
     ["Anna Berg", "French"], EventStatus.PLANNED),
])
def test_an_unnamed_counterpart_takes_part_as_its_country(nlp, text, parties, status):
    # talks with a counterpart are talks with a person: a Meeting, not a Negotiation
    assert meetings(nlp, text) == [(EventKind.MEETING, status, parties)]


def test_a_named_counterpart_hosted_is_the_person(nlp):
    text = "Turkish President Recep Tayyip Erdogan hosted his Russian counterpart Vladimir Putin in Ankara on Wednesday."
    doc = nlp(text)
    [event] = events_from_doc(doc, mentions_from_doc(doc))
    assert sorted(text[p.start:p.end] for p in event.participants) == ["Recep Tayyip Erdogan", "Vladimir Putin"]
    assert (event.kind, event.status, event.date_text) == (EventKind.MEETING, EventStatus.HELD, "Wednesday")


def test_a_counterpart_of_no_country_names_no_party(nlp):
    assert meetings(nlp, "Mike Pompeo met his counterpart on Monday.") == [
        (EventKind.MEETING, EventStatus.HELD, ["Mike Pompeo"])]  # one party: resolution writes no node


def test_named_plural_counterparts_are_the_people_not_their_countries(nlp):
    text = ("Egyptian foreign minister Sameh Shoukry and his Greek and French counterparts, Nikos Dendias and "
            "Jean-Yves Le Drian, gathered in Cairo on Wednesday.")
    [(kind, _, parties)] = meetings(nlp, text)
    assert "Greek" not in parties and "French" not in parties and "Nikos Dendias" in parties


def test_a_phone_call_with_a_counterpart_is_no_meeting(nlp):
    assert meetings(nlp, "Mike Pompeo spoke with his North Korean counterpart by phone on Monday.") == []


@pytest.mark.parametrize("text, parties", [
    ("President Olena Koval said in a meeting with Prime Minister Ivan Bondar that the reform would go on.",
     ["Ivan Bondar", "Olena Koval"]),
    ("In a meeting on Tuesday, Chancellor Peter Lind was told by Finance Minister Maria Holm that taxes would rise.",
     ["Maria Holm", "Peter Lind"]),
])
def test_in_a_meeting_the_clause_subject_and_agent_took_part(nlp, text, parties):
    assert meetings(nlp, text) == [(EventKind.MEETING, EventStatus.HELD, parties)]


@pytest.mark.parametrize("text", [
    "Iran is interested in a meeting with the agency.",  # no verb's setting
    "Iran and Iraq will have to be involved in discussions that lead to peace.",  # discussions in general
    "Iran and Iraq will have to be involved in a final peace agreement.",  # what an agreement holds
])
def test_in_an_undetermined_gathering_or_an_agreement_is_no_setting(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Prime Minister Ravi Kumar held bilateral talks with President Li Wen in Delhi on Friday.",
    "Prime Minister Ravi Kumar held formal talks with President Li Wen in Delhi on Friday.",
])
def test_talks_held_in_some_manner_between_people_are_a_meeting(nlp, text):
    [(kind, _, parties)] = meetings(nlp, text)
    assert (kind, parties) == (EventKind.MEETING, ["Li Wen", "Ravi Kumar"])


def test_peace_talks_between_people_stay_a_negotiation(nlp):
    [(kind, _, _)] = meetings(nlp, "Ravi Kumar held peace talks with Li Wen in Delhi on Friday.")
    assert kind is EventKind.NEGOTIATION
