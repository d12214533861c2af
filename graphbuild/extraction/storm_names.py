"""Storms are named like people (issue 13, round 17).

A storm word (``data/storm_words.jsonl``: "Hurricane") written capitalised before a
capitalised name makes the name a storm's: "after Hurricane Katrina" (ECB+ 2_1ecbplus,
2_9ecbplus), "When Hurricane George destroyed the clinic" (34_2ecbplus). The plural names
a list of storms: "hit by both Hurricanes Katrina and George" (34_10ecbplus), where NER
took "Hurricanes Katrina" for a building (FAC) and "George" for a person, whom the corpus
step then joined to George W. Bush (judged wrong in the round-16 person sample). Every
entity over the storm word or its names, and every entity of the text that is only one of
those names written again ("since Katrina", one sense per discourse), becomes an EVENT: no
person, place or organisation of the graph. Linear: one look at each storm word and at most
:data:`_LIST_NAMES` names after it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graphbuild.vocabulary import storm_words

STORM_LABEL = "EVENT"
# The most names a plural storm word is followed over: "Hurricanes Katrina, Rita and Wilma".
_LIST_NAMES = 4
_LIST_JOINS = frozenset({",", "and", "&"})


def storm_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every storm's name (see the module docstring) labelled EVENT."""
    words = storm_words()
    storm_tokens: set[int] = set()
    names: set[str] = set()
    for token in doc:
        if not token.is_title:
            continue
        plural = token.text not in words and token.text.endswith("s") and token.text[:-1] in words
        if token.text not in words and not plural:
            continue
        i = token.i + 1
        for _ in range(_LIST_NAMES if plural else 1):
            if i >= len(doc) or not (doc[i].is_title and doc[i].is_alpha):
                break
            storm_tokens.update({token.i, i})
            names.add(doc[i].text)
            if i + 2 >= len(doc) or doc[i + 1].lower_ not in _LIST_JOINS:
                break
            i += 2 + (doc[i + 1].text == "," and doc[i + 2].lower_ == "and")  # ", and"
    if not names:
        return ents
    out = []
    for span in ents:
        words_of = [t.text for t in span if t.lower_ != "the"]
        if any(t.i in storm_tokens for t in span) or (len(words_of) == 1 and words_of[0] in names):
            span = Span(doc, span.start, span.end, label=STORM_LABEL)
        out.append(span)
    return out
