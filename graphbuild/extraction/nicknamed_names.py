"""A nickname written inside a person's name, in brackets or quotation marks (issue 13, round 9).

News writes a person's nickname between the given name and the surname: "Adam (Pacman)
Jones" (ECB+ 29_2ecb) and 'Adam "Pacman" Jones' (29_11ecb), "Kimani (Kiki) Gray" (ECB+
19_3ecbplus, 19_4ecbplus, 19_5ecbplus), "Luis Gerardo (Jerry) Ortiz" (16_1ecbplus; 'Luis
Gerardo "Jerry" Ortiz', 16_6ecbplus), "Thomas (Tommy Ryan) Eboli" and "Charles (Lucky)
Luciano" (26_1ecbplus), "Vincent 'Chin' Gigante" (26_9ecbplus), "Mark 'Deep Throat' Felt"
(28_13ecb), 'Vincent "The Chin" Gigante' (26_10ecbplus, UPI; 26_2ecbplus, 26_3ecbplus,
26_8ecbplus: other outlets; a nickname may begin with "The"). The small model cuts the name at the bracket: it keeps "Jones" and loses
"Adam", keeps "Luis Gerardo" and "Ortiz" apart, makes "Tommy Ryan" a person of its own
(the judged samples in bench/person_sample/ count each as wrong).

The shape read here: a name word before the opening mark (a word of a PERSON entity or a
given name of any language), one to three capitalised words inside (no stop word, no place
or nationality), the closing mark, and a name word after it (a word of a PERSON entity or a
family name of any language). The whole run is one PERSON span; the name it gives drops
what stands between the marks (``resolution/within_document.py``), so the person is "Adam
Jones", and the bare "Jones" of the article finds him. Linear: one look at each opening mark.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graphbuild.vocabulary import world_given_names, world_surnames

# Opening mark → the closing marks that end it.
_MARKS = {"(": {")"}, '"': {'"'}, "“": {"”", '"'}, "'": {"'", "’"}, "‘": {"’", "'"}, "`": {"'", "’"}}
_INNER_MAX = 3  # "Tommy Ryan", "Fat Tony", "Deep Throat"
_GIVEN_MAX = 3  # "Luis Gerardo"
_SURNAME_MAX = 2
_NOT_NAMES = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"})


def nicknamed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with every "Given (Nick) Surname" run made one PERSON span (see the module
    docstring); entities inside a run give way to it."""
    found: list[Span] = []
    after_last = 0
    for token in doc:
        if token.i < after_last or token.text not in _MARKS:
            continue
        span = _run_at(doc, token)
        if span is not None:
            found.append(span)
            after_last = span.end
    if not found:
        return ents
    taken = {i for span in found for i in range(span.start, span.end)}
    kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
    return sorted([*kept, *found], key=lambda span: span.start)


def _run_at(doc: Doc, mark: Token) -> Span | None:
    i = mark.i
    if i == 0 or not _given_word(doc[i - 1]):
        return None
    closing = next((t.i for t in doc[i + 1:min(i + 2 + _INNER_MAX, len(doc))] if t.text in _MARKS[mark.text]), None)
    if closing is None or closing == i + 1 or closing + 1 >= len(doc):
        return None
    inner = doc[i + 1:closing]
    if len(inner) >= 2 and inner[0].text == "The":
        inner = inner[1:]  # 'Vincent "The Chin" Gigante' (ECB+ 26_10ecbplus, 26_2ecbplus, 26_3ecbplus, 26_8ecbplus)
    if not all(t.is_alpha and t.is_title and not t.is_stop and t.ent_type_ not in _NOT_NAMES for t in inner):
        return None
    after = doc[closing + 1]
    given = doc[i - 1].lower_ in world_given_names()
    one_entity = given and all(t.ent_iob_ == "I" for t in doc[i:closing + 2])
    # NER took the nickname and the surname for one name of something else: 'Vincent "The
    # Chin" Gigante', WORK_OF_ART 'The Chin" Gigante' (ECB+ 26_10ecbplus, 26_2ecbplus).
    from_inside = given and doc[i + 1].ent_iob_ == "B" and all(t.ent_iob_ == "I" for t in doc[i + 2:closing + 2])
    if not (after.is_alpha and after.is_title
            and (after.ent_type_ == "PERSON" or after.lower_ in world_surnames() or one_entity or from_inside)):
        return None  # one entity of another label: "Charles (Lucky) Luciano" tagged ORG (ECB+ 26_1ecbplus)
    start = i - 1
    while start > 0 and i - start < _GIVEN_MAX and doc[start].ent_iob_ == "I" and _given_word(doc[start - 1]):
        start -= 1  # "Luis Gerardo": back over the words of the entity the name starts in
    end = closing + 2
    while end < len(doc) and end - closing - 1 < _SURNAME_MAX and doc[end].ent_iob_ == "I" \
            and doc[end].ent_type_ == "PERSON" and doc[end].is_alpha:
        end += 1  # a surname of two words the entity holds
    return Span(doc, start, end, label="PERSON")


def _given_word(token: Token) -> bool:
    """A capitalised word that can be a given name here: in a PERSON entity, or a given name
    of any language (faker's lists)."""
    return token.is_alpha and token.is_title and not token.is_stop \
        and (token.ent_type_ == "PERSON" or token.lower_ in world_given_names())
