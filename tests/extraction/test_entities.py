"""Mentions cut from a parsed doc's entities (extraction/entities.py)."""
from __future__ import annotations

from spacy.tokens import Span

from graphbuild.extraction.entities import mentions_from_doc


def mentions(blank_nlp, words_tags, ent_start, ent_end, label="ORG"):
    doc = blank_nlp.make_doc(" ".join(w for w, _ in words_tags))
    for token, (_, tag) in zip(doc, words_tags):
        token.tag_ = tag
    doc.ents = [Span(doc, ent_start, ent_end, label=label)]
    return [m.text for m in mentions_from_doc(doc)]


def test_a_lower_case_determiner_is_no_word_of_a_name(blank_nlp):
    words = [("voted", "VBD"), ("for", "IN"), ("a", "DT"), ("Council", "NNP"), ("of", "IN"), ("Coastal", "NNP"),
             ("States", "NNPS"), ("motion", "NN")]
    assert mentions(blank_nlp, words, 2, 7) == ["Council of Coastal States"]


def test_a_capitalised_first_word_tagged_determiner_stays(blank_nlp):
    words = [("said", "VBD"), ("All", "DT"), ("Nippon", "NNP"), ("Airways", "NNPS")]
    assert mentions(blank_nlp, words, 1, 4) == ["All Nippon Airways"]
