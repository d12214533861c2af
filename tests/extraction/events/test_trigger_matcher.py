"""The trigger matcher: spaCy's Matcher run only where a pattern can start, same matches."""
from __future__ import annotations

from spacy.matcher import Matcher

from graphbuild.extraction.events.lexicon import TriggerPattern, lexicon
from graphbuild.extraction.events.triggers import TriggerMatcher, build_matcher
from graphbuild.model import EventKind

# Real sentences, each with several trigger forms (one word and several words, verbs and nouns).
SENTENCES = [
    # wikinews:wn-granda-capture-crisis
    "He met Lula for the first time in San Salvador, and the two held talks at the summit.",
    # seeds (Mattis in Tokyo)
    "Mattis arrived in Tokyo on Thursday and is in Japan for talks; he will go on to Seoul.",
    # ecbplus:10_2ecbplus
    "The Red Sox flew to Texas on Thursday night to meet with free agent Mark Teixeira.",
    "Erdogan sat down with Putin, then set foot in Sochi before the conference.",
]


def _plain_matches(nlp, doc) -> dict[int, str]:
    """What one spaCy Matcher over the whole document finds: the first pattern per token."""
    matcher = Matcher(nlp.vocab)
    for pattern in lexicon().triggers:
        matcher.add(pattern.id, [list(pattern.pattern)])
    found: dict[int, str] = {}
    for key, start, _ in matcher(doc):
        found.setdefault(start, nlp.vocab.strings[key])
    return found


def test_the_indexed_matcher_finds_what_the_plain_matcher_finds(nlp):
    matcher = build_matcher(nlp.vocab)
    for doc in nlp.pipe(SENTENCES):
        plain = _plain_matches(nlp, doc)
        assert plain, doc.text
        assert {start: pattern.id for start, pattern in matcher(doc).items()} == plain, doc.text


def test_at_one_token_the_first_pattern_in_file_order_wins(blank_nlp):
    go = TriggerPattern("go", EventKind.VISIT, ({"LOWER": "go"},))
    go_on_to = TriggerPattern("go-on-to", EventKind.VISIT, ({"LOWER": "go"}, {"LOWER": "on"}, {"LOWER": "to"}))
    doc = blank_nlp("he will go on to Seoul")
    assert TriggerMatcher(blank_nlp.vocab, (go_on_to, go))(doc)[2].id == "go-on-to"
    assert TriggerMatcher(blank_nlp.vocab, (go, go_on_to))(doc)[2].id == "go"


def test_a_pattern_with_no_first_word_runs_over_the_whole_document(blank_nlp):
    any_then_talks = TriggerPattern("x", EventKind.MEETING, ({"IS_ALPHA": True}, {"LOWER": "talks"}))
    repeated = TriggerPattern("y", EventKind.MEETING, ({"LOWER": "peace"}, {"LOWER": "talks", "OP": "+"}))
    doc = blank_nlp("peace talks talks")
    found = TriggerMatcher(blank_nlp.vocab, (any_then_talks, repeated))(doc)
    assert {start: pattern.id for start, pattern in found.items()} == {0: "x", 1: "x"}
