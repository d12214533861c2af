"""Offices held by people, read off the dependency parse.

Two shapes, each one edge of the dependency parse (read off ``token.head`` and
``token.children``: linear in the text):

* pre-modifier: the office is a ``compound`` of the person's name —
  "U.S. Defense Secretary Jim Mattis", "Associated Press writer Mari Yamaguchi";
* apposition: the office and the name are ``appos`` of one another —
  "Jim Mattis, the U.S. defense secretary", "The French foreign minister, Jean-Yves Le Drian".

The title is a span of ``doc.spans["titles"]`` (found by the repair component in
:mod:`graphbuild.extraction.entity_repair`) ending at the office head word, or a head word on
its own right before a name: capitalised ("President Emmanuel Macron"), or in lower
case when a holder qualifies it ("Georgia governor Brian Kemp"). The holder
is a country, demonym or organisation entity standing right before the title
(possessive allowed: "Britain's prime minister") whose head on the parse leads into
the title or the name. Offices with a ``former`` modifier are not held and skipped.

A generic role that is no office but makes its holder's country the person's
(``stands_for_holder`` in ``data/office_words.jsonl``: "North Korean leader Kim
Jong-un", "Kim Jong-un, North Korea's leader") is read in the same two shapes, with its
holder required, and tagged :attr:`OfficeRule.STAND_IN`: never a ``HOLDS_OFFICE``
edge, only evidence for the event merge that the person acts for that country.

A family relation written beside a name (``data/kin_nouns.jsonl``: "his nephew William T.
LaRue", "Flynn's father, Herbert Flynn", "Charlie Kafoury, Charlene's brother") is read in
the apposition shape and tagged :attr:`OfficeRule.KIN`, with the possessor's name as its
holder when the possessor is a name: never an edge, only evidence for the within-article
resolution that the name is a relative, not the person the text calls by the bare surname.

Only :class:`graphbuild.model.OfficeMention` records leave this module; the title is
normalised and the spans resolved to entities in :mod:`graphbuild.resolution.offices`.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.entity_repair import TITLES_KEY
from graphbuild.extraction.token_search import indices_with, word_hashes
from graphbuild.model import OfficeMention, TextSpan
from graphbuild.rules import OfficeRule
from graphbuild.vocabulary import kin_nouns, office_heads, ranks, stand_in_roles, title_words

PRE_MODIFIER = OfficeRule.PRE_MODIFIER
APPOSITION = OfficeRule.APPOSITION
STAND_IN = OfficeRule.STAND_IN
KIN = OfficeRule.KIN

# Entity labels a name can carry when it follows an office (NER mislabels surnames).
NAME_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "PRODUCT"})
HOLDER_LABELS = frozenset({"GPE", "NORP", "ORG"})
# Before a title a holder may carry any name label: NER calls a country a person or a region
# where the name reads like one ("Niger's president Mahamadou Issoufou" after "Niamey, Niger's
# capital", where "Niger" is PERSON, wn-afcfta-niamey-summit); the within-article resolution
# (resolution/offices.py) keeps only holders that resolve to a Country or an Organization.
_HOLDER_BEFORE_LABELS = HOLDER_LABELS | {"PERSON", "LOC", "FAC"}
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_NOT_HELD = frozenset({"former", "ex", "late", "then"})
_HEAD_HOPS = 3
_HOLDER_PREPOSITIONS = frozenset({"of", "for", "at"})
# A holder stands right before its title, a possessive at most between: look no further back.
_HOLDER_WINDOW = 3
# Honorifics and ranks between a title and the name it qualifies ("Qatar's Emir Sheikh Tamim
# bin Hamad al-Thani", wn-gaza-fighting-unsc; "Papua police chief Maj. Gen. Bagus Ekodanto",
# ECB+ 37_6ecb): at most this many words.
_HONORIFIC_GAP = 3

_NAME_TAGS = frozenset({"NNP", "NNPS"})
# The three shapes are one edge of the parse each: (name → office, office's dependency),
# (office → name, name's dependency).
_NAME_TO_OFFICE = frozenset({"compound", "nmod", "appos"})
_OFFICE_TO_NAME = frozenset({"appos"})


class OfficeFinder:
    """Build once per vocabulary; call on parsed docs."""

    def __init__(self, vocab=None) -> None:  # ``vocab``: callers pass the model's; the shapes need none
        self.heads = frozenset(office_heads())
        self.stand_ins = frozenset(stand_in_roles())
        self.ranks = frozenset(ranks())
        self._head_hashes = word_hashes(self.heads | self.stand_ins)  # extraction/token_search.py
        self.kin = kin_nouns()

    def __call__(self, doc: Doc, offset: int = 0) -> list[OfficeMention]:
        """Offices in ``doc``; ``offset`` shifts spans when ``doc`` is a chunk of an article."""
        if not doc.has_annotation("DEP"):
            return []
        titles = doc.spans.get(TITLES_KEY, [])
        titles_by_token = {i: span for span in titles for i in range(span.start, span.end)}
        found: dict[tuple[int, int], OfficeMention] = {}
        candidates = list(self._dependency_matches(doc))
        # Linear: a title right before a person's name, whatever the parse made of it
        # ("Niger's president Mahamadou Issoufou": two subjects of "said", wn-afcfta-niamey-summit;
        # "Sudan's president Salva Kiir", ECB+ 41_5ecbplus).
        heads = self.heads | self.stand_ins
        head_words = indices_with(doc, LOWER, self._head_hashes)
        # the tokens of a title or with an office head word, in text order, not the last
        for i in sorted({*titles_by_token, *head_words} - {len(doc) - 1}):
            token = doc[i]
            following = doc[_after_honorifics(doc, token.i + 1)]
            if following.ent_iob_ == "B" and following.ent_type_ == "PERSON":
                head = token if token.i not in titles_by_token else _title_head(titles_by_token[token.i], heads)
                candidates.append((head, following, PRE_MODIFIER))
        for head, name_token, rule in candidates:
            if head.lower_ in self.stand_ins and head.i not in titles_by_token:
                rule = STAND_IN
            office = found_office(doc, head, name_token, rule, titles_by_token, offset)
            # A rank alone ("U.S. General David Petraeus") is no office; "Secretary-General" is.
            if office is not None and office.title_text.lower() not in self.ranks:
                found.setdefault((office.title.start, office.person.start), office)
        for relation in self._kin(doc, offset):
            found.setdefault((relation.title.start, relation.person.start), relation)
        return sorted(found.values(), key=lambda o: (o.title.start, o.person.start))

    def _kin(self, doc: Doc, offset: int) -> Iterator[OfficeMention]:
        """Family relations in apposition with a name: the kin noun's ``appos`` child ("his
        nephew William T. LaRue", "the deceased's father, Herbert Flynn Jr") or the name's
        ("Charlie Kafoury, Charlene's brother"). The holder is the possessor of the kin noun
        when it is a name ("Flynn's father, Herbert Flynn": the bare "Flynn" is not Herbert
        Flynn). One edge each: linear."""
        for kin in doc:
            if kin.lower_ not in self.kin:
                continue
            names = [child for child in kin.children if child.dep_ == "appos" and _a_name(child)]
            if kin.dep_ == "appos" and _a_name(kin.head):
                names.append(kin.head)
            owner = next((c for c in kin.children if c.dep_ == "poss"), None)
            after = kin.i + 1 + (kin.i + 1 < len(doc) and doc[kin.i + 1].text == ",")
            if not names and owner is not None and after < len(doc) and doc[after].ent_iob_ == "B" \
                    and doc[after].ent_type_ == "PERSON":
                # Whatever the parse made of it, a name right after "her daughter," ("her
                # daughter, Charlene - - holding a picture of Kafoury - - sobbed", ECB+
                # 18_10ecbplus, parsed as an apposition of "holding"; "her brother Jack
                # Page", 4_14ecb, the name as attribute).
                names.append(doc[after])
            possessor = owner if owner is not None and _a_name(owner) else None
            holder = _entity_of(possessor) if possessor is not None else None
            for token in names:
                name = _entity_of(token)
                if name is None or kin.i in range(name.start, name.end) or (
                        holder is not None and holder.start == name.start):
                    continue
                sentence = name.sent
                yield OfficeMention(
                    title=TextSpan(kin.idx + offset, kin.idx + len(kin.text) + offset), title_text=kin.text,
                    person=TextSpan(name.start_char + offset, _trim_possessive(name) + offset),
                    holder=TextSpan(holder.start_char + offset, _trim_possessive(holder) + offset)
                    if holder is not None else None,
                    sentence=TextSpan(sentence.start_char + offset, sentence.end_char + offset), rule=KIN)

    def _dependency_matches(self, doc: Doc) -> Iterator[tuple[Token, Token, OfficeRule]]:
        """(office head, name token, shape) where an office head word and a name are one
        edge apart on the parse. Each shape is a single edge, so the head word's own head and
        children are all there is to look at: linear in the text. (spaCy's DependencyMatcher
        found the same edges but built ancestor maps of whole sentences first, quadratic on a
        sentence of 5,000 names: issue 12, tests/hostile "5,000 names in one sentence".)"""
        for i in indices_with(doc, LOWER, self._head_hashes):  # the tokens with an office head word
            office = doc[i]
            name = office.head
            if office.dep_ in _NAME_TO_OFFICE and name.i != office.i and _a_name(name):
                yield office, name, PRE_MODIFIER if office.dep_ != "appos" else APPOSITION
            for child in office.children:
                if child.dep_ in _OFFICE_TO_NAME and _a_name(child):
                    yield office, child, APPOSITION


def _after_honorifics(doc: Doc, index: int) -> int:
    """The first token from ``index`` on that is no capitalised honorific or rank (nameparser's
    titles: "Sheikh", "Maj.", "Gen."), looking at most :data:`_HONORIFIC_GAP` words ahead and
    never past the last token."""
    words = title_words()
    end = min(index + _HONORIFIC_GAP, len(doc) - 1)
    while index < end and doc[index].is_title and doc[index].ent_type_ != "PERSON" \
            and doc[index].lower_.rstrip(".") in words:
        index += 1
    return index


def _a_name(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS and token.tag_ in _NAME_TAGS


def _title_head(title: Span, heads: set[str]) -> Token:
    """The office head word of a title span ("Minister" of "Minister of Defense")."""
    return next((t for t in reversed(title) if t.lower_ in heads and (t.i + 1 == title.end or doc_next_is_of(t))),
                title[-1])


def doc_next_is_of(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of"


def found_office(doc: Doc, head: Token, name_token: Token, rule: OfficeRule, titles_by_token: dict[int, Span],
                 offset: int = 0) -> OfficeMention | None:
    """The office of ``head`` held by the entity containing ``name_token``, or ``None``."""
    name = _entity_of(name_token)
    if name is None or head.i in range(name.start, name.end):
        return None
    title = titles_by_token.get(head.i)
    bare = title is None
    stand_in = rule == STAND_IN
    if stand_in:  # the shape on the parse: right before the name, or an apposition
        rule = PRE_MODIFIER if head.i + 1 == name.start else APPOSITION
    if bare:
        # A bare head word counts as a title right before the name, and in lower case only
        # with a holder ("Georgia governor Brian Kemp", not "reporter John Smith"); in an
        # apposition only with a holder ("The President of Cuba, Fidel Castro",
        # wn-venezuela-colombia-crisis; "Ed Snider, the chairman of Comcast", ECB+ 5_1ecbplus).
        if rule == PRE_MODIFIER and _after_honorifics(doc, head.i + 1) != name.start:
            return None
        title = doc[head.i:head.i + 1]
    if rule == PRE_MODIFIER and _after_honorifics(doc, title.end) != name.start:
        return None
    if any(t.lower_ in _NOT_HELD for t in doc[max(title.start - 2, 0):title.end]):
        return None
    holder = _holder(doc, title, name)
    if bare and holder is None and (stand_in or rule != PRE_MODIFIER or not head.is_title):
        return None
    parts = [title, name] + ([holder] if holder is not None else [])
    start = min(p.start_char for p in parts)
    end = max(p.end_char for p in parts)
    sentence = name.sent  # one look-up per office found, not per entity
    return OfficeMention(
        title=TextSpan(title.start_char + offset, title.end_char + offset),
        title_text=title.text,
        person=TextSpan(name.start_char + offset, _trim_possessive(name) + offset),
        holder=TextSpan(holder.start_char + offset, _trim_possessive(holder) + offset) if holder is not None else None,
        sentence=TextSpan(sentence.start_char + offset, sentence.end_char + offset),
        rule=STAND_IN if stand_in else rule,
    ) if end > start else None


def _entity_of(token: Token) -> Span | None:
    if token.ent_type_ not in NAME_LABELS:
        return None
    return _entity_at(token.doc, token.i)


# Doc.ents builds every entity span on each access; these read the token IOB tags
# instead, so a long article costs linear time, not entities × offices.
def _entity_at(doc: Doc, i: int) -> Span:
    """The entity containing token ``i`` (which has an entity type)."""
    start, end = i, i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def _entities_before(doc: Doc, index: int) -> Iterator[Span]:
    """Entities ending at or before token ``index``, nearest first, within a few tokens
    (bounded: the walk never goes back to the start of a long chunk)."""
    i = index - 1
    while i >= max(index - _HOLDER_WINDOW, 0):
        if not doc[i].ent_type_:
            i -= 1
            continue
        ent = _entity_at(doc, i)
        if ent.end <= index:
            yield ent
        i = ent.start - 1


def _holder(doc: Doc, title: Span, name: Span) -> Span | None:
    """The entity right before ``title`` (a possessive may stand between) whose head,
    within a few hops on the parse, is a word of the title or of the name; else the
    entity of an "of"/"for"/"at" phrase on the title or on the name: "Bertie Ahern, the
    Prime Minister of Ireland" (wn-ahern-white-house), "President Hassan Rouhani of Iran"
    (wn-rouhani-persian-gulf), "Ed Snider, the chairman of Comcast" (ECB+ 5_1ecbplus)."""
    return _holder_before(doc, title, name) or _holder_after(doc, title, name)


def _holder_after(doc: Doc, title: Span, name: Span) -> Span | None:
    for owner in (title.root, name.root):
        for prep in owner.children:
            if prep.dep_ != "prep" or prep.lower_ not in _HOLDER_PREPOSITIONS or title.start <= prep.i < title.end:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in HOLDER_LABELS:
                    holder = _entity_at(doc, obj.i)
                    if holder.text[:1].isalnum() and not (name.start <= holder.start < name.end):
                        return holder
    return None


def _holder_before(doc: Doc, title: Span, name: Span) -> Span | None:
    anchors = set(range(title.start, title.end)) | set(range(name.start, name.end))
    for ent in _entities_before(doc, title.start):
        if ent.end > title.start:
            continue
        gap = doc[ent.end:title.start]
        if ent.label_ not in _HOLDER_BEFORE_LABELS or any(t.text not in _POSSESSIVE for t in gap):
            return None
        if not ent.text[:1].isalnum():
            return None  # a broken entity ("'s Office"): no holder rather than a wrong one
        token = ent.root
        for _ in range(_HEAD_HOPS):
            if token.head.i in anchors:
                return ent
            if token.head.i == token.i:
                break
            token = token.head
        return None
    return None


def _trim_possessive(span: Span) -> int:
    """End offset of ``span`` without a trailing possessive ("Britain's" → "Britain")."""
    text = span.text
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return span.end_char - len(suffix)
    return span.end_char
