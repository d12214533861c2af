"""Names NER typed PERSON that their own text shows are no person (extraction/not_people.py).
Sentences of our own words, parsed by the real model; the verdict is asked of a span."""
from __future__ import annotations

import pytest

from graphbuild.extraction.not_people import DROP, full_name_words, person_verdict


def verdict(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface), alignment_mode="expand")
    return person_verdict(doc, span.start, span.end, full_name_words(doc))


@pytest.mark.parametrize("text, surface", [
    ("Buyers waited weeks for the Nokia Lumia 920 to arrive.", "Lumia 920"),
    ("Posted Thu Mar 4, 2015 by the desk.", "Thu Mar"),
])
def test_a_name_with_a_digit_or_only_calendar_words_is_no_entity(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


@pytest.mark.parametrize("text, surface", [
    ("The chip maker opened a second laboratory in Kharagpur last year.", "Kharagpur"),
    ("The suspect, who is from Tullamarine, was caught two streets away.", "Tullamarine"),
    ("Shells fell on houses in the Qalandia refugee camp overnight.", "Qalandia"),
    ("He was moved to Vardenburg prison on Monday.", "Vardenburg"),
])
def test_a_lone_name_in_a_place_context_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


@pytest.mark.parametrize("text, surface", [
    # a word of a full name of the text: the person again
    ("Senator Maria Kowalczyk spoke first. Reporters waited in Kowalczyk's office.", "Kowalczyk"),
    ("Talks with Oskar Brandvold went on; the pressure fell at Brandvold himself.", "Brandvold"),
    # a given name, a title before the preposition, a possessive after the name
    ("The letter came from Sally last week.", "Sally"),
    ("The ruling was read in Halvorsen's court.", "Halvorsen"),
    # no place context at all
    ("Brandvold said the talks would resume.", "Brandvold"),
])
def test_a_name_with_a_sign_of_a_person_keeps_its_label(nlp, text, surface):
    assert verdict(nlp, text, surface) is None


def test_the_repair_component_makes_a_lone_word_after_in_a_place(nlp):
    doc = nlp("The firm moved its design centre to a campus in Kharagpur last year.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kharagpur") != "PERSON"
