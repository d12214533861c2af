"""Event triggers: spaCy ``Matcher`` on the patterns of ``data/event_triggers.jsonl``,
and how each trigger ties into its clause.

A noun trigger takes part through a verb: the *support* verb whose object it is
(``held talks``, ``attended the summit``, ``paid a visit``), the *presence* verb whose
at/in/to/for phrase it is (``speaking at a conference``, ``is in talks with``), or the
verb of the clause it is an *adjunct* of (``At the summit, Uribe charged …``, ``During
a visit to the West Bank, Carter laid a wreath``, ``After their meeting, Onodera
said``), also through a part of the event (``At the opening of the AU summit``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from graphbuild.extraction.events.lexicon import TriggerPattern, lexicon
from graphbuild.extraction.events.syntax import NOUN_POS, VERB_POS, is_root
from graphbuild.extraction.token_search import indices_with, word_hashes
from graphbuild.model import EventKind

MOTION_KINDS = frozenset({EventKind.VISIT})
# Verbs that are triggers themselves: a noun in their phrase adds its kind ("met in a
# summit": a Conference), it is not a second event.
TRIGGER_VERB_LEMMAS = frozenset({"meet", "negotiate", "visit", "gather", "convene"})


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    pattern: TriggerPattern
    kind: EventKind
    anchor: Token | None = None  # support or presence verb of a noun trigger
    adjunct: Token | None = None  # verb of the clause a noun trigger is an adjunct of
    absorbed: Token | None = None  # a noun trigger a verb trigger took the kind of

    @property
    def is_noun(self) -> bool:
        return self.token.pos_ in NOUN_POS

    @property
    def key(self) -> str:
        return self.pattern.id


class TriggerMatcher:
    """The trigger patterns of ``data/event_triggers.jsonl``, matched by spaCy's ``Matcher``,
    one ``Matcher`` per pattern, tried only where the pattern can start.

    Written by hand in front of the library because spaCy's ``Matcher`` tries every pattern
    at every token: with the 32 trigger patterns it cost about 30 µs a token, 6 % of the
    parse of ECB+ and more than the rest of event extraction together. Every pattern's first
    token names the word it must be (its ``LEMMA`` or ``LOWER``), so a token's lemma and
    lower-case form select the few patterns that may start there, and only those run, on the
    span of the pattern's longest length (the tokens with such a word are found from the
    attribute arrays, not by visiting every token); a pattern whose first token names no word, is
    optional or repeats runs over the whole document as before. The matches are the
    ``Matcher``'s own. At one token the first pattern in file order wins."""

    def __init__(self, vocab, patterns: tuple[TriggerPattern, ...]) -> None:
        self._by_word: dict[tuple[str, str], list[tuple[int, Matcher, int]]] = {}
        self._everywhere: list[tuple[int, Matcher]] = []
        self.patterns = patterns
        for order, pattern in enumerate(patterns):
            matcher = Matcher(vocab)
            matcher.add(pattern.id, [list(pattern.pattern)])
            words = _first_words(pattern.pattern)
            if words is None:
                self._everywhere.append((order, matcher))
                continue
            for word in words:
                self._by_word.setdefault(word, []).append((order, matcher, len(pattern.pattern)))
        # the same first words as string hashes, for _starts
        self._first_lemmas = word_hashes(word for attribute, word in self._by_word if attribute == "LEMMA")
        self._first_lowers = word_hashes(word for attribute, word in self._by_word if attribute == "LOWER")

    def __call__(self, doc: Doc) -> dict[int, TriggerPattern]:
        """Token index → the first pattern (in file order) that matches from that token."""
        found: dict[int, int] = {}
        for order, matcher in self._everywhere:
            for _, start, _ in matcher(doc):
                found[start] = min(order, found.get(start, order))
        for i in self._starts(doc):
            token = doc[i]
            tried = self._by_word.get(("LEMMA", token.lemma_), []) + self._by_word.get(("LOWER", token.lower_), [])
            for order, matcher, length in sorted(tried, key=lambda item: item[0]):
                if order >= found.get(token.i, len(self.patterns)):
                    break
                if any(start == 0 for _, start, _ in matcher(doc[token.i:token.i + length])):
                    found[token.i] = order
                    break
        return {start: self.patterns[order] for start, order in found.items()}

    def _starts(self, doc: Doc) -> list[int]:
        """Indices, in text order, of the tokens whose lemma or lower-case form is the first
        word of some pattern (extraction/token_search.py: the other tokens are not visited)."""
        return sorted({*indices_with(doc, LEMMA, self._first_lemmas), *indices_with(doc, LOWER, self._first_lowers)})


