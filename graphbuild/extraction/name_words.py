"""Tests of single tokens and short spans shared by the entity repairs: is a word a title,
a common English word, a calendar word, part of a name; accent folding; word counts.
"""
from __future__ import annotations

import calendar
import functools
import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graphbuild.vocabulary import (given_names, honorifics, surname_particles, time_zone_abbreviations,
                                   title_words, world_given_names)

NAME_MAX_TOKENS = 5
POSSESSIVES = frozenset({"'s", "’s"})
# Month and weekday names (and their abbreviations) are dates, never a repeated name ("May").
CALENDAR_WORDS = frozenset(w.casefold() for w in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                                   *calendar.day_abbr] if w)
PROPER_TAGS = frozenset({"NNP", "NNPS"})


HYPHENS = frozenset({"-", "‐", "‑"})


NAME_TOKENS = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def fold_accents(word: str) -> str:
    """``word`` without accents (capitals kept): "Idkū" → "Idku"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def is_title_or_honorific(token: Token) -> bool:
    """A title or honorific, even one that is also a given name ("Governor", "Sheikh")."""
    return token.lower_.rstrip(".") in title_words() or token.lower_ in honorifics()


def is_title_word(token: Token) -> bool:
    """A capitalised title that is no given name: "President", "Sheikh", "Gen." (nameparser's titles)."""
    word = token.lower_.rstrip(".")
    if token.i > 0 and token.nbor(-1).like_num:
        return False  # "1:31 PM Advanced Micro Devices" (ECB+ 43_5ecbplus): a time, no title
    return (token.is_title or token.is_upper) and word in title_words() and word not in given_names()


def english_words(nlp: Language) -> frozenset[str]:
    """The lemmas of the lemmatizer's ``lemma_index`` table (WordNet's nouns, verbs,
    adjectives and adverbs), or nothing when the pipeline has no such lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(word for words in lookups.get_table("lemma_index").values() for word in words)


def is_english_word(token: Token, english: frozenset[str]) -> bool:
    """A common English word, also in the plural ("Panthers")."""
    word = token.lower_
    return word in english or (word.endswith("s") and word[:-1] in english)


def name_word_count(span: Span) -> int:
    """Words of a name, a hyphenated one counting once: "Song Young-moo" has two (seed
    000_37cd7fc40fade2e0, family name first; ECB+ writes "Young - moo")."""
    return sum(1 for t in span if t.is_alpha and not (t.i > span.start and span.doc[t.i - 1].text in {"-", "‐", "‑"}))


def name_like(doc: Doc, start: int, end: int) -> bool:
    """Capitalised words, none a title (surname particles allowed inside: "Mohammad bin
    Salman"); not "Surrey Police" (ECB+ 14_5ecb) nor "Calls Bank Workers'" (ECB+ 8_9ecbplus)."""
    if not 0 < end - start <= NAME_MAX_TOKENS or not doc[start].is_title or not doc[end - 1].is_alpha:
        return False
    for token in doc[start:end]:
        if token.is_title and not is_title_word(token) and token.tag_ in {"NNP", "NNPS"}:
            continue
        if token.text == "-":
            continue
        if token.lower_.strip("-'’") in surname_particles() or (token.i > start and doc[token.i - 1].text == "-"):
            continue
        return False
    return True


def short_capitals(span: Span) -> bool:
    """Two or three capitals alone: an abbreviation, not a person's name."""
    text = span.text
    return len(span) == 1 and text.isupper() and text.isalpha() and len(text) <= 3


def abbreviations_only(span: Span) -> bool:
    """Two words or more, each two or three capitals and none a given name: abbreviations,
    not a person's name: "EYP MCF" (EYP Mission Critical Facilities; ECB+ 44_10ecbplus,
    44_14ecbplus, 44_1ecbplus, three reports typed PERSON). A name in capitals has longer
    words ("GARY ROSS", 6_1ecbplus) or a given name ("JOE LEE")."""
    tokens = list(span)
    if len(tokens) >= 3 and all(t.text == "-" for t in tokens[1::2]) and len(tokens) % 2 == 1:
        # Capitals joined by hyphens: "ZANU-PF activists" (wn-tsvangirai-rallies-banned, typed
        # PERSON), "FARC-EP", "PKK-YPG" (Wikinews), "HP-EDS", "WCCO-TV" (ECB+): abbreviations.
        return all(t.is_alpha and t.is_upper and 1 <= len(t) <= 5 and t.lower_ not in world_given_names()
                   for t in tokens[::2])
    return len(span) >= 2 and all(t.is_alpha and t.is_upper and 2 <= len(t) <= 3
                                  and t.lower_ not in world_given_names() for t in span)


def proper_capitalised(token: Token) -> bool:
    return token.tag_ in PROPER_TAGS and (token.is_title or token.is_upper)


_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "hrs", "hours", "local", "time"})


def time_zone_after_a_time(doc: Doc, index: int) -> bool:
    """A time zone abbreviation right after a clock time: "4 a.m. GMT", "10:30 BST", "(1430 UTC)",
    "15:30 local time (1430 UTC)" (vocabulary.time_zone_abbreviations)."""
    if doc[index].text not in time_zone_abbreviations() or index == 0:
        return False
    before = doc[index - 1]
    if before.text == "(" and index > 1:
        before = doc[index - 2]
    return any(c.isdigit() for c in before.text) or before.lower_ in _CLOCK_WORDS or before.ent_type_ == "TIME"
_CONJUNCTS_UP = 8


def after_locative(doc: Doc, start: int, words: frozenset[str]) -> bool:
    """The name at ``start`` follows one of ``words``, itself or as a later member of a
    coordination whose first member does ("in Damietta and Idku")."""
    token = doc[start]
    for _ in range(_CONJUNCTS_UP):
        if token.i > 0 and doc[token.i - 1].lower_ in words:
            return True
        if token.dep_ != "conj" or token.head.i >= token.i:
            return False
        token = token.head
        while token.i > 0 and doc[token.i - 1].ent_iob_ == "I":
            token = doc[token.i - 1]  # the first word of the member's entity
    return False
