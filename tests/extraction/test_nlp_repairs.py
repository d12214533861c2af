"""The repair rules, on a blank English pipeline with hand-set entities."""
from __future__ import annotations

from spacy.tokens import Span

from graphbuild.extraction.nlp import REPAIR_COMPONENT, TITLES_KEY


def run_repair(nlp, text, ents):
    """Tokenise ``text``, set ``ents`` [(surface, label)], run only the repair component."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return nlp.get_pipe(REPAIR_COMPONENT)(doc)


def test_abbreviation_hyphen_compound_is_split_into_tokens(blank_nlp):
    doc = blank_nlp.make_doc("the U.S.-Japan alliance")
    assert [t.text for t in doc] == ["the", "U.S.", "-", "Japan", "alliance"]


def test_department_word_of_a_title_is_not_left_as_an_org(blank_nlp):
    doc = run_repair(blank_nlp, "Japanese Defense Minister Itsunori Onodera spoke.",
                     [("Japanese", "NORP"), ("Defense", "ORG"), ("Itsunori Onodera", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Japanese", "NORP"), ("Itsunori Onodera", "PERSON")]
    assert [s.text for s in doc.spans[TITLES_KEY]] == ["Defense Minister"]


def test_title_is_trimmed_off_the_front_of_a_person_span(blank_nlp):
    doc = run_repair(blank_nlp, "US defence secretary Jim Mattis arrived.", [("defence secretary Jim Mattis", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Jim Mattis", "PERSON")]


def test_honorific_makes_the_next_capitalised_word_a_person_whatever_ner_said(blank_nlp):
    doc = run_repair(blank_nlp, "Later, Mr Mattis said so.", [("Mattis", "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Mattis", "PERSON")]


def test_leading_honorific_is_trimmed_from_person_spans(blank_nlp):
    doc = run_repair(blank_nlp, "Later, Mr. Song said so.", [("Mr. Song", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Song", "PERSON")]
