"""Mentions cut from a parsed doc's entities (extraction/entities.py)."""
from __future__ import annotations

import pytest
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


def _tagged(blank_nlp, text, entity, label="ORG"):
    doc = blank_nlp(text)
    start = text.index(entity)
    doc.ents = [doc.char_span(start, start + len(entity), label=label)]
    return [m.text for m in mentions_from_doc(doc)]


def test_a_unit_glued_to_its_number_is_no_organisation(blank_nlp):
    # ECB+ 40_4ecb "6MB shared L2 cache", 40_6ecb "3MB L2 cache": the tokenizer splits "6" + "MB".
    assert _tagged(blank_nlp, "a processor with 6MB shared L2 cache", "MB") == []
    assert _tagged(blank_nlp, "a processor with 6 MB of cache from the MB group", "MB") == ["MB"]
    assert _tagged(blank_nlp, "shares of 3M rose", "3M") == ["3M"]


def test_a_capital_the_after_a_lower_case_word_is_part_of_a_newspapers_name(blank_nlp):
    # wikinews: "told The New York Times", "told The Times of Malta".
    assert _tagged(blank_nlp, "an adviser told The New York Times on Monday", "The New York Times") == \
        ["The New York Times"]
    assert _tagged(blank_nlp, "one of them told The Times of Malta that", "The Times of Malta") == \
        ["The Times of Malta"]
    # No newspaper: left out as before (the golds list "Associated Press" only).
    assert _tagged(blank_nlp, "numbers reported by The Associated Press show", "The Associated Press") == \
        ["Associated Press"]
    # A list number or a colon before it: a sentence starts.
    assert _tagged(blank_nlp, "15: The Colombian National Times reported", "The Colombian National Times") == \
        ["Colombian National Times"]
    assert _tagged(blank_nlp, "he met the United Nations envoy", "the United Nations") == ["United Nations"]


@pytest.mark.parametrize("sentence, name", [
    # ECB+ 6_2ecbplus: a typographic quote written for the apostrophe ran into NER's span.
    ("There ’ s also the added problem of Ross taking time to revise Simon Beaufoy ‘ s script for Catching Fire.",
     "Simon Beaufoy"),
    # ECB+ 35_4ecb: a dash opened the span.
    ("Bruce Smith - the NFL's career sacks leader - Rod Woodson, Shannon Sharpe and John Randle are among the "
     "15 finalists.", "Rod Woodson"),
    # ECB+ 28_8ecb: NER's span ended before the closing quotation mark of the nickname.
    ('Mark "Deep Throat" Felt Dead at 95 W. Mark Felt, Sr., the number 2 man at the FBI, died.', "Mark"),
])
def test_a_quotation_mark_or_a_dash_is_never_the_edge_of_a_persons_mention(nlp, sentence, name):
    found = [m.text for m in mentions_from_doc(nlp(sentence)) if m.label == "PERSON"]
    assert name in found
    assert not any(c in text for text in found for c in '"“”‘') and not any(text.startswith("-") for text in found)


@pytest.mark.parametrize("sentence, name", [
    ('Adam "Pacman" Jones was suspended for the season.', 'Adam "Pacman" Jones'),   # ECB+ 29_2ecb
    ('Mafia boss Anthony "Fat Tony" Salerno and Carmine Persico ran it.', 'Anthony "Fat Tony" Salerno'),  # 26_10ecbplus
])
def test_a_nickname_in_quotation_marks_inside_a_name_stays(nlp, sentence, name):
    assert name in [m.text for m in mentions_from_doc(nlp(sentence)) if m.label == "PERSON"]
