"""Named-entity mentions from a parsed spaCy ``Doc``.

Returns :class:`graphbuild.model.Mention` records with offsets into the original
article (the text given to spaCy has the same length: boilerplate is blanked, not cut).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from graphbuild.model import Mention, TextSpan
from graphbuild.vocabulary import cultural_nouns, publication_heads

# spaCy labels that can name a person, country, organisation or place.
# TEAM: a city or country written for its team (extraction/place_and_org_labels.py).
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC", "TEAM"})
DATELINE_LABEL = "DATELINE"

_POSSESSIVE_SUFFIXES = ("’s", "'s", "’", "'")

# A demonym describing a language, a script or food ("Chinese characters", "French
# fries") names no country or people: such NORP mentions are dropped. Read off the
# parse: the noun the demonym modifies (graphbuild/data/cultural_nouns.jsonl).


def mentions_from_doc(doc: Doc, offset: int = 0, original: str | None = None) -> list[Mention]:
    """Mentions of ``doc``'s entities.

    ``offset`` shifts them when ``doc`` is a chunk of a longer article; ``original`` is
    the article's own text, from which each mention's surface form is sliced (the
    parsed text has boilerplate blanked out, never inside an entity).
    """
    parsed = doc.text  # Doc.text joins every token: build it once, not per entity
    source = parsed if original is None else original
    # Sentence spans once per doc; each entity finds its own by bisection (Span.sent walks
    # the tokens back to the sentence start for every entity).
    sentences = [(sent.start, sent.start_char, sent.end_char) for sent in doc.sents] if _has_sentences(doc) else []
    starts = [s[0] for s in sentences]
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or _cultural_demonym(ent) or _unit_after_number(ent):
            continue
        start, end = _trim(ent, parsed)
        if end <= start:
            continue
        if sentences:
            _, sent_start, sent_end = sentences[bisect_right(starts, ent.start) - 1]
        else:
            sent_start, sent_end = 0, len(parsed)
        found.append(
            Mention(
                start=start + offset,
                end=end + offset,
                text=source[start + offset:end + offset],
                label=ent.label_,
                sentence=TextSpan(sent_start + offset, sent_end + offset),
            )
        )
    return found


def _has_sentences(doc: Doc) -> bool:
    return doc.has_annotation("SENT_START") or doc.has_annotation("DEP")


def dateline_mention(text: str, span: TextSpan) -> Mention:
    """The dateline place (``TOKYO``) as a mention; its sentence is the dateline itself."""
    return Mention(span.start, span.end, text[span.start:span.end], DATELINE_LABEL, TextSpan(span.start, span.end))


def _cultural_demonym(ent: Span) -> bool:
    head = ent.root.head
    return ent.label_ == "NORP" and head.i >= ent.end and head.lower_ in cultural_nouns()


def _unit_after_number(ent: Span) -> bool:
    """An "organisation" glued to the number before it is a unit of measure: "6MB shared
    L2 cache" (ECB+ 40_4ecb) and "3MB L2 cache" (40_6ecb, another outlet) are split by
    the tokenizer into "6" + "MB", and the small model tags "MB" ORG; two reports then
    shared an "MB" node. A name is never written glued to a number before it (a name that
    begins with digits, "3M", "7-Eleven", is one token or starts the entity itself)."""
    if ent.label_ != "ORG" or ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.like_num and not before.whitespace_


_TRIMMED_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "ORG", "PERSON"})


def _capital_the_inside_a_sentence(ent: Span, first: str) -> bool:
    """ "The" written with a capital inside a sentence before a newspaper's name is a word of
    the name: "told The New York Times", "a columnist for The Washington Post" (wikinews
    wn-hamas-ends-truce, wn-cengiz-unga-khashoggi), "told The Times of Malta" (wikinews-3);
    ECB+ "The Timaru Herald", "The Wall Street Journal". The golds list these forms as
    aliases, but not "The Associated Press" (wikinews-extra), so only a name whose head
    word (before "of", else the last) is a newspaper's (data/publication_heads.jsonl). At a
    sentence's start the capital says nothing ("The European Union said"): the word before
    must be a lower-case one (after "15:" or a quotation mark a sentence starts)."""
    if first != "The" or ent.start == 0 or ent[0].is_sent_start or ent.label_ != "ORG":
        return False
    before = ent.doc[ent.start - 1]
    words = [t.text for t in ent]
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return before.is_alpha and before.is_lower and head in publication_heads()


def _trim(ent: Span, text: str) -> tuple[int, int]:
    """Character span of ``ent`` without a leading 'the' (or other lower-case determiner) or a trailing possessive
    (``text`` is ``ent.doc.text``)."""
    start, end = ent.start_char, ent.end_char
    while start < end and text[start].isspace():
        start += 1
    if ent.label_ in {"GPE", "LOC", "NORP", "FAC", "ORG"} and text[start:end].lower().startswith("the ") \
            and not _capital_the_inside_a_sentence(ent, text[start:start + 3]):
        start += 4
    elif ent.label_ in _TRIMMED_LABELS and len(ent) > 1 and ent[0].tag_ == "DT" and ent[0].is_lower:
        # Any other determiner is no word of a name either: "voted for a Organization of
        # American States motion" (wn3-lula-meets-uribe-leticia), "two pending projects: a Bureau of
        # Land Management plan" (ECB+ 9_5ecbplus).
        start = ent[1].idx
    for suffix in _POSSESSIVE_SUFFIXES:
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and text[end - 1] in " \t\r\n-–—,;:":
        end -= 1
    return start, end
