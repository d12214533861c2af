"""A group named by its number of members ("Group of 20") stays one organisation: the
mechanism on a blank pipeline, and the real model on a sentence of our own words."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from graphbuild.extraction.numbered_names import numbered_group_names


@pytest.mark.parametrize("text, ent, label", [
    ("They met at the Group of 20 summit .", (4, 6), "ORG"),   # NER: "Group of" + "20"
    ("They met at the Group of Eight talks .", (4, 5), "ORG"),  # NER: "Group" + "Eight"
])
def test_an_org_cut_before_its_number_takes_the_number(text, ent, label):
    nlp = spacy.blank("en")
    doc = nlp(text)
    found = numbered_group_names(doc, [Span(doc, *ent, label=label)])
    assert [e.text for e in found] == [" ".join(text.split()[4:7])]


def test_a_number_with_a_unit_after_it_is_no_part_of_the_name():
    nlp = spacy.blank("en")
    doc = nlp("The Bank of 5 percent fame .")
    found = numbered_group_names(doc, [Span(doc, 1, 3, label="ORG")])
    assert [e.text for e in found] == ["Bank of"]


@pytest.mark.model
def test_the_real_model_keeps_group_of_20_whole(nlp):
    doc = nlp("The two presidents met on the sidelines of the Group of 20 summit in Bali.")
    assert ("Group of 20", "ORG") in [(e.text, e.label_) for e in doc.ents]
