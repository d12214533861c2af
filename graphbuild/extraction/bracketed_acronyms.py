"""An organisation's acronym in brackets right after its name keeps its brackets.

Outlets give an organisation's acronym in brackets after its English name, also when the
acronym is of the name in another language, whose letters the English words do not spell:
"the Kurdistan Workers' Party (PKK)" (wikinews wn-trump-syria-withdrawal,
wn-kurds-assad-deal; bench/wikinews-4 wn4-bush-erdogan-white-house), "the Federal Security
Service (FSB)" (bench/wikinews-extra wnx-magnitogorsk-collapse), "the Brazilian Ministry of
Education (MEC)" (bench/wikinews-3), "the Self-Defense Forces of Colombia (AUC)"
(wn-granda-capture-crisis); ECB+ writes "the Internationally Recognised Transit Corridor
(IRTC)" (12_6ecbplus) and "National Transportation Safety Board (NTSB)" (35_2ecbplus).
The small model makes two entities of them (the brackets between) or, now and then, one
("Self-Defense Forces of Colombia (AUC"). Resolution reads the acronym and the name only
through the mentions, where the gap between "X (ACR" and "X, ACR" is two characters alike
(a list "UN, FAO" is no definition), so the brackets are kept here: after an ORG entity,
"(" ACRONYM ")" is one ORG entity over the brackets too, which resolution reads as the
acronym the name before it defines and trims to the acronym's own offsets
(resolution/mentions.py). The name's entity is left as it was (events find their
parties by its span).

Where the model tags the name but not the acronym in brackets after it, the brackets are
made an ORG entity when the name starts with "the" (inside the span or right before it),
the acronym starts with the initial of the name's first content word and the name's words
do not spell it — an acronym of the name in another language or with its minor words
spelled, which resolution reads by the rule above: "the Federal Security Service (FSB)"
(bench/wikinews-extra wnx-magnitogorsk-collapse), "the Central Commission for Elections and
Referenda (CEC)" (ECB+ 11_5ecbplus), "the Republic of Korea Navy (ROKN)" (wikinews
wn-us-skorea-naval-exercises). An English acronym the words spell stays untagged: taken,
"the European Central Bank (ECB)" and "the World Wide Developers Conference (WWDC)"
(MEANTIME stock_113278, apple_10450) became mentions MEANTIME's gold does not count
(its "( ECB )" is headed by the bracket), lowering its mention and CoNLL F1 by 0.0003 and
0.0004, for "the United Nations Children's Fund (UNICEF)" (wn-tsvangirai-rallies-banned),
one alias of the Wikinews set. Other untagged brackets stay untagged (MEANTIME
"Maintenance, Repair and Overhaul (MRO)" has no "the").

The other order, an acronym with a name in brackets after it that its letters do not
spell in order, keeps its brackets too: "PDVSA (Venezuelan Petroleum S.A.)" (wikinews
wn-lula-meets-chavez, a translation), "NORAD (North American Aerospace Defence Command)"
(bench/wikinews-extra wnx-bush-canada-visit, words left out). Only a name of two words
or more that NER tagged ORG filling the brackets, with two letters or more of the acronym
among its words' initials (the acronym is made an ORG entity when NER left it untagged, as
"PDVSA" at the start of a paragraph); resolution (``mentions.bracketed_definitions``) makes the
bracketed name the acronym's alias. An acronym the name spells in order ("SADC (Southern
African Development Community)") is read by ``mentions.acronym_definitions`` as it was.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graphbuild.text import MINOR_WORDS, abbreviates

# Capitals with lower case inside allowed ("PCdoB", "IRBr"), an optional "-EP" part ("FARC-EP").
ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z]+)?$")
_MAX_LETTERS = 8


def bracketed_acronym_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each entity NER found on an acronym alone in brackets right after an
    ORG ("PKK" ORG, "MEC" GPE) grown into an ORG entity over the brackets, and an ORG
    entity made of untagged brackets after "the <organisation>" that abbreviate it (see the
    module docstring). A look-up per entity: linear."""
    by_start = {span.start: span for span in ents}
    covered = {i for span in ents for i in range(span.start, span.end)}
    bracketed: dict[int, Span] = {}  # start of the acronym → the acronym with its brackets
    for span in ents:
        end = span.end
        if span.label_ != "ORG" or end + 2 >= len(doc):
            continue
        opening, acronym, closing = doc[end], doc[end + 1], doc[end + 2]
        if opening.text != "(" or closing.text != ")" or len(acronym.text) > _MAX_LETTERS \
                or not ACRONYM.match(acronym.text):
            continue
        alone = by_start.get(end + 1)
        if alone is None and _the_name_abbreviated(span, acronym.text) and not covered & {end, end + 1, end + 2}:
            bracketed[end + 1] = Span(doc, end, end + 3, label="ORG")
            continue
        if alone is None or alone.end != end + 2:
            continue  # no entity of the acronym alone: none is made here (MEANTIME "(DRM)", "(MRO)")
        bracketed[end + 1] = Span(doc, end, end + 3, label="ORG")
    named = _bracketed_names(doc, ents, covered)
    if not bracketed and not named:
        return ents
    return [span for span in ents if span.start not in bracketed and span.start not in named] \
        + list(bracketed.values()) + list(named.values())


def _bracketed_names(doc: Doc, ents: list[Span], covered: set[int]) -> dict[int, Span]:
    """Start of a name NER tagged ORG in brackets right after an acronym → that name with its
    brackets, and the acronym an ORG entity when NER left it untagged (see the module
    docstring). A look-up per entity: linear."""
    found: dict[int, Span] = {}
    for name in ents:
        start = name.start
        if name.label_ != "ORG" or len(name) < 2 or start < 2 or name.end >= len(doc) \
                or doc[start - 1].text != "(" or doc[name.end].text != ")":
            continue
        acronym = doc[start - 2]
        if not ACRONYM.match(acronym.text) or len(acronym.text) > _MAX_LETTERS \
                or abbreviates(acronym.text, name.text, in_order=True):
            continue
        initials = {w[0].casefold() for w in re.split(r"[\s\-‐‑‒–—―]+", name.text) if w[:1].isalpha()}
        if len(initials & {c.casefold() for c in acronym.text if c.isalpha()}) < 2:
            continue
        found[start] = Span(doc, start - 1, name.end + 1, label="ORG")
        if acronym.i not in covered:  # "PDVSA" at a paragraph's start, untagged
            found[acronym.i] = Span(doc, acronym.i, acronym.i + 1, label="ORG")
    return found


def _the_name_abbreviated(name: Span, acronym: str) -> bool:
    """``name`` is "the ..." (the article inside the entity or right before it), its first
    content word starts ``acronym`` and its words do not spell it (see the module docstring)."""
    first = name[0]
    before = name.doc[name.start - 1] if name.start > 0 else None
    the = first.lower_ == "the" or (before is not None and before.lower_ == "the")
    if not the or abbreviates(acronym, name.text):
        return False
    content = [w for w in re.split(r"[\s\-‐‑‒–—―]+", name.text)
               if w[:1].isalpha() and w.casefold() not in MINOR_WORDS]
    return bool(content) and content[0][0].casefold() == acronym[0].casefold()

