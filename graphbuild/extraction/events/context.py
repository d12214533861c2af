"""What the event rules need to know about one parsed chunk, computed once per chunk:
the entity mention on each token, the sentences (spans and texts), the people named
before each point, and where each date expression hangs. Per-trigger work then costs
look-ups, not scans of the sentence or the chunk (issue 12: linear time)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.events.lexicon import lexicon
from graphbuild.extraction.events.syntax import VERB_POS
from graphbuild.extraction.token_search import indices_with, word_hashes
from graphbuild.model import Mention, TextSpan

AGES = re.compile(r"year-old|years? old|-year\b|\bages?\b", re.IGNORECASE)  # "The 68-year-old Wen": an age
# "a three-day visit", "the two-day summit": how long, not when (round 10). Taken for the
# visit's date, the duration hid the real one beside it ("arrived for a three-day visit to
# Kenya late on Wednesday", wikinews:wn-annan-warns-kenya; "who is on a two-day visit to China",
# ndtv.com; "for the two-day summit", english.newstrack.com).
DURATIONS = re.compile(r"^(?:an?\s+|the\s+)?\w+\s*-\s*(?:day|week|month|hour|night)$", re.IGNORECASE)
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
WEEKDAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_WEEKDAY_HASHES = word_hashes(WEEKDAY_WORDS)  # extraction/token_search.py
PERSON_LABELS = frozenset({"PERSON"})
# A date expression hangs on a verb or trigger a few steps above it; one further down
# (deep in a list of names) is not that clause's date, and the bound keeps it linear.
MAX_DATE_CLIMB = 12


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # token indices
    end: int
    span: TextSpan  # character offsets in the article, trailing whitespace cut
    text: str  # the article's own text of the sentence (one string object, shared)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    start: int  # token indices
    end: int
    anchor: int  # the token the expression hangs on: the first verb or trigger above it (-1: none)
    steps: int  # head steps from the expression to its anchor


class DocContext:
    """One parsed chunk with its entity mentions, prepared for the event rules."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], offset: int, source: str, trigger_ids: set[int]):
        self.doc = doc
        self.offset = offset
        self.source = source
        self.text = doc.text  # Doc.text joins every token: built once
        self.by_token = _mentions_by_token(doc, mentions, offset)
        self.gathering_ids: set[int] = set()  # tokens of gathering triggers (conference, summit, assembly …)
        self.journey_ids: set[int] = set()  # tokens of journey nouns (visit, trip, tour …)
        # noun triggers in a verb trigger's phrase, by the verb: "hosted Macron for talks in Berlin"
        self.phrase_nouns: dict[int, list[Token]] = {}
        self.sentences: list[Sentence] = []
        self.sentence_of: list[int] = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            start_char = sent.start_char
            end_char = start_char + len(sent.text.rstrip())
            self.sentences.append(Sentence(sent.start, sent.end, TextSpan(start_char + offset, end_char + offset),
                                           source[start_char + offset:end_char + offset]))
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = index
        # People in text order, by their first token: antecedents are found by bisection.
        people = sorted({(m.start, m.end): m for m in self.by_token.values() if m.label in PERSON_LABELS}.values(),
                        key=lambda m: m.start)
        self.people: list[tuple[int, Mention]] = []
        for mention in people:
            span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
            if span is not None:
                self.people.append((span.root.i, mention))
        self.people.sort(key=lambda item: item[0])
        self._people_starts = [i for i, _ in self.people]
        self.trigger_ids = trigger_ids
        self.dates_by_anchor: dict[int, list[DateCandidate]] = {}
        for candidate in _date_candidates(doc, trigger_ids):
            self.dates_by_anchor.setdefault(candidate.anchor, []).append(candidate)

    def sentence(self, token: Token) -> Sentence:
        return self.sentences[self.sentence_of[token.i]]

    def people_before(self, index: int) -> list[tuple[int, Mention]]:
        """People whose head token comes before token ``index``, nearest first."""
        cut = bisect_left(self._people_starts, index)
        return self.people[cut - 1::-1] if cut else []

    def mention(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def text_span(self, start: int, end: int) -> TextSpan:
        """Character span (in the article) of tokens ``start``..``end``."""
        doc = self.doc
        return TextSpan(doc[start].idx + self.offset, doc[end - 1].idx + len(doc[end - 1]) + self.offset)

    def quoted(self, mention: Mention) -> bool:
        """A name between quotation marks is the title of a work: "'Catching Fire' talks"."""
        text = self.text
        before = mention.start - self.offset
        while before > 0 and text[before - 1] == " ":
            before -= 1
        after = mention.end - self.offset
        while after < len(text) and text[after] == " ":
            after += 1
        return before > 0 and after < len(text) and text[before - 1] in QUOTES and text[after] in QUOTES


QUOTES = frozenset("'\"‘’“”")


def _mentions_by_token(doc: Doc, mentions: Sequence[Mention], offset: int) -> dict[int, Mention]:
    found: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            found.setdefault(token.i, mention)
    return found


def _date_candidates(doc: Doc, trigger_ids: set[int]) -> list[DateCandidate]:
    """Every DATE entity and lone weekday name of the chunk, each with the token it
    hangs on: the first verb or trigger above its head (computed once per expression)."""
    frequencies = lexicon()["frequency_words"]  # "the annual meeting": how often, not when
    spans: list[tuple[int, int]] = [(ent.start, ent.end) for ent in doc.ents
                                    if ent.label_ == "DATE" and not AGES.search(ent.text)
                                    and not DURATIONS.match(ent.text)
                                    and not all(t.lower_ in frequencies for t in ent)]
    covered = {i for start, end in spans for i in range(start, end)}
    spans += [(i, i + 1) for i in indices_with(doc, LOWER, _WEEKDAY_HASHES) if i not in covered]
    found = []
    not_when = lexicon()["not_when_prepositions"]  # "the first to visit China since 2018": a starting point
    for start, end in spans:
        root = Span(doc, start, end).root
        if root.dep_ == "pobj" and root.head.lower_ in not_when:
            continue
        anchor, steps = -1, 0
        head = root.head
        if root.i in trigger_ids:
            anchor = root.i
        elif (root.dep_ in {"compound", "nmod", "amod", "poss"} and head.pos_ in {"NOUN", "PROPN"}
              and head.i not in trigger_ids and head.lower_ not in PARTS_OF_DAY):
            anchor, steps = head.i, 1  # "during Tuesday sessions": the sessions' day, not the clause's
        else:
            for steps, ancestor in enumerate(islice(root.ancestors, MAX_DATE_CLIMB), start=1):
                if ancestor.i in trigger_ids or ancestor.pos_ in VERB_POS:
                    anchor = ancestor.i
                    break
        found.append(DateCandidate(start, end, anchor, steps))
    return found
