"""A month word that is a person's surname ("Theresa May") is a person where the text
does not use it as a date; on the real model, in sentences of our own words, and the
mechanism alone on a blank pipeline."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from graphbuild.extraction.month_names import month_word_names


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in {"PERSON", "DATE"}]


@pytest.mark.model
@pytest.mark.parametrize("text, person", [
    ("Theresa May said on Friday that the vote would be held in May.", "Theresa May"),
    ("Theresa May flew to Brussels. May told reporters the talks had gone well.", "May"),
    ("Theresa May spoke first. Critics attacked May's plan and walked out.", "May"),
])
def test_a_month_word_the_text_spells_as_a_surname_is_the_person(nlp, text, person):
    found = _ents(nlp, text)
    assert (person, "PERSON") in found
    assert ("Theresa May", "PERSON") in found


@pytest.mark.model
def test_the_month_as_a_date_stays_a_date_beside_the_person(nlp):
    found = _ents(nlp, "Theresa May said on Friday that the vote would be held in May.")
    assert ("May", "DATE") in found and ("Theresa May", "PERSON") in found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The talks began in May 2019 and ended in June.",
    "Parliament will vote in May, the speaker said.",
])
def test_without_a_person_of_that_surname_a_month_is_a_date(nlp, text):
    assert not [t for t, label in _ents(nlp, text) if label == "PERSON"]


def test_a_title_before_a_month_word_makes_it_a_name():
    nlp = spacy.blank("en")
    doc = nlp("Prime Minister May met the president in May.")
    ents = [Span(doc, 2, 3, label="DATE"), Span(doc, 7, 8, label="DATE")]
    found = month_word_names(doc, ents, title_ends={2})
    assert [(e.text, e.label_, e.start) for e in found] == [("May", "PERSON", 2), ("May", "DATE", 7)]


def test_a_given_name_before_a_month_word_is_a_full_name_unless_a_day_follows():
    nlp = spacy.blank("en")
    doc = nlp("Theresa May spoke. Jordan May 5 was set.")
    found = month_word_names(doc, [Span(doc, 5, 7, label="DATE")], title_ends=set())
    assert [(e.text, e.label_) for e in found] == [("Theresa May", "PERSON"), ("May 5", "DATE")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "And it came to an end in the seventh, referee Tony Weeks saving the champion from more punishment.",
    "Referee Tony Weeks elected to stop the bout early in the seventh.",
])
def test_a_time_word_after_a_given_name_is_the_surname(nlp, text):
    assert ("Tony Weeks", "PERSON") in _ents(nlp, text)


@pytest.mark.model
def test_a_holiday_and_a_plain_time_word_stay_dates(nlp):
    found = _ents(nlp, "Anna said the parade on Christmas Day drew crowds for weeks.")
    assert not any(label == "PERSON" and "Day" in text for text, label in found)