def _first_words(pattern) -> list[tuple[str, str]] | None:
    """(attribute, word) pairs one of which the pattern's first token must have, or None."""
    first = pattern[0] if pattern else {}
    if not first or "OP" in first or any(token.get("OP") in {"+", "*"} for token in pattern):
        return None  # no first word, or no longest length
    for attribute in ("LEMMA", "LOWER"):
        value = first.get(attribute)
        if isinstance(value, str):
            return [(attribute, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(attribute, word) for word in value["IN"]]
    return None


def build_matcher(vocab) -> TriggerMatcher:
    """The trigger matcher (one per vocabulary)."""
    return TriggerMatcher(vocab, lexicon().triggers)


def find_triggers(doc: Doc, matcher: TriggerMatcher) -> list[Trigger]:
    """Triggers of ``doc`` in text order, with their verbs; a noun in a trigger verb's
    phrase (``met ... in a summit``) is folded into the verb."""
    matched = matcher(doc)
    found: dict[int, Trigger] = {}
    absorbed_by: dict[int, int] = {}
    for index in sorted(matched):
        token, pattern = doc[index], matched[index]
        if token.pos_ in NOUN_POS:
            anchor = support_verb(token)
            if anchor is not None and anchor.i in matched and anchor.lemma_ in TRIGGER_VERB_LEMMAS:
                absorbed_by[index] = anchor.i
                continue
            found[index] = Trigger(token, pattern, pattern.kind, anchor, None if anchor is not None
                                   else adjunct_verb(token, pattern.agreement))
        else:
            found[index] = Trigger(token, pattern, pattern.kind)
    not_events = lexicon()["not_event_modifiers"]
    for noun, verb in absorbed_by.items():
        if any(c.lower_ in not_events for c in doc[noun].children if c.dep_ in {"compound", "amod", "nmod"}):
            found.pop(verb, None)  # "gathered for a news conference": a press conference, no meeting
            continue
        if verb in found and found[verb].absorbed is None:
            # the verb takes the noun's phrase too ("met Jaishankar for talks at Hyderabad
            # House on Friday": the date and place hang on "talks"), and a summit's kind
            old = found[verb]
            kind = EventKind.CONFERENCE if matched[noun].kind is EventKind.CONFERENCE \
                and old.kind is EventKind.MEETING else old.kind
            found[verb] = Trigger(old.token, old.pattern, kind, old.anchor, old.adjunct, doc[noun])
    return [found[i] for i in sorted(found)]


def support_verb(trigger: Token) -> Token | None:
    """The verb through which a noun trigger gets its subject, if any."""
    words = lexicon()
    head = trigger.head
    if is_root(trigger):
        return None
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in words["event_parts"] \
            and head.head.dep_ in {"dobj", "nsubjpass"} and not is_root(head.head):
        trigger, head = head.head, head.head.head  # "held another round of talks": through a part of them
    if trigger.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in words["support_verbs"]:
        return head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in words["presence_prepositions"]:
        verb = head.head
        if verb.pos_ in VERB_POS and (verb.lemma_ in words["presence_verbs"] | words["support_verbs"]
                                      or verb.lemma_ in TRIGGER_VERB_LEMMAS):
            return verb
    return None


def _one_determined_gathering(noun: Token) -> bool:
    """``a meeting``, ``his meeting``, ``the talks``: one gathering the article speaks of
    (not ``discussions`` in general; an agreement's ``in`` is what it contains, the
    caller's test)."""
    if noun.lower_ != "talks" and noun.tag_ in {"NNS", "NNPS"}:
        return False
    return any(c.dep_ in {"det", "poss"} for c in noun.children)


def adjunct_verb(trigger: Token, agreement: bool = False) -> Token | None:
    """``At the summit, Uribe charged``: the verb of the clause whose adjunct the
    trigger is (directly, or through a part of the event: ``At the opening of the AU
    summit``, ``At the conclusion of the Annapolis Conference``)."""
    words = lexicon()
    token = trigger
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ in words["event_parts"]:
        token = token.head.head  # "the opening of <event>"
    if token.dep_ != "pobj" or token.head.lower_ not in words["adjunct_prepositions"]:
        return None
    prep = token.head
    if prep.lower_ in words["determined_adjunct_prepositions"] and (agreement or not _one_determined_gathering(token)):
        return None
    verb = prep.head
    if verb.pos_ in VERB_POS and verb.i != prep.i:
        return verb
    return None
