"""Another name the text gives a person: "X, known as Y".

Outlets give a person's other name right after the name in an apposition, "known as" (or
"also known as", "better known as") hanging on the name: "The Brazilian Carlos Alberto
Libânio Christo, known as Frei Betto" (wikinews wn-granda-capture-crisis; the gold lists
"Frei Betto" as his alias), "Saparmurat Niyazov, also known as Turkmenbaschi" (ECB+ 11_9ecb),
"Kathryn Jenkin, known as Katie" (ECB+ 32_4ecbplus), "Mark Felt, known as "Deep Throat""
(ECB+ 28_11ecb; "Deep Throat" is a work of art to the small model, so no mention). Read off
the parse: the verb "known" is an ``acl`` of the person's head, its ``prep`` "as" has the
other name's token as ``pobj``, and that token lies in another PERSON entity. Any entity
("Turkmenbaschi", GPE to the model, also a city) lowered ECB+ CoNLL F1 by 0.0002. Resolution
(``within_document._names_known_as``) puts the other name's mentions on the person. One
look at the children of each PERSON entity's head: linear.
"""
from __future__ import annotations

from spacy.tokens import Doc

from graphbuild.extraction.entities import ENTITY_LABELS, mention_offsets
from graphbuild.model import KnownAs, TextSpan


def names_known_as(doc: Doc, offset: int = 0) -> list[KnownAs]:
    """Each "PERSON, known as NAME" of ``doc`` (see the module docstring), offsets shifted by ``offset``."""
    entity_of = {i: ent for ent in doc.ents if ent.label_ in ENTITY_LABELS for i in range(ent.start, ent.end)}
    found: list[KnownAs] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        for known in ent.root.children:
            if known.dep_ != "acl" or known.lower_ != "known":
                continue
            for other in (pobj for prep in known.children if prep.dep_ == "prep" and prep.lower_ == "as"
                          for pobj in prep.children if pobj.dep_ == "pobj"):
                alias = entity_of.get(other.i)
                if alias is None or alias.start == ent.start or alias.label_ != "PERSON":
                    continue
                found.append(KnownAs(TextSpan(*mention_offsets(ent, offset)), TextSpan(*mention_offsets(alias, offset))))
    return found
