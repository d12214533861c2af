"""Names with a regnal number: "Queen Elizabeth II", "Pope Benedict XVI".

The small English model finds such a name in most texts but misses it in some, mostly at the
end of a sentence ("a state visit to Queen Elizabeth II.", wikinews-3
wn3-zuma-britain-state-visit; "the papal honor Pro Ecclesia et Pontifice from Pope Benedict
XVI.", ECB+ 34_1ecbplus, where 34_9ecbplus's "Pope Benedict XVI awarded her" is found), or
stops before the number. The name is one PERSON with its number, without the title, as the
model writes it when it finds it ("Elizabeth II", "Leo XIII"):

* a PERSON entity followed by a Roman numeral no entity holds takes the numeral in;
* a capitalised title (nameparser's titles: Queen, King, Pope, Emperor), one capitalised
  proper noun and a Roman numeral, none of them in an entity, are a PERSON over the noun
  and the numeral.

Numerals of two letters or more only: "I" is the pronoun far more often.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graphbuild.extraction.name_words import is_title_word

_ROMAN = re.compile(r"^(?=[IVX]{2,6}$)X{0,3}(?:IX|IV|V?I{0,3})$")


def regnal_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each regnal name whole (see the module docstring)."""
    covered = {i for span in ents for i in range(span.start, span.end)}
    out = []
    for span in ents:
        if span.label_ == "PERSON" and span.end < len(doc) and span.end not in covered and _numeral(doc, span.end):
            span = Span(doc, span.start, span.end + 1, label="PERSON")
            covered.add(span.end - 1)
        out.append(span)
    for token in doc[:-2]:
        name, number = token.nbor(1), token.nbor(2)
        if is_title_word(token) and token.is_title and name.is_title and name.is_alpha \
                and name.tag_ in {"NNP", "NNPS"} and _numeral(doc, number.i) \
                and not covered.intersection({token.i, name.i, number.i}):
            out.append(Span(doc, name.i, number.i + 1, label="PERSON"))
            covered.update((name.i, number.i))
    return sorted(out, key=lambda span: span.start)


def _numeral(doc: Doc, index: int) -> bool:
    return bool(_ROMAN.match(doc[index].text))
